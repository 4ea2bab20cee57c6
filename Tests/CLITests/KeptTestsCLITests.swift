import Foundation
import Testing

/// `run --answers` keeps only the tests its answers give and the screens, out of however large
/// a `--catalog`, a guided run of named tests those, and `show` the one it shows: a misspelt id
/// is still matched against every assessment for its suggestion.
@Suite struct KeptTestsCLITests {
    @Test("a misspelt id is matched against the tests a run does not keep", arguments: ["answers", "command line"])
    func aMisspeltIDFindsATestLeftOut(where written: String) throws {
        let folder = try CatalogueExampleCheckTests.folder(broken: false)
        let story = "Assessments/stories/sore-after-squats.answers.yaml"
        var arguments = ["run", "--catalog", folder.path, "--format", "json"]
        if written == "answers" {
            // The catalogue never reads an answers file, even in its folder.
            let answers = folder.appendingPathComponent("misspelt.answers.yaml")
            try "answers:\n  my-mcgil:\n    flexor_hold_s: 60\n".write(to: answers, atomically: true, encoding: .utf8)
            arguments += ["--answers", answers.path]
            let result = try CLI.run(arguments)
            #expect(result.status == 1)
            #expect(result.stderr.contains("error: unknown assessment 'my-mcgil'; did you mean 'my-mcgill'?"), "\(result.stderr.prefix(600))")
        } else {
            arguments += ["my-mcgil", "--answers", story]
            let result = try CLI.run(arguments)
            #expect(result.status == 64)
            #expect(result.stderr.contains("unknown assessment 'my-mcgil'; did you mean 'my-mcgill'?"), "\(result.stderr.prefix(600))")
        }
    }

    /// The same report as a run of the built-in catalogue alone: the author's test, not
    /// answered, changes nothing.
    @Test func aReportIsTheSameWithALargerCatalogue() throws {
        let folder = try CatalogueExampleCheckTests.folder(broken: false)
        let story = ["--answers", "Assessments/stories/sore-after-squats.answers.yaml", "--format", "json"]
        let alone = try CLI.run(["run"] + story)
        let withMine = try CLI.run(["run", "--catalog", folder.path] + story)
        #expect(alone.status == 0 && withMine.status == 0, "\(withMine.stderr.prefix(600))")
        func stable(_ json: String) -> String { json.split(separator: "\n").filter { !$0.contains("\"generated_at\"") }.joined(separator: "\n") }
        #expect(stable(withMine.stdout) == stable(alone.stdout))
    }

    @Test func showKeepsTheTestItShowsAndSuggestsAnyOther() throws {
        let folder = try CatalogueExampleCheckTests.folder(broken: false)
        let shown = try CLI.run(["show", "my-mcgill", "--catalog", folder.path])
        #expect(shown.status == 0, "\(shown.stderr.prefix(600))")
        #expect(shown.stdout.contains("McGill torso endurance battery"))
        let typo = try CLI.run(["show", "my-mcgil", "--catalog", folder.path])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("no assessment, exercise or norms table 'my-mcgil'; did you mean 'my-mcgill'?"), "\(typo.stderr.prefix(600))")
        let exercise = try CLI.run(["show", "glute-bridge", "--catalog", folder.path])
        #expect(exercise.status == 0, "\(exercise.stderr.prefix(600))")
    }

    /// `list` keeps of each assessment only its row: every one is still listed.
    @Test func listShowsTheRowsOfTestsItDoesNotKeep() throws {
        let folder = try CatalogueExampleCheckTests.folder(broken: false)
        let listed = try CLI.run(["list", "--catalog", folder.path, "--format", "json"])
        #expect(listed.status == 0, "\(listed.stderr.prefix(600))")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(rows.compactMap { $0["id"] as? String } == (rows.compactMap { $0["id"] as? String }).sorted())
        let mine = try #require(rows.first { $0["id"] as? String == "my-mcgill" })
        #expect(mine["title"] as? String == "McGill torso endurance battery")
        #expect(mine["evaluator"] as? String == "normative")
        let builtIn = try CLI.run(["list", "--format", "json"])
        let builtInRows = try #require(try JSONSerialization.jsonObject(with: Data(builtIn.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == builtInRows.count + 1)
    }
}
