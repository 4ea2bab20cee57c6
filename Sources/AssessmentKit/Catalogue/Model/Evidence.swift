public import BackCheckYAML

/// How far an assessment's result can be trusted.
public struct Evidence: Sendable, Hashable {
    /// The level.
    public var level: EvidenceLevel
    /// Why, with sources, in words meant for people: how far the result can be trusted.
    public var note: String?
    /// Where the figures came from and how well they were checked (drafting marks such as
    /// "[from memory]"), for authors and reviewers. Read and kept, never printed.
    public var provenance: String?
}

/// The strength of a test's evidence; it weights findings when the plan is ranked.
public enum EvidenceLevel: String, Sendable, Hashable, CaseIterable, YAMLEnumeration {
    /// Reliable and valid for this use.
    case high
    /// Usable with care.
    case moderate
    /// Weak: treat findings as hints.
    case low

    /// The default ranking weight: high 1.0, moderate 0.7, low 0.4 (spec 3.1).
    public var weight: Double {
        switch self {
        case .high: 1.0
        case .moderate: 0.7
        case .low: 0.4
        }
    }
}
