/// Bounds that keep a hostile or broken file from costing unbounded time or memory.
///
/// The defaults are far above anything an author writes by hand and far below what would
/// hurt: a catalogue file nests a dozen levels deep, not a hundred.
///
/// ```swift
/// let strict = YAMLParser(limits: YAMLLimits(maxDepth: 20))
/// ```
public struct YAMLLimits: Hashable, Sendable {
    /// The deepest nesting of sequences and mappings allowed. Checked while events are read,
    /// so parsing stops at the limit (libyaml's cost grows faster than linearly with depth).
    public var maxDepth: Int
    /// The most nodes that aliases may expand to in one stream, counting the whole subtree
    /// each alias stands for. Stops "billion laughs" alias bombs.
    public var maxAliasExpansion: Int
    /// The largest file accepted, in bytes.
    public var maxFileBytes: Int

    /// Creates limits; every argument defaults to the value in ``default``.
    public init(maxDepth: Int = 100, maxAliasExpansion: Int = 100_000, maxFileBytes: Int = 8 << 20) {
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxFileBytes = maxFileBytes
    }

    /// Depth 100, 100 000 alias-expanded nodes, 8 MiB per file.
    public static let `default` = YAMLLimits()
}
