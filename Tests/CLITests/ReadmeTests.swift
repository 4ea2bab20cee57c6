import Foundation
import Testing

/// The README works when pasted: every shell example that needs no terminal, and no tool
/// beyond `backcheck` and the shell, runs as written and exits 0, with the README's own
/// answers example saved as `mine.answers.yaml` (hardening, second round: item 11).
@Suite struct ReadmeTests {
    static let readme = (try? String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    /// The fenced blocks of `language`, in order.
    static func blocks(_ language: String) -> [[String]] {
        var blocks: [[String]] = []
        var current: [String]?
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if current == nil, line == "```" + language {
                current = []
            } else if current != nil, line == "```" {
                blocks.append(current!)
                current = nil
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    /// The commands of a shell block this test runs: `backcheck …`, `swift run backcheck …`
    /// (run as `backcheck …`) and `echo …`; building, installing and other tools are left out.
    static func commands(_ block: [String]) -> [String] {
        block.compactMap { line in
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("swift run backcheck ") { return String(text.dropFirst("swift run ".count)) }
            if text.hasPrefix("backcheck ") || text.hasPrefix("echo ") { return text }
            return nil
        }
    }

    @Test func theShellExamplesRunAsWritten() throws {
        let binary = try #require(CLI.binary)
        let folder = try CLI.temporaryFolder()
        let answers = try #require(Self.blocks("yaml").first { $0.contains { $0.hasPrefix("  red-flag-screen:") } },
                                   "the README has no answers example")
        try (answers.joined(separator: "\n") + "\n").write(
            to: folder.appendingPathComponent("mine.answers.yaml"), atomically: true, encoding: .utf8)
        let runnable = Self.blocks("sh").map(Self.commands).filter { !$0.isEmpty }
        #expect(runnable.count >= 4)
        var ran = 0
        for commands in runnable {
            // The story paths are the repository's; everything else happens in the scratch folder.
            let usesRepository = commands.contains { $0.contains("Assessments/") }
            // The history goes to the scratch folder, never to the user's own store.
            let script = "set -e\nexport BACKCHECK_HOME=\"\(folder.path)/store\"\nbackcheck() { \"\(binary)\" \"$@\"; }\n"
                + commands.joined(separator: "\n") + "\n"
            let result = try CLI.tool("sh", ["-c", "cd \"$1\" && sh -c \"$2\"", "sh", usesRepository ? CLI.root.path : folder.path, script], timeout: 120)
            #expect(result.status == 0, "README block failed:\n\(commands.joined(separator: "\n"))\n\(result.stderr)")
            ran += commands.count
        }
        #expect(ran >= 15)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("report.html").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("reports.jsonl").path))
    }

    @Test func theAnswersExampleIsCompleteSoItsScreenIsComplete() throws {
        let folder = try CLI.temporaryFolder()
        let answers = try #require(Self.blocks("yaml").first { $0.contains { $0.hasPrefix("  red-flag-screen:") } })
        let file = folder.appendingPathComponent("mine.answers.yaml")
        try (answers.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", "--answers", file.path, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(#""status": "complete""#))
    }
}
