import Foundation
import Testing

/// `history compare` names the two check-ins by number: two saved in one second share a time,
/// and a lifter's review saw "From 2026-12-03T16:48:52Z to 2026-12-03T16:48:52Z".
struct CompareSpanTests {
    @Test func theTwoCheckInsAreNamedByNumber() throws {
        let (_, environment) = try HistoryTests.home()
        for hold in [40, 45] {
            let saved = try CLI.run(
                ["run", "--answers", HistoryTests.story, "--save", "--person", "Ola", "--set", "core-endurance-mcgill.extensor_hold=\(hold)"],
                environment: environment)
            #expect(saved.status == 0, "\(saved.stderr)")
        }
        for format in ["text", "markdown", "html"] {
            let compare = try CLI.run(["history", "compare", "Ola", "--format", format], environment: environment)
            #expect(compare.status == 0, "\(compare.stderr)")
            // Markdown escapes the number sign.
            let text = compare.stdout.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\\#", with: "#")
            #expect(text.contains("From check-in #1 (") && text.contains(") to check-in #2 ("), "\(format): \(compare.stdout.prefix(300))")
        }
    }
}
