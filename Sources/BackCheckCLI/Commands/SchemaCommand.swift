import BackCheckYAML
import ArgumentParser
import AssessmentKit

/// `backcheck schema report|answers|assessment`: prints a JSON Schema (draft 2020-12).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of reports, answers files, catalogue documents or comparisons.",
        discussion: """
            For editor completion of catalogue YAML with yaml-language-server: save the output, e.g. \
            `backcheck schema assessment > backcheck.schema.json`, and put \
            `# yaml-language-server: $schema=./backcheck.schema.json` on the first line of each file \
            (or map the schema to a glob in your editor's yaml.schemas setting). The answers schema \
            lists the assessments of the loaded catalogue (built-in plus --catalog folders).
            """)

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case report, answers, assessment, comparison
    }

    @Argument(help: "Which schema: report, answers, assessment or comparison.")
    var kind: Kind

    @OptionGroup var catalogue: CatalogueOptions

    func run() throws {
        let schema = switch kind {
        case .report: JSONSchemas.report
        case .answers: JSONSchemas.answers(for: try catalogue.load())
        case .assessment:
            JSONSchemas.assessment(registry: catalogue.catalogs.isEmpty ? ProgramRegistry.current : try catalogue.load().registry)
        case .comparison: JSONSchemas.comparison
        }
        StandardOutput.print(schema.serialized(pretty: true))
    }
}
