import Foundation
import Testing

/// The smaller rules of the second hardening round (item 9), through the binary.
@Suite struct InputRuleTests {
    static func write(_ text: String, named name: String) throws -> String {
        let path = try CLI.temporaryFolder().appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func tagsAreRefusedInAnswersAndCatalogues() throws {
        let answers = try Self.write("""
            answers:
              hip-flexor-thomas: {hip_angle: {left: !!null 9, right: !!str 3}, knee_flexion: {left: 60, right: 60}, hip_abduction: {left: 1, right: 1}}
            """, named: "tagged.answers.yaml")
        let run = try CLI.run(["run", "--answers", answers])
        #expect(run.status == 1)
        #expect(run.stderr.contains("tagged.answers.yaml:2:41: error: tags such as '!!null' are not used in BackCheck files"))
        #expect(run.stderr.contains(":2:58: error: tags such as '!!str'"))
        let catalogue = try Self.write("kind: exercise\nid: !!str walk\n", named: "walk.yaml")
        #expect(try CLI.run(["lint", catalogue]).stderr.contains("walk.yaml:2:5: error: tags such as '!!str'"))
    }

    @Test func aNumberTooLargeIsOutOfRangeNotTheWrongType() throws {
        let answers = try Self.write("""
            answers:
              hip-flexor-thomas: {hip_angle: {left: 1e400, right: 3}, knee_flexion: {left: 60, right: 60}, hip_abduction: {left: 1, right: 1}}
              core-endurance-mcgill: {flexor_hold: 1e400, extensor_hold: 50, side_bridge: {left: 28, right: 20}}
            """, named: "big.answers.yaml")
        let run = try CLI.run(["run", "--answers", answers])
        #expect(run.stderr.contains("1e400 is out of range: it is too large to be a number here ('hip-flexor-thomas' input 'hip_angle' (left))"), "\(run.stderr)")
        #expect(run.stderr.contains("1e400 is out of range for 'core-endurance-mcgill' input 'flexor_hold'"))
        #expect(!run.stderr.contains("found the number 1e400"))
    }

    @Test func batchSkipsBlankLinesAndKeepsTheIdOfABrokenLine() throws {
        let input = "{\"id\": \"p-7\", \"answers\": {\n\n   \n{\"id\": 12, \"answers\": {\"x\": }}\n"
        let result = try CLI.run(["batch", "--allow-errors"], input: input)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix(#"{"id":"p-7","line":1,"errors":"#))
        #expect(lines[1].hasPrefix(#"{"id":12,"line":4,"errors":"#))
        #expect(result.stderr.contains("2 records"))
    }

    @Test func aSavedReportWithImpossibleValuesIsRefusedWithReasons() throws {
        let folder = try CLI.temporaryFolder()
        let path = folder.appendingPathComponent("r.json").path
        #expect(try CLI.run(["run", "--answers", "Assessments/stories/weak-core.answers.yaml", "--format", "json", "--output", path]).status == 0)
        var report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        func save(_ object: [String: Any], _ name: String) throws -> String {
            let file = folder.appendingPathComponent(name).path
            try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: file))
            return file
        }
        var bad = report
        bad["generated_at"] = "yesterday"
        var assessments = try #require(bad["assessments"] as? [[String: Any]])
        assessments[1]["score"] = -5
        bad["assessments"] = assessments
        let badRun = try CLI.run(["report", try save(bad, "bad.json")])
        #expect(badRun.status == 1)
        #expect(badRun.stderr.contains("'generated_at' must be a UTC time such as 2026-12-01T10:00:00Z, found 'yesterday'"))
        #expect(badRun.stderr.contains("'score' is out of range: must be 0 to 100, found -5"))
        var twice = report
        twice["assessments"] = (report["assessments"] as? [[String: Any]] ?? []) + [(report["assessments"] as? [[String: Any]])![0]]
        #expect(try CLI.run(["report", try save(twice, "twice.json")]).stderr.contains("assessment 'red-flag-screen' appears twice"))
        report["schema"] = "backcheck.report/2"
        #expect(try CLI.run(["report", try save(report, "v2.json")]).stderr.contains("newer format ('backcheck.report/2')"))
        var newerTool = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        newerTool["tool"] = ["name": "backcheck", "version": "9.0.0"]
        #expect(try CLI.run(["report", try save(newerTool, "newer-tool.json")]).status == 0)
    }

    @Test func aDumbTerminalGetsNoColour() throws {
        let binary = try #require(CLI.binary)
        let script = """
            import os, pty, sys
            def run(term):
                pid, fd = pty.fork()
                if pid == 0:
                    os.environ.pop("NO_COLOR", None); os.environ["TERM"] = term
                    os.execv(sys.argv[1], [sys.argv[1], "run", "--answers", "Assessments/stories/weak-core.answers.yaml"])
                out = b""
                while True:
                    try: chunk = os.read(fd, 65536)
                    except OSError: break
                    if not chunk: break
                    out += chunk
                os.waitpid(pid, 0)
                return b"\\x1b[" in out
            print(run("dumb"), run("xterm-256color"))
            """
        let result = try CLI.tool("python3", ["-c", script, binary])
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "False True", "\(result.stdout)\(result.stderr)")
    }

    @Test func aSetForAnAssessmentTheFileLacksPointsIntoTheFile() throws {
        let result = try CLI.run([
            "run", "--answers", "Assessments/stories/weak-core.answers.yaml", "--set", "hip-flexor-thomas.hip_angle.left=3",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("Assessments/stories/weak-core.answers.yaml:10:3: error: missing the right side of 'hip-flexor-thomas' input 'hip_angle'"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("--set '"), "\(result.stderr)")
    }
}
