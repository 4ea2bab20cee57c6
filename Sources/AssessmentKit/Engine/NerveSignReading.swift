import BackCheckPluginAPI

/// How a length test reads beside a positive nerve tension sign. A straight-knee length test
/// (the hamstrings') also tensions the sciatic nerve, so while a nerve tension sign such as a
/// positive straight-leg raise stands, a limited range cannot be read as short muscles
/// (reference section 15): the test's findings stay, the first one's evidence saying so where
/// every format shows it, under the finding, and the plan already leaves their stretches out
/// (see `PlanGate`). A review found "Tight hamstrings" beside a positive straight-leg raise with
/// nothing to connect the two, and then the note among the report's last ones.
enum NerveSignReading {
    /// The note on a test whose every finding asks only for exercises that stretch the nerve.
    static let note = "Read with care: this report has a sign of an irritated nerve in the leg, and while it stands this test cannot tell short muscles from a sensitive nerve, so its findings may not be tightness. Their stretches wait until you have been checked."

    /// Adds the note to the evidence of `report`'s first finding.
    static func qualify(_ report: inout AssessmentReport) {
        guard !report.findings.isEmpty else { return }
        let evidence = report.findings[0].evidence
        report.findings[0].evidence = (evidence.isEmpty ? "" : evidence + (evidence.hasSuffix(".") ? " " : ". ")) + note
    }

    /// The indices of `results` whose findings are to be read this way: none unless some
    /// finding is a nerve tension sign.
    static func lengthTestsToQualify(_ results: [AssessmentResult], exercises: [String: Exercise]) -> [Int] {
        let nerveSign = results.contains { result in
            result.findings.contains { result.assessment.finding($0.id)?.neuralTension == true }
        }
        guard nerveSign else { return [] }
        return results.indices.filter { index in
            let result = results[index]
            let recommended = result.findings.compactMap { result.assessment.finding($0.id) }
            return !recommended.isEmpty && recommended.allSatisfy { finding in
                !finding.neuralTension && !finding.recommend.isEmpty
                    && finding.recommend.allSatisfy { exercises[$0.exercise]?.stretchesNerve == true }
            }
        }
    }
}
