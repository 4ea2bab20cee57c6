import Foundation
import Testing

/// Renders an HTML report in headless Chromium and checks the picture is not blank.
@Suite struct BrowserTests {
    @Test func theHTMLReportRendersInChromium() throws {
        guard CLI.available("chromium") else {
            print("BrowserTests: skipped because chromium is not installed (apt-get install -y chromium); the HTML was not checked in a browser")
            return
        }
        let folder = try CLI.temporaryFolder()
        let html = folder.appendingPathComponent("report.html").path
        let png = folder.appendingPathComponent("report.png").path
        let run = try CLI.run(["run", "--answers", RunCommandTests.story, "--format", "html", "--output", html])
        #expect(run.status == 0)
        let shot = try CLI.tool("chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--screenshot=\(png)",
            "--window-size=900,1400", "file://\(html)",
        ], timeout: 120)
        #expect(FileManager.default.fileExists(atPath: png), "chromium wrote no screenshot: \(shot.stderr)")
        let stats = try CLI.tool("python3", [CLI.root.appendingPathComponent("Tests/CLITests/Scripts/png_stats.py").path, png])
        let fields = stats.stdout.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(fields.count == 4, "png_stats: \(stats.stdout)\(stats.stderr)")
        #expect(fields[0] == 900)
        #expect(fields[2] > 0.02, "the page is (nearly) blank: \(stats.stdout)")
        #expect(fields[3] > 10, "the page has almost no colours: \(stats.stdout)")
    }
}
