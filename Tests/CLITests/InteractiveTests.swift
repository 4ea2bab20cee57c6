import Foundation
import Testing

/// Guided sessions driven through a pseudo-terminal by Scripts/interactive.py (python3's pty
/// module), which fails with the transcript when an expected prompt does not come in time.
@Suite struct InteractiveTests {
    static let driver = CLI.root.appendingPathComponent("Tests/CLITests/Scripts/interactive.py").path

    @Test func aFullSessionWithTheStopwatchWritesTheReportAndAnswers() throws {
        let binary = try #require(CLI.binary)
        let folder = try CLI.temporaryFolder()
        let result = try CLI.tool("python3", [Self.driver, binary, "full", folder.path], timeout: 180)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("How to do it:"))
        #expect(result.stdout.contains("not accepted: a hold cannot be negative"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("report.json"))) as? [String: Any])
        let core = try #require((report["assessments"] as? [[String: Any]])?.first { $0["id"] as? String == "core-endurance-mcgill" })
        let answers = try #require(core["answers"] as? [String: Any])
        let timed = try #require(answers["flexor_hold"] as? Double)
        #expect(timed >= 1 && timed < 30)
        #expect(answers["extensor_hold"] as? Int == 95)
        #expect((answers["side_bridge"] as? [String: Any])?["right"] as? Int == 85)
        #expect(answers["stopped_for_pain"] is NSNull)
        #expect((report["profile"] as? [String: Any])?["age"] as? Int == 30)
        let saved = try String(contentsOf: folder.appendingPathComponent("saved.answers.yaml"), encoding: .utf8)
        #expect(saved.contains("extensor_hold: 95"))
        let rerun = try CLI.run(["run", "--answers", folder.appendingPathComponent("saved.answers.yaml").path, "--format", "json"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
    }

    @Test func anEmergencyAnswerStopsTheSessionAtOnce() throws {
        let binary = try #require(CLI.binary)
        let folder = try CLI.temporaryFolder()
        let result = try CLI.tool("python3", [Self.driver, binary, "emergency", folder.path], timeout: 120)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Go to A&E"))
        let beforeReferral = try #require(result.stdout.components(separatedBy: "EMERGENCY: GO TO").first)
        #expect(beforeReferral.contains("Do you have numbness"))
        #expect(!beforeReferral.contains("Since the back pain started"))
    }

    @Test func ctrlCLeavesNothingWritten() throws {
        let binary = try #require(CLI.binary)
        let folder = try CLI.temporaryFolder()
        let result = try CLI.tool("python3", [Self.driver, binary, "interrupt", folder.path], timeout: 120)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
