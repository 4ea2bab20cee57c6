import Foundation
import Testing

/// Whether headless Chromium can be driven through WebDriver here (`.ci/run` installs
/// chromium, chromium-driver and python3-selenium).
private let webDriverAvailable = CLI.available("chromium") && CLI.available("chromedriver")
    && (try? CLI.tool("python3", ["-c", "import selenium"]).status) == 0

/// The HTML reports in a real headless Chromium, driven through WebDriver by
/// Scripts/browser_check.py: on a 390×844 phone screen and on A4 paper nothing is wider than the
/// page, no text is under 12 px, the referral, an incomplete screen and the plan come before the
/// results, the printed summary fits one page before the program, a report follows dark mode,
/// and printing gives a PDF.
@Suite(.enabled(if: webDriverAvailable, "needs chromium, chromedriver and python3 selenium: apt-get install chromium chromium-driver python3-selenium"))
struct BrowserTests {
    static let script = CLI.root.appendingPathComponent("Tests/CLITests/Scripts/browser_check.py").path

    @Test func everyStoryAndAnIncompleteScreenReadWellOnAPhoneAndOnPaper() throws {
        let folder = try CLI.temporaryFolder()
        let old = try CLI.firstEditionAnswers(in: folder)
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

    @Test func theHistoryTrendAndComparisonPagesReadWellOnAPhoneAndOnPaper() throws {
        let (folder, environment) = try HistoryTests.home()
        let lines = try [("2026-09-01T09:00:00Z", 50), ("2026-10-01T09:00:00Z", 62), ("2026-11-01T09:00:00Z", 80), ("2026-12-01T09:00:00Z", 95)]
            .map { try HistoryTests.exportLine(person: "Marcus", time: $0.0, extensor: $0.1) }
        let file = folder.deletingLastPathComponent().appendingPathComponent("marcus.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["history", "import", file.path], environment: environment).status == 0)
        // The latest check-in an emergency: both pages lead with its referral.
        let emergency = try CLI.run(["run", "--answers", HistoryTests.story, "--format", "json", "--set", "red-flag-screen.saddle_numbness=true"]).stdout
            .replacingOccurrences(of: #""generated_at": "[^"]*""#, with: "\"generated_at\": \"2026-12-15T09:00:00Z\"", options: .regularExpression)
        try (#"{"schema": "backcheck.checkin/1", "id": 0, "person": "Marcus", "report": "# + emergency.replacingOccurrences(of: "\n", with: "") + "}\n")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["history", "import", file.path], environment: environment).status == 0)
        let trend = folder.deletingLastPathComponent().appendingPathComponent("trend.html").path
        let compare = folder.deletingLastPathComponent().appendingPathComponent("compare.html")
        #expect(try CLI.run(["history", "trend", "Marcus", "--format", "html", "--output", trend], environment: environment).status == 0)
        let comparison = try CLI.run(["history", "compare", "Marcus", "--since", "2026-09-01", "--format", "html"], environment: environment)
        try comparison.stdout.write(to: compare, atomically: true, encoding: .utf8)
        let page = try String(contentsOfFile: trend, encoding: .utf8)
        #expect(page.components(separatedBy: "<svg class=\"trend\"").count - 1 == 4)
        #expect(page.contains("<rect class=\"band\""))
        #expect(page.contains("class=\"referral urgency-emergency\""))
        let check = try CLI.tool("python3", [Self.script, trend, compare.path], timeout: 300)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func aComparisonAfterAnEmergencyLeadsWithTheReferralOnAPhoneAndOnPaper() throws {
        let folder = try CLI.temporaryFolder()
        let earlier = try ReportCommandTests.save("earlier.json", in: folder)
        let later = try ReportCommandTests.save("later.json", in: folder, sets: ["red-flag-screen.saddle_numbness=true"])
        let page = folder.appendingPathComponent("compare.html").path
        #expect(try CLI.run(["report", later, "--compare", earlier, "--format", "html", "--output", page]).status == 0)
        let check = try CLI.tool("python3", [Self.script, page], timeout: 300)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // On both media the first thing after the header is the referral.
        #expect(check.stdout.components(separatedBy: #""order": ["referral""#).count - 1 == 2, "\(check.stdout)")
    }

    @Test func theCatalogueSiteReadsWellOnAPhoneAndOnPaper() throws {
        let folder = try CLI.temporaryFolder().appendingPathComponent("site")
        #expect(try CLI.run(["docs", "--output", folder.path]).status == 0)
        let pages = ["index.html", "assessment-core-endurance-mcgill.html", "exercise-glute-bridge.html", "norms-mcgill-1999.html"]
        let check = try CLI.tool("python3", [Self.script] + pages.map { folder.appendingPathComponent($0).path }, timeout: 300)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
