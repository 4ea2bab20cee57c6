import BackCheckYAML
import ArgumentParser
import AssessmentKit
import CheckInHistory

/// `backcheck schema report|answers|assessment|…`: prints a JSON Schema (draft 2020-12).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of reports, answers files, catalogue documents, comparisons, batch records or history lists.",
        discussion: """
            For editor completion of catalogue YAML with yaml-language-server: save the output, e.g. \
            `backcheck schema assessment > backcheck.schema.json`, and put \
            `# yaml-language-server: $schema=./backcheck.schema.json` on the first line of each file \
            (or map the schema to a glob in your editor's yaml.schemas setting). The answers schema \
            lists the assessments of the loaded catalogue (built-in plus --catalog folders). \
            batch-input describes one line of `backcheck batch` input (an answers object with an id), \
            batch-record one line of its output; people, check-ins and trend \
            the --format json output of `history people`, `history list` and `history trend`. The \
            schemas of outputs accept fields they do not list, since a later version may add some \
            (spec 7.1); --strict forbids them, to check output against this version exactly.
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case report, answers, assessment, comparison
        case batchRecord = "batch-record"
        case batchInput = "batch-input"
        case people
        case checkIns = "check-ins"
        case trend
    }

    @Argument(help: "Which schema: report, answers, assessment, comparison, batch-record, batch-input, people, check-ins or trend.")
    var kind: Kind

    @Flag(help: "Schemas of outputs: forbid every field this version does not write (input schemas always do).")
    var strict = false

    @OptionGroup var catalogue: CatalogueOptions

    func run() throws {
        // Outputs may gain fields in later versions; an app's validator must not reject them.
        func output(_ schema: JSONValue) -> JSONValue { strict ? schema : JSONSchemas.acceptingAddedFields(schema) }
        let schema = switch kind {
        case .report: output(JSONSchemas.report)
        case .answers: JSONSchemas.answers(for: try catalogue.load())
        case .assessment:
            // The plugins alone: no assessment is kept (each is still checked).
            JSONSchemas.assessment(registry: catalogue.catalogs.isEmpty ? ProgramRegistry.current : try catalogue.load(keeping: []).registry)
        case .comparison: output(JSONSchemas.comparison)
        case .batchRecord: output(JSONSchemas.batchRecord)
        case .batchInput: JSONSchemas.batchInput(for: try catalogue.load())
        case .people: output(HistorySchemas.people)
        case .checkIns: output(HistorySchemas.checkIns)
        case .trend: output(HistorySchemas.trend)
        }
        StandardOutput.print(schema.serialized(pretty: true))
    }
}
