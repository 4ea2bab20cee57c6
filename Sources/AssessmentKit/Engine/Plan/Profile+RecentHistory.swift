import BackCheckPluginAPI

extension Profile {
    /// Whether loaded work waits for the treating clinician's clearance: a back problem in the
    /// last 3 months, or one named without saying when (the safe reading of a missing answer).
    var historyCountsAsRecent: Bool {
        !backHistory.isEmpty && backHistoryRecent != false
    }

    /// Whether loaded squats and hinges wait for the treating clinician's clearance whenever
    /// the back problem was: after a spinal fracture (reference 15: "a previous vertebral
    /// fracture → clearance before barbell squats or deadlifts").
    var barbellNeedsClearance: Bool { backHistory.contains(.spinalFracture) }

    /// Said in the plan's notes when ``historyCountsAsRecent`` rests on a missing answer.
    var recencyAssumedNote: String? {
        guard !backHistory.isEmpty, backHistoryRecent == nil, let past = PlanNotes.phrases(backHistory) else { return nil }
        return "You named \(past) without saying when: it is taken to be in the last 3 months, so loaded work waits for the treating clinician. Give back_history_recent: false in the profile if it was longer ago."
    }
}
