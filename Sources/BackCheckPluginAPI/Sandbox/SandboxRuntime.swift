/// Runs evaluator code that a catalogue brings with it, inside a sandbox: the code sees only
/// the bytes it is given, cannot reach a file, a clock or a network, and every call is bounded
/// in instructions and memory.
///
/// A program hands one to its ``PluginRegistry``; the catalogue loader then accepts
/// `kind: evaluator` documents and compiles their modules with it. `backcheck` uses the
/// WebAssembly runtime of the `WebAssemblyEvaluators` module.
public protocol SandboxRuntime: Sendable {
    /// What runs the modules, for `backcheck plugins`: "WebAssembly (WasmKit)".
    var name: String { get }

    /// Validates and compiles `module`, checking that it imports nothing and exports what the
    /// evaluator ABI asks for; throws with a sentence that says what is wrong with it.
    func compile(_ module: [UInt8], limits: SandboxLimits) throws(SandboxFailure) -> any SandboxedModule
}

/// A compiled module, ready to be called. Calls are independent: no state survives from one
/// call to the next, so the same input always gives the same output.
public protocol SandboxedModule: Sendable {
    /// Whether the module can check a `scoring` block (it exports `backcheck_check`).
    var checksScoring: Bool { get }

    /// Calls `entry` with `input` (UTF-8 JSON) and returns the bytes it answered. Throws when
    /// the call ran out of its instruction budget, went over its memory cap, trapped, or gave
    /// a pointer outside its memory; never traps the program.
    func call(_ entry: SandboxEntry, input: [UInt8]) throws(SandboxFailure) -> [UInt8]
}

/// The two functions of the evaluator ABI that the program calls.
public enum SandboxEntry: String, Sendable, Hashable {
    /// `backcheck_evaluate`: one person's answers in, the score and findings out.
    case evaluate = "backcheck_evaluate"
    /// `backcheck_check`: a `scoring` block in, the problems with it out.
    case check = "backcheck_check"
}

/// Why a module could not be compiled or a call did not finish, as a sentence fragment that
/// follows "the evaluator 'ID' ": "ran out of its instruction budget (10000000)".
public struct SandboxFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reason, in words.
    public var reason: String

    /// Creates a failure with its reason.
    public init(_ reason: String) {
        self.reason = reason
    }

    /// The reason.
    public var description: String { reason }
}
