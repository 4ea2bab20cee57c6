import BackCheckPluginAPI

/// What a missing age hides: the findings the same answers would raise at some age. A rule
/// that needs the age does not apply without one (by design: no age is guessed), but back
/// pain under 20 or new back pain over 50 can need a check-up, so a report made without the
/// age says which findings it could not rule out. The red-flag screen asks for the age itself.
enum AgeSensitivity {
    /// Ages on either side of the catalogue's cut-offs (under 20, 45, over 50, 55).
    static let probeAges: [Double] = [16, 30, 48, 60, 75]

    /// The note, or `nil` when the age was given or would change nothing.
    static func note(for answers: AnswerSet, results: [AssessmentResult]) -> String? {
        guard answers.profile.age == nil else { return nil }
        var hidden: [String] = []
        for (entry, result) in zip(answers.entries, results) where !entry.assessment.isRedFlagScreen && result.failure == nil {
            let raised = Set(result.findings.map(\.id))
            var extra: [String] = []
            for age in probeAges {
                var profile = answers.profile
                profile.age = age
                for finding in AssessmentRunner.run(entry.assessment, answers: entry.answers, profile: profile).findings
                where !raised.contains(finding.id) && !extra.contains(finding.id) {
                    extra.append(finding.id)
                }
            }
            hidden += extra.compactMap { id in
                entry.assessment.finding(id).map { "\($0.title) (\(entry.assessment.id)\($0.tier == .refer ? ", a referral" : ""))" }
            }
        }
        guard !hidden.isEmpty else { return nil }
        return "Your age is not in the profile, and it matters here: at some ages these answers would also raise \(hidden.joined(separator: "; ")). Give 'age' under 'profile' (or answer the age question) and run again."
    }
}
