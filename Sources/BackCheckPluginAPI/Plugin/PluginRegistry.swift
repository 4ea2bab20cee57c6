/// The evaluator plugins the program knows, by id. Built once at start-up and never
/// changed after, so every catalogue load sees the same plugins.
///
/// The program assembles it — the `backcheck` tool from the five built-in plugins; a custom
/// program from those and its own:
///
/// ```swift
/// let registry = try PluginRegistry(BuiltinEvaluators.all + [LinearCurvePlugin()])
/// ```
///
/// Nothing below the program links a particular plugin: the catalogue loader and the engine
/// only ever see the registry they are given.
public struct PluginRegistry: Sendable {
    /// The plugins, sorted by id.
    public let plugins: [any EvaluatorPlugin]
    private let byID: [String: any EvaluatorPlugin]
    /// What compiles the evaluator modules a catalogue brings (`kind: evaluator`); without one
    /// such a document is an error saying the program cannot run them.
    public let sandbox: (any SandboxRuntime)?

    /// Two plugins claimed the same id: a programming error in how the registry is built.
    public struct DuplicateID: Error, Hashable, CustomStringConvertible {
        /// The id claimed twice.
        public var id: String
        /// Explains the error.
        public var description: String { "two evaluator plugins are registered with the id '\(id)'" }
    }

    /// Creates a registry of `plugins`, and of the modules `sandbox` can run; throws when two
    /// plugins share an id.
    public init(_ plugins: [any EvaluatorPlugin], sandbox: (any SandboxRuntime)? = nil) throws(DuplicateID) {
        var byID: [String: any EvaluatorPlugin] = [:]
        for plugin in plugins {
            guard byID[plugin.id] == nil else { throw DuplicateID(id: plugin.id) }
            byID[plugin.id] = plugin
        }
        self.byID = byID
        self.plugins = plugins.sorted { $0.id < $1.id }
        self.sandbox = sandbox
    }

    /// This registry with `more` plugins added; throws when one of them claims an id that is
    /// already taken.
    public func adding(_ more: [any EvaluatorPlugin]) throws(DuplicateID) -> PluginRegistry {
        try PluginRegistry(plugins + more, sandbox: sandbox)
    }

    /// The plugin with `id`.
    public func plugin(_ id: String) -> (any EvaluatorPlugin)? { byID[id] }

    /// This registry with `sandbox` running catalogue modules.
    public func running(modulesWith sandbox: any SandboxRuntime) -> PluginRegistry {
        // The plugins are already unique by id, so this cannot throw.
        (try? PluginRegistry(plugins, sandbox: sandbox)) ?? self
    }

    /// The ids, sorted.
    public var ids: [String] { plugins.map(\.id) }
}
