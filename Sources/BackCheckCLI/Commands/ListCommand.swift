import ArgumentParser
import AssessmentKit
import BackCheckPluginAPI
import BackCheckExpressions
import BackCheckYAML

/// `backcheck list`: the assessments of the catalogue.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the assessments, or the exercises, norms, evaluators, functions, units or input types.")

    /// What to list.
    enum Listing: String, ExpressibleByArgument, CaseIterable {
        case assessments, exercises, norms, evaluators, functions, units
        case inputTypes = "input-types"
    }

    @Argument(help: "assessments (the default), exercises, norms, evaluators, functions, units or input-types.")
    var what: Listing = .assessments

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @OptionGroup var catalogue: CatalogueOptions

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        guard what == .assessments else { return try listOther() }
        // The built-in catalogue's rows were read when the program was built: nothing to parse.
        // Otherwise every file is checked, and of an assessment only its row is kept.
        let assessments = try catalogue.catalogs.isEmpty
            ? CatalogueListing.builtIn ?? CatalogueListing(catalogue.load(keeping: []))
            : CatalogueListing(catalogue.load(keeping: []))
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
            StandardOutput.print(table.rendered(width: Output.textWidth(to: nil)), terminator: "")
        }
    }
}

extension ListCommand {
    /// Everything but the assessments: rows of text, or JSON.
    private func listOther() throws {
        let headers: [String]
        var rows: [[String]] = []
        switch what {
        case .assessments:
            return
        case .exercises:
            headers = ["ID", "NAME", "TYPE", "PATTERN", "LOADED"]
            for exercise in try catalogue.load(keeping: []).exercises.values.sorted(by: { $0.id < $1.id }) {
                rows.append([exercise.id, exercise.name, exercise.kind.rawValue, exercise.pattern.rawValue, exercise.loaded ? "yes" : "no"])
            }
        case .norms:
            headers = ["ID", "MEASURES", "POPULATION"]
            for table in try catalogue.load(keeping: []).norms.values.sorted(by: { $0.id < $1.id }) {
                rows.append([table.id, table.measures.keys.sorted().joined(separator: ", "), table.population])
            }
        case .evaluators:
            headers = ["ID", "WHAT IT DOES"]
            // With --catalog, the evaluators those catalogues bring as modules too.
            let registry = catalogue.catalogs.isEmpty ? ProgramRegistry.current : try catalogue.load(keeping: []).registry
            rows = registry.plugins.map { [$0.id, $0.summary] }
        case .functions:
            headers = ["FUNCTION"]
            rows = Expression.functionSignatures.map { [$0] }
        case .units:
            headers = ["UNIT"]
            rows = InputUnit.allCases.map { [$0.rawValue] }
        case .inputTypes:
            headers = ["TYPE"]
            rows = InputSpec.InputType.allCases.map { [$0.rawValue] }
        }
        switch format {
        case .json:
            let keys = headers.map { $0.lowercased().replacingAll(" ", "_") }
            StandardOutput.print(JSONValue.array(rows.map { row in
                .object(zip(keys, row).map { ($0, .string($1)) })
            }).serialized(pretty: true))
        case .text:
            let table = TextTable(headers: headers)
            rows.forEach(table.add)
            StandardOutput.print(table.rendered(width: Output.textWidth(to: nil)), terminator: "")
        }
    }
}

extension JSONValue {
    /// A number as JSON: an integer when it is whole, otherwise a decimal.
    init(number: Double) {
        self = number == number.rounded() && abs(number) < 1e15 ? .integer(Int(number)) : .number(number)
    }
}
