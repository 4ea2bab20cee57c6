public import BackCheckExpressions
public import BackCheckPluginAPI

/// One run's report: the same data behind every format (text, JSON, Markdown, HTML).
///
/// Built by ``ReportBuilder`` from checked answers, or read back from a saved JSON report
/// with ``Report/read(json:file:)``. Its JSON shape is `backcheck.report/1` (spec 7.1).
public struct Report: Sendable, Hashable {
    /// The name and version of the JSON shape.
    public static let schemaName = "backcheck.report/1"

    /// When the report was made, as `YYYY-MM-DDTHH:MM:SSZ` (UTC).
    public var generatedAt: String
    /// The program that made it.
    public var tool: ToolInfo
    /// The person, as far as the answers said.
    public var profile: Profile
    /// The referral, when any `refer` finding was raised; it comes before everything else.
    public var referral: Referral?
    /// What the red-flag screen showed. Every report made or read by this program has one; a
    /// saved report without it is refused (see ``read(json:file:)``).
    public var screening: Screening?
    /// One entry per assessment run, red-flag screen first.
    public var assessments: [AssessmentReport]
    /// The exercises, in the order to do them.
    public var plan: [PlanItem]
    /// Why the plan is empty, shorter, or lacks loaded work.
    public var planNotes: [String]
    /// The exercises findings asked for that the plan does not hold, by id with the reason.
    public var planLeftOut: [PlanLeftOut]
    /// The exercises left out because a planned one does the same job, each with the one it
    /// can stand in for.
    public var planAlternatives: [PlanAlternative] = []
    /// The plan laid out over weeks around the training days; `nil` when the plan is empty or a
    /// referral or unfinished screen comes first.
    public var program: Program?
    /// A short word on how back pain like this usually goes, when the screen was complete (or
    /// skipped) and nothing needs a referral; `nil` otherwise.
    public var reassurance: String?
    /// Notes about the run as a whole: catalogue documents that replaced built-in ones,
    /// results withheld because of an emergency.
    public var notes: [String]
    /// The ids of the assessments run whose results an emergency referral withheld (they are
    /// not in ``assessments``: the person is to get checked first); empty otherwise.
    public var withheld: [String]
    /// The ids of answered assessments that were not among those asked for (`run ID...`) but
    /// were run anyway because their answers call for a referral; empty otherwise.
    public var runForReferral: [String] = []

    /// Creates a report.
    public init(
        generatedAt: String, tool: ToolInfo = .current, profile: Profile, referral: Referral?,
        screening: Screening? = nil, assessments: [AssessmentReport], plan: [PlanItem], planNotes: [String] = [],
        planLeftOut: [PlanLeftOut] = [], program: Program? = nil, reassurance: String? = nil, notes: [String] = [],
        withheld: [String] = []
    ) {
        self.withheld = withheld
        self.generatedAt = generatedAt
        self.tool = tool
        self.profile = profile
        self.referral = referral
        self.screening = screening
        self.planLeftOut = planLeftOut
        self.program = program
        self.reassurance = reassurance
        self.assessments = assessments
        self.plan = plan
        self.planNotes = planNotes
        self.notes = notes
    }

    /// The day the soonest test is due again (`YYYY-MM-DD`): the program's closing retest when
    /// there is a program (the day every format names), else `generatedAt` plus the shortest
    /// `retest_weeks` of the assessments run; `nil` when no assessment says, and under a
    /// referral, when the next step is the clinician, not a retest (no format names a day then).
    public var retestDue: String? {
        guard referral == nil else { return nil }
        if let program { return program.retest }
        guard let weeks = assessments.compactMap(\.retestWeeks).min() else { return nil }
        return Timestamp.date(generatedAt, plusDays: 7 * weeks)
    }

    /// The assessment report with `id`.
    public func assessment(_ id: String) -> AssessmentReport? { assessments.first { $0.id == id } }
}

/// The program that made a report.
public struct ToolInfo: Sendable, Hashable {
    /// The program's name.
    public var name: String
    /// Its version.
    public var version: String

    /// Creates tool information.
    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    /// This program: `backcheck` and its version.
    public static let current = ToolInfo(name: "backcheck", version: "0.1.0")
}

/// The referral at the top of a report: see a clinician before training on.
public struct Referral: Sendable, Hashable {
    /// The most urgent urgency among the referral findings.
    public var urgency: Urgency
    /// What to do, in plain words.
    public var message: String
    /// Every referral finding raised, most urgent first.
    public var reasons: [ReferralReason]
    /// Set when the referral, or part of it, was not raised by this report's answers but
    /// stands from an earlier check-in of the person (see ``StandingReferral``): its reasons
    /// then include the earlier check-in's.
    public var standing: StandingReferral?

    /// ``reasons`` as a reader needs them: one per title, side and urgency, since two tests can
    /// raise the same one (a review found "Back pain when arching under load, under the age of
    /// 20" listed twice, from the form check and the painful-lifts test).
    public var distinctReasons: [ReferralReason] {
        var seen: Set<String> = []
        return reasons.filter { seen.insert("\($0.title)|\($0.side?.rawValue ?? "")|\($0.urgency.rawValue)").inserted }
    }

    /// What to do, in a clause that can stand inside another sentence ("contact a doctor
    /// today, and do not train until you have been seen"): the headline for its urgency.
    package var instruction: String { ReferralBuilder.instruction(message: message, urgency: urgency) }
    /// Whether the referral keeps every exercise out and names a doctor, though it is `soon`: a
    /// reason is a red flag whose cause a doctor checks first (`no_exercise`). Read from the
    /// headline, so a report read back from its JSON says the same, and so does a referral that
    /// stands from an earlier check-in (its message opens with where it comes from).
    package var holdsEveryExercise: Bool {
        urgency == .soon && ByteSearch.contains(ReferralBuilder.headline(.soon, holdsExercise: true), in: message)
    }

    /// Whether the report shows no results but the referral's: in an emergency nothing else
    /// should be read before the person has been seen.
    public var withholdsOtherResults: Bool { urgency == .emergency }

    /// Creates a referral.
    public init(urgency: Urgency, message: String, reasons: [ReferralReason]) {
        self.urgency = urgency
        self.message = message
        self.reasons = reasons
    }
}

/// One referral finding behind a referral.
public struct ReferralReason: Sendable, Hashable {
    /// The assessment that raised it.
    public var assessment: String
    /// The finding's id.
    public var finding: String
    /// The finding's title.
    public var title: String
    /// The side, when the finding has one.
    public var side: Side?
    /// How soon to act on it.
    public var urgency: Urgency
    /// The finding's advice: what to do and how soon.
    public var advice: String

    /// Creates a reason.
    public init(assessment: String, finding: String, title: String, side: Side?, urgency: Urgency, advice: String) {
        self.assessment = assessment
        self.finding = finding
        self.title = title
        self.side = side
        self.urgency = urgency
        self.advice = advice
    }
}
