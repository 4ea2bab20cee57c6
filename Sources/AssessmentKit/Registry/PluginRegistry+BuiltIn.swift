import ChecklistEvaluator
import FiringOrderEvaluator
import NormativeEvaluator
import RedFlagsEvaluator
import ThresholdsEvaluator

extension PluginRegistry {
    /// The evaluator plugins that ship with BackCheck: `thresholds`, `normative`,
    /// `checklist`, `red-flags` and `firing-order`.
    public static let builtIn: PluginRegistry = {
        do {
            return try PluginRegistry([
                ThresholdsPlugin(), NormativePlugin(), ChecklistPlugin(), RedFlagsPlugin(), FiringOrderPlugin(),
            ])
        } catch {
            // The list above is fixed at compile time; a test builds it, so this cannot ship.
            fatalError("the built-in plugin list is inconsistent: \(error)")
        }
    }()
}
