/// How much one call of a sandboxed module may use.
public struct SandboxLimits: Sendable, Hashable {
    /// The instruction budget of one call (WebAssembly fuel, about one per instruction).
    public var fuel: UInt64
    /// The most linear memory the module may have, in bytes.
    public var memoryBytes: Int

    /// Creates limits.
    public init(fuel: UInt64, memoryBytes: Int) {
        self.fuel = fuel
        self.memoryBytes = memoryBytes
    }

    /// What a module gets unless its catalogue asks otherwise: 10 million instructions (about
    /// what Shopify Functions allow a run) and 16 MiB.
    public static let `default` = SandboxLimits(fuel: 10_000_000, memoryBytes: 16 << 20)

    /// The most a catalogue may ask for: 100 million instructions and 64 MiB.
    public static let maximum = SandboxLimits(fuel: 100_000_000, memoryBytes: 64 << 20)
}
