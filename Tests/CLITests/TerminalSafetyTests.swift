import Foundation
import Testing

/// Text from a file or a path is shown on a terminal, never obeyed: control characters come
/// out as visible symbols (hardening, second round: item 7).
@Suite struct TerminalSafetyTests {
    static let escape = "\u{1B}"

    @Test func aHostileTitleIsShownNotObeyedByListShowAndRun() throws {
        let folder = try CLI.temporaryFolder()
        #expect(try CLI.run(["new", "wall-sit", "--evaluator", "checklist"], directory: folder).status == 0)
        let file = folder.appendingPathComponent("wall-sit.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        try yaml.replacingOccurrences(of: "title: Wall Sit", with: #"title: "Wall \e]0;PWNED\a\e[2J sit""#)
            .write(to: file, atomically: true, encoding: .utf8)
        let lint = try CLI.run(["lint", file.path])
        #expect(lint.status == 0, "\(lint.stderr)")
        for arguments in [["list", "--catalog", folder.path], ["show", "wall-sit", "--catalog", folder.path]] {
            let result = try CLI.run(arguments)
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
            #expect(!result.stdout.contains(Self.escape) && !result.stdout.contains("\u{07}"), "\(arguments)")
            #expect(result.stdout.contains("Wall ␛]0;PWNED␇␛[2J sit"), "\(arguments): \(result.stdout)")
        }
    }

    @Test func quotedValuesAndFileNamesInDiagnosticsStayOnOneVisibleLine() throws {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("two\nlines.yaml")
        try "kind: exercise\nid: \"bad\\e[2J\"\n".write(to: file, atomically: true, encoding: .utf8)
        let lint = try CLI.run(["lint", folder.path])
        #expect(lint.status == 1)
        let lines = lint.stderr.split(separator: "\n")
        #expect(lines.contains { $0.hasSuffix("two␊lines.yaml:2:5: error: id 'bad␛[2J' is not kebab-case: use lower-case letters and digits joined by single hyphens, e.g. 'bad-2j'") },
                "\(lint.stderr)")
        #expect(!lint.stderr.contains(Self.escape))
    }
}
