internal import BackCheckPluginAPI
internal import BuiltinEvaluators
internal import Synchronization
internal import WebAssemblyEvaluators

/// The plugin registry the program was started with. Commands are types that ArgumentParser
/// creates, so they cannot be handed it; they read it here. Set once, before any command runs.
enum ProgramRegistry {
    private static let installed = Mutex<PluginRegistry?>(nil)

    /// Makes `registry` the one every command uses.
    static func install(_ registry: PluginRegistry) {
        installed.withLock { $0 = registry }
    }

    /// The installed registry; the built-in plugins when none was installed (a test calling a
    /// command directly).
    static var current: PluginRegistry {
        installed.withLock { $0 } ?? PluginRegistry.builtIn.running(modulesWith: WebAssemblySandbox())
    }
}
