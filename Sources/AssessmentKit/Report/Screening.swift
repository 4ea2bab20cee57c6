/// Whether the red-flag screen cleared the person for loaded work (spec 7, second edition).
///
/// The screen is a gate, not an option: unless ``status`` is ``Status/complete`` or
/// ``Status/skipped`` the plan holds no loaded work, and below any referral the report leads
/// with the ``unanswered`` questions.
public struct Screening: Sendable, Hashable {
    /// What the screen showed.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// A screen answer raised a referral (whatever else was said).
        case positive
        /// Every question answered, none raising a referral.
        case complete
        /// Questions unanswered, the screen not answered at all, or a rule that needs the
        /// profile's age without one.
        case incomplete
        /// A clinician screened the person in person (`--screened-elsewhere`); recorded.
        case skipped
    }

    /// What the screen showed.
    public var status: Status
    /// The questions still to answer, in the screen's order: when incomplete, and when
    /// positive with questions left (some of them may call for a faster response).
    public var unanswered: [ScreeningQuestion]

    /// Whether a report leads with the questions (below any referral): incomplete, or
    /// positive with questions still unanswered (spec 7: unless complete or skipped).
    public var listsQuestions: Bool {
        status == .incomplete || (status == .positive && !unanswered.isEmpty)
    }


    /// Creates a screening result.
    public init(status: Status, unanswered: [ScreeningQuestion] = []) {
        self.status = status
        self.unanswered = unanswered
    }

    /// Whether loaded work may be planned as far as the screen is concerned.
    public var clearsLoadedWork: Bool { status == .complete || status == .skipped }
}

/// A screen question still to answer.
public struct ScreeningQuestion: Sendable, Hashable {
    /// The answers-file name: an input of the screen (`saddle_numbness`) or a profile field
    /// (`profile.age`).
    public var id: String
    /// The question as the person reads it.
    public var label: String

    /// Creates a question.
    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}
