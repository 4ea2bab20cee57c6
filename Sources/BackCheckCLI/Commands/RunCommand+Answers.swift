import AssessmentKit
import BackCheckYAML

extension RunCommand {
    /// The catalogue, and the answers of `--answers PATH` checked against it. The file is
    /// parsed first where that is safe, so that the catalogue keeps only the tests it answers
    /// (and the screens), and of the built-in one only the part those need is read
    /// (``CatalogueLayer/builtIn(answering:from:)``).
    func catalogueAndAnswers(_ path: String, overrides: [AnswerOverride]) throws -> (Catalogue, Result<AnswerSet, AnswerProblems>) {
        // Standard input is read once the catalogue is known to load and every id named on the
        // command line is in it, so that `run typo --answers -` does not wait for its input. A
        // file can be read at once: nothing waits on it.
        let safe = path != "-" || (catalogue.catalogs.isEmpty && Set(ids).isSubset(of: CatalogueLayer.builtInAssessmentIDs()))
        let early = safe ? nil : try loadCheckingIDs(answering: nil)
        let file = path == "-" ? StandardInput.name : path
        let parsed = (path == "-" ? StandardInput.bytes() : FileBytes.load(path, limit: YAMLLimits.default.maxFileBytes))
            .map { AnswersFile.parse($0, file: file) }
        let named = Set(ids + overrides.map(\.assessment)).union((try? parsed.get())?.answered ?? [])
        let loaded = try early ?? loadCheckingIDs(answering: named)
        let answers = parsed.mapError { AnswerProblems(DiagnosticLog([$0])) }.flatMap { parsed in
            AnswersFile.read(parsed, catalogue: loaded, overrides: overrides, only: ids)
        }
        return (loaded, answers)
    }

    /// The catalogue for reports (only as much of the built-in one as answers to `answered`
    /// need, when given), once the tests named on the command line are known to be in it.
    private func loadCheckingIDs(answering answered: Set<String>?) throws -> Catalogue {
        let loaded = try catalogue.load(forReports: true, guiding: false, answering: answered)
        // An unknown id is a mistake in the command, as in a guided run (exit 64), not in
        // the answers (found by an app developer's review).
        _ = try SessionOrder.assessments(ids, in: loaded)
        return loaded
    }
}
