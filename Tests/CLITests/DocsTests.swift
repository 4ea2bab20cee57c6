import Foundation
import Testing

/// `backcheck docs` prints the guides, and the guides keep up with the program: every
/// function, input type and unit the program knows is in them.
@Suite struct DocsTests {
    static func words(_ arguments: [String]) throws -> [String] {
        try CLI.run(arguments).stdout.split(separator: "\n").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test func eachGuidePrintsAndNamesWhatTheProgramKnows() throws {
        let format = try CLI.run(["docs", "format"])
        #expect(format.status == 0)
        #expect(format.stdout.hasPrefix("# The catalogue format"))
        for type in try Self.words(["list", "input-types"]) { #expect(format.stdout.contains("`\(type)`"), "\(type)") }
        for evaluator in try CLI.run(["list", "evaluators", "--format", "json"]).stdout.components(separatedBy: "\"id\": \"").dropFirst() {
            let id = String(evaluator.prefix { $0 != "\"" })
            #expect(format.stdout.contains("`\(id)`"), "\(id)")
        }
        let expressions = try CLI.run(["docs", "expressions"])
        for function in try Self.words(["list", "functions"]) {
            let name = String(function.prefix { $0 != "(" })
            #expect(expressions.stdout.contains("`\(name)"), "\(name)")
        }
        let report = try CLI.run(["docs", "report"])
        for key in ["screening", "plan_left_out", "reassurance", "retest_due", "referral"] {
            #expect(report.stdout.contains("`\(key)`"), "\(key)")
        }
        #expect(!report.stdout.contains("<doc:") && !report.stdout.contains("``"))
        #expect(try CLI.run(["docs", "nonsense"]).status != 0)
    }

    @Test func theCatalogueSiteHasAPagePerDocumentAndNoBrokenLink() throws {
        let folder = try CLI.temporaryFolder().appendingPathComponent("site")
        let result = try CLI.run(["docs", "--output", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(pages.contains("index.html") && pages.contains("assessment-red-flag-screen.html"))
        #expect(pages.contains("exercise-glute-bridge.html") && pages.contains("norms-mcgill-1999.html"))
        #expect(pages.filter { $0.hasPrefix("assessment-") }.count == 13)
        for page in pages {
            let html = try String(contentsOf: folder.appendingPathComponent(page), encoding: .utf8)
            #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"), "\(page)")
            for href in html.components(separatedBy: "href=\"").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
                #expect(pages.contains(href), "\(page) links to \(href), which is not there")
            }
        }
        let file = folder.appendingPathComponent("index.html").path
        let refused = try CLI.run(["docs", "--output", file])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("exists and is not a folder"))
        // Its own pages are written again; a page someone else wrote is not, unless --force.
        #expect(try CLI.run(["docs", "--output", folder.path]).status == 0)
        try "<p>my own notes</p>\n".write(toFile: file, atomically: true, encoding: .utf8)
        let foreign = try CLI.run(["docs", "--output", folder.path])
        #expect(foreign.status == 1 && foreign.stderr.contains("index.html was not written by backcheck; give an empty folder, or --force"), "\(foreign.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "<p>my own notes</p>\n")
        #expect(try CLI.run(["docs", "--output", folder.path, "--force"]).status == 0)
        #expect(try String(contentsOfFile: file, encoding: .utf8).contains("BackCheck catalogue"))
    }

    /// Found by a review: --force was offered for a folder in a page's place, which it then
    /// refused; a missing parent folder gave a bare "No such file or directory"; the pages
    /// were 0644 whatever the umask.
    @Test func theSiteSaysHowToFixItsFolderAndKeepsTheUmask() throws {
        let base = try CLI.temporaryFolder()
        let missing = try CLI.run(["docs", "--output", base.appendingPathComponent("no/such").path])
        #expect(missing.status == 1 && missing.stderr.contains("create it first (mkdir -p "), "\(missing.stderr)")
        let site = base.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("index.html"), withIntermediateDirectories: true)
        let blocked = try CLI.run(["docs", "--output", site.path])
        #expect(blocked.status == 1 && blocked.stderr.contains("index.html exists and is not a regular file; move it aside"), "\(blocked.stderr)")
        #expect(!blocked.stderr.contains("--force"))
        let private_ = base.appendingPathComponent("private")
        let written = try CLI.tool("sh", ["-c", "umask 077 && exec \"$0\" docs --output \"$1\"", try #require(CLI.binary), private_.path])
        #expect(written.status == 0, "\(written.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: private_.appendingPathComponent("index.html").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
