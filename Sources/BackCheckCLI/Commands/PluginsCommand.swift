import ArgumentParser
import AssessmentKit
import BackCheckPluginAPI

/// `backcheck plugins [--catalog DIR]`: the evaluator plugins — the program's, and the
/// WebAssembly evaluators the catalogues bring — and the keys of their `scoring` blocks.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the evaluator plugins and document each one's scoring keys.",
        discussion: """
            With --catalog, also the WebAssembly evaluators those catalogues bring (kind: evaluator), \
            each with its module's path, SHA-256 and limits.
            """)

    @OptionGroup var catalogue: CatalogueOptions

    func run() throws {
        // Wrapped like a report: at the terminal's width, or 80 columns when piped.
        let width = Output.textWidth(to: nil)
        func print(_ line: String) { StandardOutput.print(TextWrap.sheet(line, width: width)) }
        // The plugins and modules alone: no assessment is kept (each is still checked).
        let loaded = catalogue.catalogs.isEmpty ? nil : try catalogue.load(keeping: [])
        let registry = loaded?.registry ?? ProgramRegistry.current
        let modules = Dictionary(uniqueKeysWithValues: (loaded?.evaluators ?? []).map { ($0.id, $0) })
        for (index, plugin) in registry.plugins.enumerated() {
            if index > 0 { print("") }
            print("\(plugin.id) — \(plugin.summary)")
            if let module = modules[plugin.id] {
                // A path is never broken: it is copied, not read.
                StandardOutput.print("  module: \(module.modulePath)")
                print("  sha256: \(module.sha256)")
                print(
                    "  limits: \(module.limits.fuel) instructions, \(module.limits.memoryBytes >> 20) MiB per call; declared at \(module.declaredAt)")
            } else {
                print("  built into the program")
            }
            print("  scoring:")
            let width = plugin.scoringKeys.map(\.name.count).max() ?? 0
            for key in plugin.scoringKeys {
                let name = key.name + String(repeating: " ", count: width - key.name.count)
                let required = key.required ? "required" : "optional"
                print("    \(name)  \(key.type), \(required). \(key.meaning)")
            }
        }
        if let sandbox = registry.sandbox {
            print("")
            print("Catalogues may bring evaluators as WebAssembly modules; they run in \(sandbox.name), sandboxed.")
        }
    }
}
