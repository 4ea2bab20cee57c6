public import BackCheckPluginAPI

/// Checked answers ready to run: the profile and, per assessment to run, its answers.
public struct AnswerSet: Sendable {
    /// The person.
    public var profile: Profile
    /// The assessments to run with their answers: red-flag screens first, then in the
    /// order the answers gave them.
    public var entries: [Entry]
    /// Whether a clinician screened the person for red flags in person (`--screened-elsewhere`
    /// or `screened_elsewhere: true`): an unanswered screen then counts as `skipped`, not
    /// `incomplete`. A yes to any screen question still wins.
    public var screenedElsewhere: Bool
    /// Answered tests that were not among those asked for (`run ID...`) but are run anyway,
    /// because their answers call for a referral: a narrower report never hides one.
    public var runForReferral: [String] = []

    /// One assessment with its answers.
    public struct Entry: Sendable {
        /// The assessment.
        public var assessment: Assessment
        /// Its checked answers.
        public var answers: AssessmentAnswers

        /// Creates an entry.
        public init(assessment: Assessment, answers: AssessmentAnswers) {
            self.assessment = assessment
            self.answers = answers
        }
    }

    /// Creates an answer set; red-flag screens are moved to the front.
    public init(profile: Profile, entries: [Entry], screenedElsewhere: Bool = false) {
        self.profile = profile
        self.screenedElsewhere = screenedElsewhere
        let screens = entries.filter { $0.assessment.isRedFlagScreen }
        self.entries = screens + entries.filter { !$0.assessment.isRedFlagScreen }
    }
}

extension Assessment {
    /// Whether this is a red-flag screen (scored by the `red-flags` plugin): it is run
    /// whenever it is answered and comes first.
    public var isRedFlagScreen: Bool { Self.isRedFlagScreen(evaluatorID: evaluatorID) }

    /// Whether an assessment scored by `evaluatorID` is a red-flag screen: what the loader
    /// asks before the assessment itself is put together.
    static func isRedFlagScreen(evaluatorID: String) -> Bool { evaluatorID == "red-flags" }
}
