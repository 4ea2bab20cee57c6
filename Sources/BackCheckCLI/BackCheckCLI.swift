public import BackCheckPluginAPI
internal import ArgumentParser
internal import Glibc
internal import WebAssemblyEvaluators


/// The `backcheck` command-line tool as a library, so that a program of your own is the tool
/// plus your evaluators:
///
/// ```swift
/// import BackCheckCLI
/// import BuiltinEvaluators
///
/// @main
/// enum MyBackCheck {
///     static func main() {
///         BackCheckCLI.main(evaluators: BuiltinEvaluators.all + [LinearCurvePlugin()])
///     }
/// }
/// ```
///
/// Every command (`lint`, `run`, `batch`, `plugins`, `schema`, …) then knows your evaluators:
/// catalogues may name them in `evaluator:`, `lint` checks their scoring blocks, and the JSON
/// Schema documents their keys.
public enum BackCheckCLI {
    /// Runs the tool with the process's arguments and exits. `evaluators` is the whole plugin
    /// set (the built-in catalogue needs `BuiltinEvaluators.all`); two with the same id are a
    /// mistake in the program, reported on standard error with exit status 70. WebAssembly
    /// evaluators that catalogues bring (`kind: evaluator`) run in the sandbox of the
    /// `WebAssemblyEvaluators` module, whatever the list.
    public static func main(evaluators: [any EvaluatorPlugin]) -> Never {
        do {
            ProgramRegistry.install(try PluginRegistry(evaluators, sandbox: WebAssemblySandbox()))
        } catch {
            var standardError = StandardError()
            print("error: \(error); give each evaluator plugin its own id", to: &standardError)
            exit(70)
        }
        BackCheckCommand.main()
        exit(0)
    }
}
