import ArgumentParser
import AssessmentKit
import BackCheckPluginAPI
import BackCheckYAML

/// `backcheck list`: the assessments of the catalogue.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the assessments: id, title, category, minutes and evidence level.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var catalogue: CatalogueOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        // The built-in catalogue's rows were read when the program was built: nothing to parse.
        let assessments = try catalogue.catalogs.isEmpty
            ? CatalogueListing.builtIn ?? CatalogueListing(catalogue.load())
            : CatalogueListing(catalogue.load())
        switch format {
        case .json:
            let rows = assessments.rows.map { assessment -> JSONValue in
                .object([
                    ("id", .string(assessment.id)), ("title", .string(assessment.title)),
                    ("category", .string(assessment.category.rawValue)),
                    ("duration_min", JSONValue(number: assessment.durationMinutes)),
                    ("evidence", .string(assessment.evidence.rawValue)),
                    ("evaluator", .string(assessment.evaluator)), ("version", .integer(assessment.version)),
                ])
            }
            StandardOutput.print(JSONValue.array(rows).serialized(pretty: true))
        case .text:
            let table = TextTable(headers: ["ID", "TITLE", "CATEGORY", "MIN", "EVIDENCE"])
            for assessment in assessments.rows {
                table.add([
                    assessment.id, assessment.title, assessment.category.rawValue,
                    NumberText.format(assessment.durationMinutes), assessment.evidence.rawValue,
                ])
            }
            StandardOutput.print(table.rendered, terminator: "")
        }
    }
}

extension JSONValue {
    /// A number as JSON: an integer when it is whole, otherwise a decimal.
    init(number: Double) {
        self = number == number.rounded() && abs(number) < 1e15 ? .integer(Int(number)) : .number(number)
    }
}
