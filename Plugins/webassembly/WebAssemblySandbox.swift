public import BackCheckPluginAPI
internal import WasmKit
internal import WasmParser

/// Runs the evaluator modules a catalogue brings (`kind: evaluator`, ABI 1) in WasmKit's
/// interpreter: no imports, an instruction budget per call, a memory cap, and every call
/// starting from the module's state just after instantiation, so that nothing one person's
/// answers leave behind can reach the next person's.
///
/// ```swift
/// let registry = try PluginRegistry(BuiltinEvaluators.all, sandbox: WebAssemblySandbox())
/// ```
public struct WebAssemblySandbox: SandboxRuntime {
    /// One engine for every module: it holds only configuration and is safe to share. Made
    /// the first time a catalogue brings a module, so a run that brings none (nearly every
    /// run) does not pay for setting WasmKit up at start.
    private static let engine = Engine(configuration: EngineConfiguration(fuelMetering: true))
    /// An engine that compiles every function at instantiation: the load-time check uses it,
    /// so a function body that does not validate is an error at load, not at the first call.
    private static let checkingEngine = Engine(configuration: EngineConfiguration(compilationMode: .eager, fuelMetering: true))
    private var engine: Engine { Self.engine }
    private var checkingEngine: Engine { Self.checkingEngine }
    /// Whether instances are reused between calls (put back as first instantiated) when the
    /// module allows it; otherwise every call gets a new instance, about 60 times slower for
    /// the C example.
    public let reusesInstances: Bool

    /// Creates the runtime; `reusesInstances: false` gives every call a new instance (for
    /// measuring, or for the wary: reuse is already proven not to carry state between calls).
    public init(reusesInstances: Bool = true) {
        self.reusesInstances = reusesInstances
    }

    /// "WebAssembly (WasmKit 0.4.2)".
    public var name: String { "WebAssembly (WasmKit 0.4.2)" }

    /// Parses and validates `module`, then instantiates it once to check its exports and run
    /// its start function within the budget.
    ///
    /// The memory cap is enforced through the module's own declared maximum: a module must
    /// declare one no larger than `limits.memoryBytes`, so `memory.grow` past the cap fails
    /// inside the module. (WasmKit's resource limiter would also do it, but is not public API;
    /// its fuel does not bound memory, as growing is charged after it succeeds.)
    public func compile(_ module: [UInt8], limits: SandboxLimits) throws(SandboxFailure) -> any SandboxedModule {
        // Said plainly: the parser's own words for this are a debug dump of the first bytes.
        guard module.starts(with: [0x00, 0x61, 0x73, 0x6D]) else {
            throw SandboxFailure(
                "is not a WebAssembly module: it does not start with the bytes 00 61 73 6D (\"\\0asm\"); give the compiled .wasm file, not its source or text form")
        }
        let rewrite: ModuleRewrite
        let parsed: Module
        do {
            rewrite = try ModuleRewrite(module, reusable: reusesInstances)
            parsed = try parseWasm(bytes: rewrite.bytes)
        } catch {
            throw SandboxFailure("is not a valid WebAssembly module (\(error))")
        }
        if let first = parsed.imports.first {
            throw SandboxFailure(
                "imports '\(first.module).\(first.name)', but an evaluator module may import nothing (no WASI, no host functions); build it freestanding, with -nostdlib")
        }
        try Self.checkMemory(of: module, cap: limits.memoryBytes)
        // Every function body validated and compiled once, within the budget's start function.
        _ = try WebAssemblyModule(module: parsed, engine: checkingEngine, limits: limits, checksScoring: false, rewrite: rewrite)
            .instantiate()
        let compiled = WebAssemblyModule(module: parsed, engine: engine, limits: limits, checksScoring: false, rewrite: rewrite)
        let first = try compiled.instantiate()
        try WebAssemblyModule.checkExports(of: first.instance)
        var ready = WebAssemblyModule(
            module: parsed, engine: engine, limits: limits,
            checksScoring: first.instance.export(SandboxEntry.check.rawValue) != nil, rewrite: rewrite)
        ready.snapshot = first.memorySnapshot
        // The instance that passed the checks is the first one calls use.
        if rewrite.resettable { ready.pool.giveBack(first) }
        return ready
    }

    /// The most elements a table may declare: tables, like memory, must be bounded before the
    /// module runs, as `table.grow` allocates its elements before any fuel is charged.
    static let maxTableElements: UInt64 = 10_000

    /// The module must define exactly one 32-bit, unshared memory with a declared maximum
    /// within `cap`, and every table must declare a maximum of at most ``maxTableElements``.
    private static func checkMemory(of bytes: [UInt8], cap: Int) throws(SandboxFailure) {
        var parser = WasmParser.Parser(bytes: bytes)
        var memories: [MemoryType] = []
        var tables: [TableType] = []
        do {
            while let payload = try parser.parseNext() {
                switch payload {
                case .memorySection(let section): memories += section.map(\.type)
                case .tableSection(let section): tables += section.map(\.type)
                default: break
                }
            }
        } catch {
            throw SandboxFailure("is not a valid WebAssembly module (\(error))")
        }
        for table in tables {
            guard let maximum = table.limits.max, maximum <= maxTableElements, !table.limits.isMemory64 else {
                throw SandboxFailure(
                    "has a table without a declared maximum of at most \(maxTableElements) elements, so it could grow without bound")
            }
        }
        let pageBytes: UInt64 = 65_536
        let capPages = UInt64(cap) / pageBytes
        let advice = "link it with -Wl,--max-memory=\(cap) or less"
        guard memories.count == 1, let memory = memories.first else {
            throw SandboxFailure("defines \(memories.count) memories; it must define exactly one, exported as 'memory'")
        }
        guard !memory.isMemory64, !memory.shared else {
            throw SandboxFailure("has a 64-bit or shared memory; only a plain 32-bit memory is allowed")
        }
        guard let maximum = memory.max else {
            throw SandboxFailure("declares no maximum memory, so its memory cannot be capped; \(advice)")
        }
        guard maximum <= capPages else {
            throw SandboxFailure(
                "declares a maximum memory of \(maximum * pageBytes >> 10) KiB, over its cap of \(cap >> 10) KiB; \(advice)")
        }
    }
}
