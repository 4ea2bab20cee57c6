import Foundation
import Testing

/// What a review of authoring found, through the built binary: each problem reported once,
/// where the author can act on it.
@Suite struct AuthoringReviewTests {
    /// A copy of a built-in assessment under its own id, in a folder of its own.
    private static func ownCopy(_ change: (String) -> String) throws -> URL {
        let folder = try CLI.temporaryFolder()
        let original = try String(
            contentsOfFile: CLI.root.appendingPathComponent("Assessments/assessments/hamstring-length.yaml").path, encoding: .utf8)
        let mine = change(original.replacingOccurrences(of: "\nid: hamstring-length\n", with: "\nid: my-hamstrings\n"))
        try mine.write(to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("a trailing '---' is a warning at its own line, not an error past the end of the file")
    func aTrailingDocumentMarkerIsAWarning() throws {
        let folder = try Self.ownCopy { $0 + "---\n" }
        let lines = try String(contentsOf: folder.appendingPathComponent("mine.yaml"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).count - 1
        let lint = try CLI.run(["lint", folder.path])
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(lint.stderr.contains("mine.yaml:\(lines):1: warning: this document is empty (a '---' with nothing after it)"), "\(lint.stderr)")
    }

    @Test("a hexadecimal or grouped number is told how to write it, not called 'the number'")
    func aHexadecimalNumberIsToldHowToWriteIt() throws {
        let folder = try Self.ownCopy { $0.replacingOccurrences(of: "range: [0, 90]", with: "range: [0, 0x5A]") }
        let lint = try CLI.run(["lint", folder.path])
        #expect(lint.status == 1)
        #expect(lint.stderr.contains("error: expected a number, found the string \"0x5A\"; write it as a decimal number: 90"), "\(lint.stderr)")
        let grouped = try Self.ownCopy { $0.replacingOccurrences(of: "range: [0, 90]", with: "range: [0, 1_00]") }
        let again = try CLI.run(["lint", grouped.path])
        #expect(again.stderr.contains("found the string \"1_00\"; write it without '_': 100"), "\(again.stderr)")
    }

    @Test("an unknown alias is one error: the value it leaves empty is not reported again")
    func anUnknownAliasIsOneError() throws {
        let folder = try Self.ownCopy { $0.replacingOccurrences(of: "regions: [hip, hamstrings, lumbar]", with: "regions: *nope") }
        let lint = try CLI.run(["lint", folder.path])
        #expect(lint.status == 1)
        let errors = lint.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1 && errors.first?.contains("unknown alias '*nope'") == true, "\(lint.stderr)")
    }
}
