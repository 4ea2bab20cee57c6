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
        let loaded = catalogue.catalogs.isEmpty ? nil : try catalogue.load()
        let registry = loaded?.registry ?? ProgramRegistry.current
        let modules = Dictionary(uniqueKeysWithValues: (loaded?.evaluators ?? []).map { ($0.id, $0) })
        for (index, plugin) in registry.plugins.enumerated() {
            if index > 0 { StandardOutput.print("") }
            StandardOutput.print("\(plugin.id) — \(plugin.summary)")
            if let module = modules[plugin.id] {
                StandardOutput.print("  module: \(module.modulePath)")
                StandardOutput.print("  sha256: \(module.sha256)")
                StandardOutput.print(
                    "  limits: \(module.limits.fuel) instructions, \(module.limits.memoryBytes >> 20) MiB per call; declared at \(module.declaredAt)")
            } else {
                StandardOutput.print("  built into the program")
            }
            StandardOutput.print("  scoring:")
            let width = plugin.scoringKeys.map(\.name.count).max() ?? 0
            for key in plugin.scoringKeys {
                let name = key.name + String(repeating: " ", count: width - key.name.count)
                let required = key.required ? "required" : "optional"
                StandardOutput.print("    \(name)  \(key.type), \(required). \(key.meaning)")
            }
        }
        if let sandbox = registry.sandbox {
            StandardOutput.print("")
            StandardOutput.print("Catalogues may bring evaluators as WebAssembly modules; they run in \(sandbox.name), sandboxed.")
        }
    }
}
