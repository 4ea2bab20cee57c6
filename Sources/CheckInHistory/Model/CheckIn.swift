public import AssessmentKit

/// One saved report: a person's check-in.
public struct CheckIn: Sendable, Hashable {
    /// The store's id for it, as `history list` prints it.
    public var id: Int64
    /// Whose check-in it is.
    public var person: String
    /// When the report was made (`YYYY-MM-DDTHH:MM:SSZ`).
    public var generatedAt: String
    /// What the red-flag screen showed, when the report says.
    public var screening: String?
    /// The referral's urgency, when there was one.
    public var referral: String?
    /// How many findings the report raised.
    public var findings: Int
    /// The report itself.
    public var report: Report

    /// The tests (assessment ids) the check-in ran, sorted: a test stopped for pain left out,
    /// as its numbers do not count, and the red-flag screen, whose findings are referrals.
    /// Check-ins of different tests have findings counts that do not compare.
    public var tests: [String] {
        report.assessments.filter(\.isComparedTest).map(\.id).sorted()
    }

    /// Creates a check-in.
    public init(
        id: Int64, person: String, generatedAt: String, screening: String?, referral: String?, findings: Int, report: Report
    ) {
        self.id = id
        self.person = person
        self.generatedAt = generatedAt
        self.screening = screening
        self.referral = referral
        self.findings = findings
        self.report = report
    }
}

/// One person in the store, for `history people`.
public struct PersonSummary: Sendable, Hashable {
    /// The person's name.
    public var person: String
    /// How many check-ins they have.
    public var checkIns: Int
    /// When the first and the latest were made.
    public var first: String
    /// When the latest was made.
    public var latest: String
    /// How many findings the first and the latest raised.
    public var firstFindings: Int
    /// How many findings the latest raised.
    public var latestFindings: Int
    /// When the next retest is due: the latest check-in plus the retest interval.
    public var retestDue: String
    /// The urgency of the latest check-in's referral (`emergency`, `same-day`, `soon`), when it
    /// had one: a listing shows it first, for fewer findings then can mean results withheld.
    public var latestReferral: String?
    /// The urgency of the first check-in's referral, when it had one: an emergency there
    /// withheld its other results too, so its findings count means nothing either.
    public var firstReferral: String?
    /// When the latest check-in has no referral, the most recent earlier one that had: it
    /// stands until the person has been checked, which the store cannot know.
    public var earlierReferral: EarlierReferral?
    /// When the person was last recorded as checked by a clinician (`history checked`): a
    /// referral of a check-in saved until then no longer stands (``earlierReferral`` leaves it
    /// out, and ``latestReferralChecked`` says so of the latest).
    public var checkedAt: String?
    /// The red-flag screen's status in the latest check-in (`complete`, `positive`,
    /// `incomplete`, `skipped`), when its report says: unless complete or skipped, that
    /// report held no loaded work and asked for the screen first.
    public var latestScreening: String?
    /// The tests (assessment ids) the first and the latest check-in ran, sorted; a test stopped
    /// for pain is left out, as its numbers do not count, and so is the red-flag screen, whose
    /// findings are referrals (``latestReferral``).
    public var firstTests: [String] = []
    /// See ``firstTests``.
    public var latestTests: [String] = []
    /// How many findings the first check-in raised on the tests the latest ran too
    /// (``commonTests``): when the latest ran fewer tests, fewer findings is not progress.
    public var firstCommonFindings = 0
    /// How many findings the latest check-in raised on the tests the first ran too.
    public var latestCommonFindings = 0

    /// Whether the latest check-in's referral was seen to: the person was checked after it.
    public var latestReferralChecked = false

    /// Whether a referral still stands: the latest check-in's, not yet checked, or an earlier one's.
    public var referralStands: Bool {
        (latestReferral != nil && !latestReferralChecked) || earlierReferral != nil
    }

    /// The tests both the first and the latest check-in ran, sorted.
    public var commonTests: [String] { firstTests.filter(Set(latestTests).contains) }

    /// Whether the first and the latest check-in ran different tests, so their findings
    /// counts do not compare like with like (``firstCommonFindings`` and ``latestCommonFindings`` do).
    public var testsDiffer: Bool { firstTests != latestTests }

    /// Creates a summary.
    public init(
        person: String, checkIns: Int, first: String, latest: String, firstFindings: Int, latestFindings: Int,
        retestDue: String, latestReferral: String? = nil, firstReferral: String? = nil
    ) {
        self.latestReferral = latestReferral
        self.firstReferral = firstReferral
        self.person = person
        self.checkIns = checkIns
        self.first = first
        self.latest = latest
        self.firstFindings = firstFindings
        self.latestFindings = latestFindings
        self.retestDue = retestDue
    }
}

/// One measured value of a check-in, for trends.
public struct Measurement: Sendable, Hashable {
    /// The check-in it belongs to.
    public var checkIn: Int64
    /// When that check-in was made.
    public var generatedAt: String
    /// The assessment's id.
    public var assessment: String
    /// The input's name.
    public var input: String
    /// `left`, `right`, or `nil` for a one-sided input.
    public var side: String?
    /// The value.
    public var value: Double
    /// Its unit, when it has one.
    public var unit: String?
    /// The input's minimal detectable change, when known: a change smaller than this is noise.
    public var mdc: Double?

    /// Creates a measurement.
    public init(
        checkIn: Int64, generatedAt: String, assessment: String, input: String, side: String?, value: Double,
        unit: String?, mdc: Double?
    ) {
        self.checkIn = checkIn
        self.generatedAt = generatedAt
        self.assessment = assessment
        self.input = input
        self.side = side
        self.value = value
        self.unit = unit
        self.mdc = mdc
    }
}

/// A referral of a check-in before the latest (see ``PersonSummary/earlierReferral``).
public struct EarlierReferral: Sendable, Hashable {
    /// The check-in's id.
    public var checkIn: Int64
    /// `emergency`, `same-day` or `soon`.
    public var urgency: String
    /// When that check-in was made.
    public var generatedAt: String

    /// Creates one.
    public init(checkIn: Int64, urgency: String, generatedAt: String) {
        self.checkIn = checkIn
        self.urgency = urgency
        self.generatedAt = generatedAt
    }
}
