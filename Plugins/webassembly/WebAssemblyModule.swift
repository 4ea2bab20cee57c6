internal import BackCheckPluginAPI
internal import WasmKit

/// One compiled evaluator module. Every call starts from the state the module had just after
/// it was instantiated, so the same input always gives the same output and nothing one
/// person's answers leave behind reaches the next person's:
///
/// - a module whose code changes nothing but its memory and globals reuses instances, each
///   put back (memory copied from a snapshot, globals reassigned) before it is used again —
///   WasmKit compiles a function the first time an instance calls it, so a new instance per
///   call would compile the module's code again every time;
/// - any other module (one that sets tables or drops segments) gets a new instance per call.
///
/// Any trap or exhausted budget drops the instance.
struct WebAssemblyModule: SandboxedModule {
    let module: Module
    let engine: Engine
    let limits: SandboxLimits
    let checksScoring: Bool
    let rewrite: ModuleRewrite
    let pool = InstancePool()
    /// The memory every instance has after its start function — the same for all, as a module
    /// imports nothing — kept once and shared by the pooled instances.
    var snapshot: [UInt8]?

    /// The most output a call may give: 1 MiB.
    static let maxOutputBytes = 1 << 20

    func call(_ entry: SandboxEntry, input: [UInt8]) throws(SandboxFailure) -> [UInt8] {
        let pooled: PooledInstance
        if rewrite.resettable, let reused = pool.take() {
            pooled = reused
        } else {
            pooled = try instantiate()
        }
        // A reused instance's start function ran once, its effect kept in the snapshot, so each
        // call gets the whole budget; with a new instance per call, the start function and the
        // call share one budget.
        if rewrite.resettable { pooled.store.fuel = Fuel(remaining: limits.fuel) }
        let output = try call(entry, input: input, on: pooled)
        if rewrite.resettable { pool.giveBack(pooled) }
        return output
    }

    private func call(_ entry: SandboxEntry, input: [UInt8], on pooled: PooledInstance) throws(SandboxFailure) -> [UInt8] {
        let memory = pooled.memory
        guard case .function(let allocate)? = pooled.instance.export("backcheck_alloc"),
              case .function(let function)? = pooled.instance.export(entry.rawValue)
        else { throw SandboxFailure("does not export '\(entry.rawValue)'") }
        let pointer = try run("backcheck_alloc") { try allocate.invoke([.i32(UInt32(input.count))]) }
        guard case .i32(let address)? = pointer.first else { throw SandboxFailure("'backcheck_alloc' returned no pointer") }
        guard address != 0 || input.isEmpty else { throw SandboxFailure("had no room for its \(input.count)-byte input") }
        try Self.checkRange(UInt64(address), UInt64(input.count), in: memory, what: "'backcheck_alloc' returned")
        if !input.isEmpty {
            input.withUnsafeBytes { source in
                memory.withUnsafeMutableBufferPointer(offset: UInt(address), count: input.count) { $0.copyMemory(from: source) }
            }
        }
        let result = try run(entry.rawValue) { try function.invoke([.i32(address), .i32(UInt32(input.count))]) }
        guard case .i64(let packed)? = result.first else { throw SandboxFailure("'\(entry.rawValue)' returned no i64") }
        let outputAddress = packed >> 32, outputLength = packed & 0xFFFF_FFFF
        guard outputLength <= UInt64(Self.maxOutputBytes) else {
            throw SandboxFailure("returned \(outputLength) bytes of output, over the 1 MiB limit")
        }
        try Self.checkRange(outputAddress, outputLength, in: memory, what: "'\(entry.rawValue)' returned output")
        guard outputLength > 0 else { return [] }
        return memory.withUnsafeBufferPointer(offset: UInt(outputAddress), count: Int(outputLength)) { Array($0) }
    }

    /// A new instance; its start function runs within the budget (which the call that follows
    /// shares when instances are not reused).
    func instantiate() throws(SandboxFailure) -> PooledInstance {
        let store = Store(engine: engine)
        store.fuel = Fuel(remaining: limits.fuel)
        let instance = try run("its start function", instantiating: true) { try module.instantiate(store: store) }
        return try PooledInstance(store: store, instance: instance, globalExports: rewrite.globalExports, snapshot: snapshot)
    }

    /// Checks that the ABI's exports are there with the right types.
    static func checkExports(of instance: Instance) throws(SandboxFailure) {
        guard case .memory? = instance.export("memory") else {
            throw SandboxFailure("does not export its memory as 'memory'")
        }
        let expected: [(String, [WasmTypes.ValueType], [WasmTypes.ValueType], required: Bool)] = [
            ("backcheck_alloc", [.i32], [.i32], true),
            ("backcheck_evaluate", [.i32, .i32], [.i64], true),
            ("backcheck_check", [.i32, .i32], [.i64], false),
        ]
        for (name, parameters, results, required) in expected {
            guard let export = instance.export(name) else {
                if required { throw SandboxFailure("does not export '\(name)'") }
                continue
            }
            guard case .function(let function) = export, function.type.parameters == parameters,
                  function.type.results == results
            else {
                throw SandboxFailure("exports '\(name)' with the wrong type; it must be (\(list(parameters))) -> \(list(results))")
            }
        }
    }

    private static func list(_ types: [WasmTypes.ValueType]) -> String {
        types.map { "\($0)" }.joined(separator: ", ")
    }

    /// `offset..<offset+count` must lie inside `memory`: WasmKit traps the whole process on an
    /// out-of-range access from the host side.
    private static func checkRange(_ offset: UInt64, _ count: UInt64, in memory: Memory, what: String) throws(SandboxFailure) {
        guard offset + count <= UInt64(memory.byteCount) else {
            throw SandboxFailure("\(what) bytes \(offset)..<\(offset + count), outside its \(memory.byteCount)-byte memory")
        }
    }

    /// Runs `body`, turning WasmKit's errors into the reason a person reads. When
    /// `instantiating`, an error that is not a trap is the module failing validation.
    private func run<T>(_ what: String, instantiating: Bool = false, _ body: () throws -> T) throws(SandboxFailure) -> T {
        do {
            return try body()
        } catch {
            if instantiating, !(error is Trap), !"\(error)".contains("out of fuel") {
                throw SandboxFailure("is not a valid WebAssembly module (\(error))")
            }
            // WasmKit's text is the reason and then a backtrace of machine addresses: keep the reason.
            var text = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            if text.hasPrefix("Trap: ") { text.removeFirst("Trap: ".count) }
            if text.contains("out of fuel") {
                throw SandboxFailure("ran out of its instruction budget (\(limits.fuel) instructions) in \(what)")
            }
            throw SandboxFailure("trapped in \(what) (\(text))")
        }
    }
}
