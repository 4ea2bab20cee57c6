import Foundation
import Testing

/// Lint shows every problem of a file in one run: a broken input, finding or expression does
/// not hide the scoring, the recommendations or the names behind it (issue 15, item 1).
@Suite struct OnePassLintTests {
    @Test func tenMistakesGiveTenMessagesInOneRun() throws {
        let folder = try CLI.temporaryFolder()
        #expect(try CLI.run(["new", "ten", "--evaluator", "thresholds"], directory: folder).status == 0)
        let file = folder.appendingPathComponent("ten.yaml")
        var yaml = try String(contentsOf: file, encoding: .utf8)
        for (from, to) in [
            ("version: 1 ", "version: one "), ("category: mobility ", "category: mobilty "),
            ("duration_min: 3 ", "duration_min: 900 "), ("    range: [0, 90]", "    range: [90, 0]"),
            ("    - when: angle > 20 ", "    - when: angel > 20% "), ("      severity: clamp", "      severty: clamp"),
            ("    tier: mobility  ", "    tier: mobilty  "), ("      - exercise: ten-drill", "      - exercise: ten-dril"),
            ("  level: low ", "  level: lo "),
        ] {
            #expect(yaml.contains(from), "the skeleton changed: \(from)")
            yaml = yaml.replacingOccurrences(of: from, with: to)
        }
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let lint = try CLI.run(["lint", "ten.yaml"], directory: folder)
        #expect(lint.status == 1)
        // The skeleton's placeholder text also gives warnings; the mistakes are the errors.
        let messages = lint.stderr.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        #expect(messages == [
            "ten.yaml:6:10: error: 'version': expected an integer, found the string \"one\"",
            "ten.yaml:8:11: error: expected one of mobility, activation, endurance, strength, technique, load, screening, found the string \"mobilty\"; did you mean 'mobility'?",
            "ten.yaml:10:15: error: 'duration_min' is out of range: must be 0.5 to 240, found 900",
            "ten.yaml:24:12: error: range must list the lowest value first, found [90, 0]",
            "ten.yaml:29:13: error: unknown name 'angel'; did you mean 'angle'?",
            "ten.yaml:29:23: error: unexpected character '%'; write a percentage as a plain number (20, not 20%), in the unit the input is measured in",
            "ten.yaml:31:7: error: unknown key 'severty' in a rule; did you mean 'severity'?",
            "ten.yaml:37:11: error: expected one of refer, technique, load, mobility, activation, endurance, strength, found the string \"mobilty\"; did you mean 'mobility'?",
            "ten.yaml:39:9: error: recommended exercise 'ten-dril' is not in the catalogue; did you mean 'ten-drill'?",
            "ten.yaml:41:10: error: expected one of high, moderate, low, found the string \"lo\"; did you mean 'low'?",
        ], "\(lint.stderr)")
        #expect(lint.stdout.contains("10 errors"))
    }

    @Test("a file whose id another file given later takes is still checked: `lint broken.yaml fine.yaml` fails")
    func aReplacedFileKeepsItsErrors() throws {
        let folder = try CLI.temporaryFolder()
        #expect(try CLI.run(["new", "ten", "--evaluator", "thresholds"], directory: folder).status == 0)
        let fine = folder.appendingPathComponent("ten.yaml")
        let yaml = try String(contentsOf: fine, encoding: .utf8)
        #expect(yaml.contains("    - when: angle > 20 "))
        try yaml.replacingOccurrences(of: "    - when: angle > 20 ", with: "    - when: angel > 20 ")
            .write(to: folder.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let lint = try CLI.run(["lint", "broken.yaml", "ten.yaml"], directory: folder)
        #expect(lint.status == 1, "\(lint.stderr)")
        #expect(lint.stderr.contains("broken.yaml:29:13: error: unknown name 'angel'; did you mean 'angle'?"), "\(lint.stderr)")
        // Spec 1: the same id in two of the author's files is a duplicate, named or in a folder.
        #expect(lint.stderr.contains(
            "ten.yaml:5:5: error: duplicate assessment id 'ten': already defined at broken.yaml:5:5; ids must be unique per kind (to take that one over, add 'replaces: ten')"),
            "\(lint.stderr)")
        // Given once, it is checked once.
        let twice = try CLI.run(["lint", "broken.yaml", "broken.yaml"], directory: folder)
        #expect(twice.stderr.components(separatedBy: "unknown name 'angel'").count - 1 == 1, "\(twice.stderr)")
    }

    @Test("a norms table with an error is named as such where an assessment uses it, not as unknown (a review found it)")
    func aBrokenNormsTableIsNotCalledUnknown() throws {
        let folder = try CLI.temporaryFolder()
        #expect(try CLI.run(["new", "plank-test", "--evaluator", "normative"], directory: folder).status == 0)
        let file = folder.appendingPathComponent("plank-test.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        let broken = yaml.replacingOccurrences(of: "female: {mean: 90, sd: 35}", with: "female: {mean: 90}")
        #expect(broken != yaml, "the skeleton changed")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let lint = try CLI.run(["lint", "plank-test.yaml"], directory: folder)
        let errors = lint.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 2, "\(lint.stderr)")
        #expect(errors.contains { $0.contains("error: the norms table 'plank-test-norms' (defined at plank-test.yaml:") && $0.hasSuffix("could not be read; fix its errors first (the measures are checked once it reads)") },
                "\(lint.stderr)")
        #expect(errors.contains { $0.contains("missing required key 'sd'") }, "\(lint.stderr)")
        #expect(!lint.stderr.contains("unknown norms table"))
    }

    @Test("the built-in folder linted by an absolute path is the same documents, not 54 replacements to warn of")
    func theBuiltInFolderByAnyPathReplacesNothing() throws {
        let absolute = CLI.root.appendingPathComponent("Assessments").path
        let lint = try CLI.run(["lint", absolute], directory: try CLI.temporaryFolder())
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(!lint.stderr.contains("replaces the one with id"), "\(lint.stderr.prefix(400))")
        #expect(lint.stdout.contains("0 errors") && !lint.stdout.contains("warning"), "\(lint.stdout)")
    }

    @Test("a finding with a misspelt key still has the scoring checked against it in the same pass (a review needed four runs)")
    func aBrokenFindingDoesNotHideTheScoring() throws {
        let folder = try CLI.temporaryFolder()
        try """
            kind: assessment
            id: my-test
            version: 1
            title: My test
            category: mobility
            duration_min: 2
            summary: Hip extension screen.
            instructions: "1. Lie down."
            inputs:
              hip_angle: {label: Thigh angle, lable: x, type: number, unit: deg, range: [-45, 60]}
            evaluator: thresholds
            scoring:
              rules:
                - {when: hip_angel > 0, finding: tight-hips, severity: high}
            findings:
              tight-hip: {title: Tight hip, explian: x, tier: mobility}
            evidence: {level: low, provenance: "cut-off 0: EXECP 2021"}
            references: [Harvey 1998]

            """.write(to: folder.appendingPathComponent("my-test.yaml"), atomically: true, encoding: .utf8)
        let lint = try CLI.run(["lint", "my-test.yaml"], directory: folder)
        let errors = lint.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.map { String($0) }
        #expect(errors == [
            "my-test.yaml:10:35: error: unknown key 'lable' in input 'hip_angle'; did you mean 'label'?",
            "my-test.yaml:14:14: error: unknown name 'hip_angel'; did you mean 'hip_angle'?",
            "my-test.yaml:14:38: error: unknown finding 'tight-hips': declare it under 'findings'; did you mean 'tight-hip'?",
            "my-test.yaml:14:60: error: unknown name 'high'; the names here are hip_angle and profile.*",
            "my-test.yaml:16:33: error: unknown key 'explian' in finding 'tight-hip'; did you mean 'explain'?",
        ], "\(lint.stderr)")
    }
}
