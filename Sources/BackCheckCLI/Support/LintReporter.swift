import ArgumentParser
import AssessmentKit
import BackCheckYAML

/// The forms `backcheck lint` writes its findings in, for people and for CI services.
enum LintReporter: String, ExpressibleByArgument, CaseIterable {
    /// `FILE:LINE:COLUMN: error: MESSAGE` lines, then a summary.
    case text
    /// `backcheck.lint/1` JSON.
    case json
    /// SARIF 2.1.0, with a fix wherever a did-you-mean exists.
    case sarif
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`).
    case github
    /// Checkstyle XML, as SwiftLint and many CI plug-ins read it.
    case checkstyle
    /// JUnit XML: a test case per assessment example, and one per loading problem.
    case junit

    /// The whole output for `diagnostics`, with the counts `summary` gives.
    func render(_ diagnostics: [Diagnostic], summary: LintSummary, examples: [ExampleOutcome] = []) -> String {
        switch self {
        case .text: diagnostics.map { $0.description + "\n" }.joined()
        case .json: LintJSON.render(diagnostics, summary: summary)
        case .sarif: LintSARIF.render(diagnostics)
        case .github: diagnostics.map(Self.github).joined()
        case .checkstyle: LintCheckstyle.render(diagnostics)
        case .junit: LintJUnit.render(diagnostics, examples: examples)
        }
    }

    private static func github(_ diagnostic: Diagnostic) -> String {
        func escaped(_ text: String, property: Bool) -> String {
            var result = text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
            if property { result = result.replacingAll(":", "%3A").replacingAll(",", "%2C") }
            return result
        }
        let command = diagnostic.severity == .error ? "error" : "warning"
        var properties = "title=" + escaped("backcheck " + LintRule.of(diagnostic).id, property: true)
        if let mark = diagnostic.mark {
            properties = "file=\(escaped(mark.file, property: true)),line=\(mark.line),col=\(mark.column)," + properties
        }
        return "::\(command) \(properties)::\(escaped(VisibleText.escaped(diagnostic.message), property: false))\n"
    }
}

/// The counts a lint run ends with.
struct LintSummary {
    var files: Int
    var assessments: Int
    var examples: Int
    var errors: Int
    var warnings: Int
}

extension String {
    /// Every `target` replaced by `replacement`, without Foundation.
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
