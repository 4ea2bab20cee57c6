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
    /// The most bytes of scalar text that aliases may repeat in one stream, counting the whole
    /// text of the subtree each alias stands for: a megabyte scalar aliased a thousand times
    /// is one node per alias but a gigabyte of text.
    public var maxAliasExpansionBytes: Int
    /// The most documents (`---`) in one stream: a catalogue file holds a handful, and a
    /// million tiny ones would cost memory for each.
    public var maxDocuments: Int
    /// The largest file accepted, in bytes.
    public var maxFileBytes: Int
    /// The most values (scalars, sequences and mappings, aliases not counted) in one stream or
    /// JSON value. A catalogue file or an answers record holds a few thousand; without a bound,
    /// a file just under ``maxFileBytes`` of `[1,1,1,…]` would cost a gigabyte of nodes.
    public var maxNodes: Int

    /// Creates limits; every argument defaults to the value in ``default``.
    public init(
        maxDepth: Int = 100, maxAliasExpansion: Int = 100_000, maxAliasExpansionBytes: Int = 4 << 20,
        maxDocuments: Int = 10_000, maxFileBytes: Int = 8 << 20, maxNodes: Int = 200_000
    ) {
        self.maxNodes = maxNodes
        self.maxDocuments = maxDocuments
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxAliasExpansionBytes = maxAliasExpansionBytes
        self.maxFileBytes = maxFileBytes
    }

    /// Depth 100, 100 000 alias-expanded nodes, 4 MiB of text repeated by aliases, 10 000
    /// documents, 8 MiB and 200 000 values per file.
    public static let `default` = YAMLLimits()
}
