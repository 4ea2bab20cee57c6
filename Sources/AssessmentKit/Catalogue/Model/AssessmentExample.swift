public import BackCheckExpressions
public import BackCheckPluginAPI
public import BackCheckYAML

/// Answers written into an assessment with what they must produce, so that the
/// assessment's scoring is tested the moment it is written (spec 3.0).
public struct AssessmentExample: Sendable {
    /// What the example shows.
    public var name: String
    /// The answers, as written (read like one assessment's block of an answers file).
    public var answers: YAMLNode
    /// The profile the example assumes.
    public var profile: Profile
    /// What must come out.
    public var expect: Expectation
    /// Where the example is written.
    public var mark: SourceMark
}

/// What an example must produce.
public struct Expectation: Sendable {
    /// Findings that must be raised.
    public var findings: [FindingReference]
    /// Whether no finding at all may be raised: `findings: []`, which authors write to mean
    /// "raises none" (spec 3.0 asks every built-in assessment for such an example).
    public var raisesNothing = false
    /// Findings that must not be raised.
    public var notFindings: [FindingReference]
    /// The status, when given.
    public var status: Status?
    /// The lowest allowed score, when given.
    public var minimumScore: Double?
    /// The highest allowed score, when given.
    public var maximumScore: Double?
    /// The referral the example must lead to, when given: an urgency, or `nil` inside for
    /// "no referral" (written `referral: none`).
    public var referral: Urgency??
    /// Where each expectation is written (`findings`, `status`, `score.min`, `score.max`,
    /// `referral`), so a failed one is reported at its own line; a key not here is reported
    /// at the example.
    public var marks: [String: SourceMark] = [:]
}

/// A finding id with an optional side; without a side it matches either side.
public struct FindingReference: Sendable, Hashable, CustomStringConvertible {
    /// The finding id.
    public var id: String
    /// The side, when it matters.
    public var side: Side?
    /// Where it is written.
    public var mark: SourceMark

    /// `iliopsoas-tightness (left)`.
    public var description: String { side.map { "\(id) (\($0.rawValue))" } ?? id }

    /// Whether a raised finding matches this reference.
    public func matches(_ finding: RaisedFinding) -> Bool {
        finding.id == id && (side == nil || finding.side == side)
    }
}

/// The status of an assessment's result.
public enum Status: String, Sendable, Hashable, CaseIterable, YAMLEnumeration {
    /// Score 80 or more.
    case good
    /// Score 50 to 79.
    case fair
    /// Score under 50.
    case poor
    /// A referral finding was raised.
    case refer
    /// Nothing could be scored.
    case unscored

    /// The status for a score (spec 7): good ≥ 80, fair 50–79, poor < 50.
    public static func forScore(_ score: Int) -> Status {
        score >= 80 ? .good : score >= 50 ? .fair : .poor
    }
}
