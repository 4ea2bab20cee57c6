public import BackCheckYAML
import BackCheckPluginAPI

/// Runs an assessment's `examples` and reports each failing one at its place in the file,
/// naming what was expected and what came out.
public enum ExampleRunner {
    /// Diagnostics for every failing example of every assessment in `catalogue`. A catalogue
    /// loaded without keeping its examples (``CatalogueLoader/keepsExamples``) has none to run.
    public static func check(_ catalogue: Catalogue) -> DiagnosticLog {
        let reader = NodeReader()
        for assessment in catalogue.assessments {
            for example in assessment.examples { check(example, of: assessment, reader: reader) }
        }
        return reader.diagnostics
    }

    /// What an example's answers give, or `nil` when they do not fit the assessment.
    public static func result(of example: AssessmentExample, in assessment: Assessment) -> AssessmentResult? {
        let reader = NodeReader()
        return AnswerReader.read(example.answers, for: assessment, reader: reader).map {
            AssessmentRunner.run(assessment, answers: $0, profile: example.profile)
        }
    }

    /// Runs one example, reporting its failures to `reader`.
    public static func check(_ example: AssessmentExample, of assessment: Assessment, reader: NodeReader) {
        guard let answers = AnswerReader.read(example.answers, for: assessment, reader: reader) else { return }
        let result = AssessmentRunner.run(assessment, answers: answers, profile: example.profile)
        let raised = result.findings.map { finding in
            FindingReference(id: finding.id, side: finding.side, mark: example.mark).description
        }
        let came = "came out: " + (raised.isEmpty ? "no findings" : raised.joined(separator: ", "))
            + ", score \(result.score.map(String.init) ?? "none"), status \(result.status.rawValue)"
        let name = "example '\(example.name)' of '\(assessment.id)'"
        // At the expectation that failed, where the author fixes it (a review found them at the example's name).
        func mark(_ key: String) -> SourceMark { example.expect.marks[key] ?? example.mark }
        // An evaluator that cannot score its own examples fails them whatever they expect.
        if let failure = result.failure {
            reader.error("\(name) failed: \(failure)", at: example.mark)
            return
        }
        if example.expect.raisesNothing, !result.findings.isEmpty {
            reader.error("\(name) failed: expected no findings (findings: []), but some were raised; \(came)", at: mark("findings"))
        }
        for expected in example.expect.findings where !result.findings.contains(where: expected.matches) {
            reader.error("\(name) failed: expected finding \(expected), but it was not raised; \(came)", at: expected.mark)
        }
        for unexpected in example.expect.notFindings where result.findings.contains(where: unexpected.matches) {
            reader.error("\(name) failed: finding \(unexpected) was raised, but the example says it must not be; \(came)", at: unexpected.mark)
        }
        if let status = example.expect.status, status != result.status {
            reader.error("\(name) failed: expected status \(status.rawValue); \(came)", at: mark("status"))
        }
        if let expected = example.expect.referral {
            let urgencies = result.findings.compactMap { assessment.finding($0.id)?.urgency }
            let actual = urgencies.min()
            if actual != expected {
                let want = expected?.rawValue ?? "none"
                reader.error("\(name) failed: expected referral \(want), got \(actual?.rawValue ?? "none"); \(came)", at: mark("referral"))
            }
        }
        if let minimum = example.expect.minimumScore, (result.score.map { Double($0) < minimum } ?? true) {
            reader.error("\(name) failed: expected a score of at least \(NumberText.format(minimum)); \(came)", at: mark("score.min"))
        }
        if let maximum = example.expect.maximumScore, (result.score.map { Double($0) > maximum } ?? true) {
            reader.error("\(name) failed: expected a score of at most \(NumberText.format(maximum)); \(came)", at: mark("score.max"))
        }
    }
}
