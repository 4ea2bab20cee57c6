public import BackCheckPluginAPI
public import BackCheckYAML

/// An evaluator a catalogue brings as a WebAssembly module (`kind: evaluator`), as
/// `backcheck plugins` describes it.
public struct CatalogueEvaluator: Sendable {
    /// The id assessments name in `evaluator:`.
    public var id: String
    /// One line saying what it does.
    public var summary: String
    /// The module's real path on disk.
    public var modulePath: String
    /// The module file's SHA-256 (hex), which the document pins and reports record.
    public var sha256: String
    /// The instruction budget and memory cap of each call.
    public var limits: SandboxLimits
    /// The keys of its `scoring` block.
    public var scoringKeys: [ScoringKey]
    /// Where the `kind: evaluator` document is.
    public var declaredAt: SourceMark

    init(_ plugin: RuntimeEvaluatorPlugin) {
        id = plugin.id
        summary = plugin.summary
        modulePath = plugin.declaration.modulePath
        sha256 = plugin.sha256
        limits = plugin.declaration.limits
        scoringKeys = plugin.scoringKeys
        declaredAt = plugin.declaration.mark
    }
}
