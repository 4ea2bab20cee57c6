public import BackCheckPluginAPI
internal import ChecklistEvaluator
internal import FiringOrderEvaluator
internal import NormativeEvaluator
internal import RedFlagsEvaluator
internal import ThresholdsEvaluator

/// The evaluator plugins that ship with BackCheck, for a program to put in its registry.
///
/// The built-in catalogue scores every assessment with one of these, so a program that loads
/// the built-in catalogue needs all five:
///
/// ```swift
/// BackCheckCLI.main(evaluators: BuiltinEvaluators.all + [LinearCurvePlugin()])
/// ```
public enum BuiltinEvaluators {
    /// `thresholds`, `normative`, `checklist`, `red-flags` and `firing-order`, new instances.
    public static var all: [any EvaluatorPlugin] {
        [ThresholdsPlugin(), NormativePlugin(), ChecklistPlugin(), RedFlagsPlugin(), FiringOrderPlugin()]
    }
}

extension PluginRegistry {
    /// A registry of the five built-in evaluators and nothing else.
    public static let builtIn: PluginRegistry = {
        do {
            return try PluginRegistry(BuiltinEvaluators.all)
        } catch {
            // The list above is fixed at compile time and a test builds it, so this cannot ship.
            fatalError("the built-in plugin list is inconsistent: \(error)")
        }
    }()
}
