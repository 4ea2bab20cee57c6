import Foundation
import Testing

@Suite struct ReportCommandTests {
    static let story = RunCommandTests.story

    /// Writes the story's JSON report (with `sets` overrides) into `folder`.
    static func save(_ name: String, in folder: URL, sets: [String] = []) throws -> String {
        let path = folder.appendingPathComponent(name).path
        let result = try CLI.run(["run", "--answers", story, "--format", "json", "--output", path] + sets.flatMap { ["--set", $0] })
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    @Test func aSavedReportRendersAsItWasWritten() throws {
        let folder = try CLI.temporaryFolder()
        let path = try Self.save("report.json", in: folder)
        let json = try CLI.run(["report", path, "--format", "json"])
        #expect(json.status == 0)
        #expect(json.stdout == (try String(contentsOfFile: path, encoding: .utf8)))
        let fromFile = try CLI.run(["report", path])
        let fresh = try CLI.run(["run", "--answers", Self.story])
        #expect(fromFile.stdout.split(separator: "\n").dropFirst() == fresh.stdout.split(separator: "\n").dropFirst())
        for format in ["markdown", "html"] { #expect(try CLI.run(["report", path, "--format", format]).status == 0) }
    }

    @Test func compareMarksImprovedWorseAndMeasurementError() throws {
        let folder = try CLI.temporaryFolder()
        let earlier = try Self.save("earlier.json", in: folder)
        let later = try Self.save("later.json", in: folder, sets: [
            "ankle-dorsiflexion.knee_to_wall.left=11.5", "hip-flexor-thomas.hip_angle.left=-1",
            "hip-flexor-thomas.knee_flexion.right=40",
        ])
        let result = try CLI.run(["report", later, "--compare", earlier])
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdout.replacingOccurrences(of: "\n    ", with: " ")
        #expect(text.contains("left Furthest big-toe-to-wall distance with the knee touching and the heel down: 8.5 cm → 11.5 cm (+3), improved"))
        #expect(text.contains("4 deg → -1 deg (-5), within measurement error (MDC 19)"))
        #expect(text.contains("62 deg → 40 deg (-22), worse"))
        #expect(text.contains("resolved: Restricted ankle dorsiflexion (left)"))
        let json = try CLI.run(["report", later, "--compare", earlier, "--format", "json"])
        #expect(json.stdout.contains("\"schema\": \"backcheck.comparison/1\""))
        #expect(json.stdout.contains("\"verdict\": \"within-measurement-error\""))
    }

    @Test func aFileThatIsNotAReportIsExplained() throws {
        let result = try CLI.run(["report", RunCommandTests.story])
        #expect(result.status == 1)
        #expect(result.stderr.contains("sore-after-squats.answers.yaml:1:1: error:"))
        #expect(result.stderr.contains("is not a report this program can read"))
        let missing = try CLI.run(["report", "no-such-report.json"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no-such-report.json"))
    }
}
