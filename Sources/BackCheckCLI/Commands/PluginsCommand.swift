import BackCheckPluginAPI
import ArgumentParser
import AssessmentKit

/// `backcheck plugins`: the evaluator plugins and the keys of their `scoring` blocks.
struct PluginsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugins",
        abstract: "List the evaluator plugins and document each one's scoring keys.")

    func run() {
        for (index, plugin) in ProgramRegistry.current.plugins.enumerated() {
            if index > 0 { StandardOutput.print("") }
            StandardOutput.print("\(plugin.id) — \(plugin.summary)")
            StandardOutput.print("  scoring:")
            let width = plugin.scoringKeys.map(\.name.count).max() ?? 0
            for key in plugin.scoringKeys {
                let name = key.name + String(repeating: " ", count: width - key.name.count)
                let required = key.required ? "required" : "optional"
                StandardOutput.print("    \(name)  \(key.type), \(required). \(key.meaning)")
            }
        }
    }
}
