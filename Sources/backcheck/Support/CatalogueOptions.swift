import ArgumentParser
import AssessmentKit
import BackCheckYAML

/// The `--catalog DIR` option shared by every command that reads the catalogue.
struct CatalogueOptions: ParsableArguments {
    @Option(
        name: .customLong("catalog"),
        help: ArgumentHelp("A folder of your own catalogue YAML, loaded on top of the built-in one (repeatable).",
                           valueName: "dir"))
    var catalogs: [String] = []

    /// The built-in catalogue plus every `--catalog` folder, loaded and checked. Prints every
    /// problem to standard error and exits 1 when there is any error, so a command never works
    /// on a half-loaded catalogue.
    func load() throws -> Catalogue {
        var layers = [CatalogueLayer.builtIn]
        var problems = DiagnosticLog()
        for path in catalogs {
            let (layer, unreadable) = CatalogueLayer.fromDisk(path)
            layers.append(layer)
            problems.append(contentsOf: unreadable)
        }
        let result = CatalogueLoader(registry: .builtIn).load(layers)
        problems.append(contentsOf: result.diagnostics)
        var standardError = StandardError()
        for problem in problems.sorted { print(problem, to: &standardError) }
        guard let catalogue = result.catalogue, !problems.hasErrors else {
            print("error: the catalogue has \(problems.errorCount) error(s); fix them and try again", to: &standardError)
            throw ExitCode(1)
        }
        for replacement in catalogue.replacements {
            print("note: \(replacement)", to: &standardError)
        }
        return catalogue
    }
}
