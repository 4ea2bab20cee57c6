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
}
