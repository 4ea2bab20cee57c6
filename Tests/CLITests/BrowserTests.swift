import Foundation
import Testing

/// Whether headless Chromium can be driven through WebDriver here (`.ci/run` installs
/// chromium, chromium-driver and python3-selenium).
private let webDriverAvailable = CLI.available("chromium") && CLI.available("chromedriver")
    && (try? CLI.tool("python3", ["-c", "import selenium"]).status) == 0

/// The HTML reports in a real headless Chromium, driven through WebDriver by
/// Scripts/browser_check.py: at a 390 px phone width and on A4 paper nothing is wider than the
/// page, no text is under 9 px, the referral and an incomplete screen come before the results,
/// and printing gives a PDF.
@Suite(.enabled(if: webDriverAvailable, "needs chromium, chromedriver and python3 selenium: apt-get install chromium chromium-driver python3-selenium"))
struct BrowserTests {
    static let script = CLI.root.appendingPathComponent("Tests/CLITests/Scripts/browser_check.py").path

    @Test func everyStoryAndAnIncompleteScreenReadWellOnAPhoneAndOnPaper() throws {
        let folder = try CLI.temporaryFolder()
        let old = folder.appendingPathComponent("old.answers.yaml")
        try """
            profile: {sex: male, age: 40}
            answers:
              red-flag-screen: {saddle_numbness: false}
              core-endurance-mcgill: {flexor_hold: 45, extensor_hold: 50, side_bridge: {left: 28, right: 20}}
            """.write(to: old, atomically: true, encoding: .utf8)
        var pages: [String] = []
        for answers in CLI.stories + [old.path] {
            let page = folder.appendingPathComponent(URL(fileURLWithPath: answers).deletingPathExtension().lastPathComponent + ".html").path
            let run = try CLI.run(["run", "--answers", answers, "--format", "html", "--output", page])
            #expect(run.status == 0, "\(answers): \(run.stderr)")
            pages.append(page)
        }
        let check = try CLI.tool("python3", [Self.script] + pages, timeout: 300)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let lines = check.stdout.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("{") }.count == pages.count)
        // The incomplete screen's box is the first thing after the header on both media.
        let incomplete = try #require(lines.first { $0.contains("old.answers.html") })
        #expect(incomplete.contains(#""order": ["screening""#))
    }
}
