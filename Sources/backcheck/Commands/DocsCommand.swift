import ArgumentParser
import BuiltinCatalogue

/// `backcheck docs TOPIC`: the format, expression and report guides at the terminal, from the
/// same Markdown as the DocC documentation.
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Read a guide: format (writing assessments), expressions, or report (the JSON).")

    enum Topic: String, ExpressibleByArgument, CaseIterable {
        case format, expressions, report

        var article: String {
            switch self {
            case .format: "CatalogueFormat"
            case .expressions: "Expressions"
            case .report: "ReportJSON"
            }
        }
    }

    @Argument(help: "format, expressions or report.")
    var topic: Topic

    func run() throws {
        guard let text = BuiltinCatalogue.articles.first(where: { $0.name == topic.article })?.text else {
            throw ValidationError("the guide '\(topic.rawValue)' is missing from this build")
        }
        StandardOutput.write(Self.plain(text))
    }

    /// DocC's symbol links (``Report``) and doc links (<doc:Expressions>) as plain words.
    static func plain(_ markdown: String) -> String {
        markdown.replacingAll("``", "").split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var text = String(line)
            while let start = text.range(of: "<doc:"), let end = text[start.upperBound...].firstIndex(of: ">") {
                text.replaceSubrange(start.lowerBound...end, with: text[start.upperBound..<end])
            }
            return text
        }.joined(separator: "\n")
    }
}
