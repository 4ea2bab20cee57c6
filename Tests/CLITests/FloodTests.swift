import Foundation
import Testing

/// Hostile files cannot flood the terminal or the memory (hardening, second round: items 1-2).
@Suite struct FloodTests {
    static func lint(_ text: String) throws -> (result: CLI.Result, seconds: Double) {
        let file = try CLI.temporaryFolder().appendingPathComponent("hostile.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let started = Date()
        let result = try CLI.run(["lint", file.path])
        return (result, Date().timeIntervalSince(started))
    }

    @Test func aMegabyteScalarAliasedThousandsOfTimesStopsAtTheByteBudget() throws {
        let big = String(repeating: "x", count: 1_000_000)
        var text = "kind: exercise\nid: bomb\nname: &n \"\(big)\"\ntype: stretch\ndosage: {sets: 1}\ninstructions: \"1. x\"\ncues:\n"
        text += String(repeating: "  - *n\n", count: 3_000)
        let (result, seconds) = try Self.lint(text)
        #expect(result.status == 1)
        #expect(result.stderr.contains("hostile.yaml:12:5: error: aliases repeat more than 4194304 bytes of text at '*n'"), "\(result.stderr)")
        #expect(seconds < 10)
        #expect(result.stderr.utf8.count < 2_000)
    }

    @Test func repeatedDuplicateKeysAreQuotedShortCappedAndPointAtTheAlias() throws {
        var text = "? &k " + String(repeating: "y", count: 2_000) + "\n: 1\n"
        text += String(repeating: "? *k\n: 1\n", count: 1_000)
        let (result, _) = try Self.lint(text)
        let lines = result.stderr.split(separator: "\n")
        let duplicates = lines.filter { $0.contains("duplicate key") }
        // Twenty, then one line for the rest; each quotes 40 characters and points at the alias.
        #expect(duplicates.count == 21, "\(lines.count) lines")
        #expect(duplicates.first?.hasSuffix("hostile.yaml:3:3: error: duplicate key '\(String(repeating: "y", count: 40))… (2000 characters)': first at line 1, again at line 3") == true,
                "\(duplicates.first ?? "")")
        #expect(duplicates.last?.contains("error: ... and 980 more like this: duplicate key") == true, "\(duplicates.last ?? "")")
        #expect(result.stderr.utf8.count < 8_000)
    }

    @Test func aMillionTinyDocumentsStopAtTheDocumentLimitQuickly() throws {
        let (result, seconds) = try Self.lint(String(repeating: "--- a\n", count: 1_000_000))
        #expect(result.status == 1)
        #expect(result.stderr.contains("hostile.yaml:10001:1: error: the file has more than 10000 documents; split it into several files"))
        #expect(result.stderr.contains("... and 9980 more like this: a catalogue document must be a mapping"))
        #expect(seconds < 10)
    }

    @Test func thousandsOfUnknownKeysOfOneKindAreCapped() throws {
        // 3 000 unknown keys: one kind of message (only the quoted key differs), so 20 and a summary.
        var text = "kind: exercise\nid: many\nname: Many\ntype: stretch\ndosage: {sets: 1}\ninstructions: \"1. x\"\n"
        for kind in 0..<30 { for copy in 0..<100 { text += "extra\(String(repeating: "q", count: kind))_\(copy): 1\n" } }
        let (result, _) = try Self.lint(text)
        let lines = result.stderr.split(separator: "\n").filter { $0.contains("unknown key") }
        #expect(lines.count == 21, "unknown keys of one kind (the numbers differ): \(lines.count)")
        // Every one is counted, in the summary and for machines, though 20 are printed.
        #expect(result.stdout.contains("3000 errors"), "\(result.stdout)")
        let file = try CLI.temporaryFolder().appendingPathComponent("hostile.yaml")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let json = try CLI.run(["lint", "--reporter", "json", file.path])
        #expect(json.stdout.contains("\"errors\": 3000"), "\(json.stdout.prefix(300))")
    }

    @Test func aMistakeUnderAnAnchorIsPrintedOnceHoweverOftenItIsAliased() throws {
        var text = "kind: exercise\nid: aliased\nname: Aliased\ntype: stretch\ndosage: {sets: 1}\n"
        text += "instructions: \"1. x\"\ncues:\n  - &bad {text: x}\n" + String(repeating: "  - *bad\n", count: 200)
        let (result, _) = try Self.lint(text)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(result.status == 1)
        #expect(errors.count == 1, "\(errors.prefix(3))")
        #expect(errors.first?.contains("hostile.yaml:8:5: error: ") == true, "\(errors.first ?? "")")
        #expect(result.stdout.contains(", 1 error"), "\(result.stdout)")
    }

    /// A command other than `lint` stopped by one error shows that error, not every warning of
    /// a large catalogue around it: it counts them, as it does when there is no error.
    @Test("one error in a catalogue of many warnings is not buried", arguments: ["run", "list"])
    func oneErrorAmongManyWarningsIsNotBuried(command: String) throws {
        let folder = try CatalogueExampleCheckTests.folder(broken: true)
        for number in 0..<300 {
            try "# nothing yet\n".write(to: folder.appendingPathComponent("draft-\(number).yaml"), atomically: true, encoding: .utf8)
        }
        let story = "Assessments/stories/sore-after-squats.answers.yaml"
        let result = try CLI.run(command == "run" ? ["run", "--catalog", folder.path, "--answers", story] : ["list", "--catalog", folder.path])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        // The two places the misspelt finding is named, the count of warnings, the summary.
        #expect(lines.count == 4, "\(lines.prefix(5))")
        #expect(lines.first?.hasSuffix("my-mcgill.yaml:223:22: error: unknown finding 'low-flexor-endurence'; did you mean 'low-flexor-endurance'?") == true)
        #expect(lines.dropFirst().first?.contains("my-mcgill.yaml:231:22: error: unknown finding 'low-flexor-endurence'") == true)
        #expect(lines.dropFirst(2).first == "note: the catalogue also has 300 warnings; `backcheck lint \(folder.path)` lists them")
        #expect(lines.last == "error: the catalogue has 2 error(s); fix them and try again")
    }
}
