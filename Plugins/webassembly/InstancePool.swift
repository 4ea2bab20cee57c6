internal import BackCheckPluginAPI
internal import Synchronization
internal import WasmKit

/// One instance of a module, with what it takes to put it back as it was just after it was
/// instantiated: its memory and its mutable globals.
final class PooledInstance: @unchecked Sendable {
    // Only ever used by one thread at a time: taken out of the pool for a call, then put back.
    let store: Store
    let instance: Instance
    let memory: Memory
    let memorySnapshot: [UInt8]
    private let globals: [(global: Global, value: WasmKit.Value)]

    /// Wraps `instance`; `snapshot`, when given, is its memory as instantiated (shared by all
    /// instances of the module), else it is copied now.
    init(store: Store, instance: Instance, globalExports: [String], snapshot: [UInt8]?) throws(SandboxFailure) {
        guard case .memory(let memory)? = instance.export("memory") else {
            throw SandboxFailure("does not export its memory as 'memory'")
        }
        self.store = store
        self.instance = instance
        self.memory = memory
        if let snapshot, snapshot.count == memory.byteCount {
            memorySnapshot = snapshot
        } else {
            memorySnapshot = memory.byteCount == 0 ? [] : memory.withUnsafeBufferPointer(offset: 0, count: memory.byteCount) { Array($0) }
        }
        globals = globalExports.compactMap { name in
            guard case .global(let global)? = instance.export(name) else { return nil }
            return (global, global.value)
        }
    }

    /// Puts memory and globals back as they were; `false` when memory has grown since, which
    /// cannot be undone (the instance is then dropped).
    func reset() -> Bool {
        guard memory.byteCount == memorySnapshot.count else { return false }
        if !memorySnapshot.isEmpty {
            memorySnapshot.withUnsafeBytes { saved in
                memory.withUnsafeMutableBufferPointer(offset: 0, count: saved.count) { $0.copyMemory(from: saved) }
            }
        }
        for (global, value) in globals {
            do { try global.assign(value) } catch { return false }
        }
        return true
    }
}

/// Idle instances of one module, shared by every thread that evaluates with it.
final class InstancePool: Sendable {
    private let idle = Mutex<[PooledInstance]>([])
    /// Enough for every core of a big machine; more would only hold memory.
    static let capacity = 16

    /// An idle instance, put back as it was first instantiated, or `nil` when there is none.
    func take() -> PooledInstance? {
        while let instance = idle.withLock({ $0.popLast() }) {
            if instance.reset() { return instance }
        }
        return nil
    }

    /// Keeps `instance` for a later call.
    func giveBack(_ instance: PooledInstance) {
        idle.withLock { if $0.count < Self.capacity { $0.append(instance) } }
    }
}
