public import BackCheckYAML
import BackCheckPluginAPI

/// Reads answers files (spec 8): YAML or JSON with a `profile` and an `answers` block.
///
/// ```swift
/// switch AnswersFile.read(bytes, file: "me.answers.yaml", catalogue: catalogue) {
/// case .success(let answers): print(answers.entries.map(\.assessment.id))
/// case .failure(let problems): for problem in problems.diagnostics { print(problem) }
/// }
/// ```
/// Every problem is reported, each naming the assessment, the input and `FILE:LINE:COL`.
/// Only the assessments named are run (plus the red-flag screen whenever it is answered);
/// `only`, when not empty, narrows that to the given ids, but an answered test whose answers
/// call for a referral is run anyway (``AnswerSet/runForReferral``), and a `--set` on a test
/// left out is an error.
public enum AnswersFile {
    /// Reads the file at `path` and checks its answers; an unreadable file is a problem too.
    public static func load(
        _ path: String, catalogue: Catalogue, overrides: [AnswerOverride] = [], only: [String] = []
    ) -> Result<AnswerSet, AnswerProblems> {
        switch FileBytes.load(path, limit: YAMLLimits.default.maxFileBytes) {
        case .success(let bytes): return read(bytes, file: path, catalogue: catalogue, overrides: overrides, only: only)
        case .failure(let problem): return .failure(AnswerProblems(DiagnosticLog([problem])))
        }
    }

    /// Reads and checks the answers in `bytes`, applying `overrides` first.
    public static func read(
        _ bytes: [UInt8], file: String, catalogue: Catalogue, overrides: [AnswerOverride] = [], only: [String] = []
    ) -> Result<AnswerSet, AnswerProblems> {
        read(parse(bytes, file: file), catalogue: catalogue, overrides: overrides, only: only)
    }

    /// Reads and checks answers already parsed into `root`.
    public static func read(
        _ root: YAMLNode, file: String, catalogue: Catalogue, overrides: [AnswerOverride] = [], only: [String] = []
    ) -> Result<AnswerSet, AnswerProblems> {
        let reader = NodeReader()
        let start = SourceMark(file: file, line: 1, column: 1)
        for id in only where catalogue.assessment(id) == nil {
            let hint = Suggestion.hint(for: id, among: catalogue.everyAssessmentID)
            reader.error("unknown assessment '\(id)' on the command line\(hint)\(hint.isEmpty ? ";" : "") `backcheck list` shows them", at: nil)
        }
        let empty = root.isNull && root.scalar?.text.isEmpty != false
        // "missing required key 'answers'" reads oddly for a file with nothing in it (unless --set fills it).
        if empty, overrides.isEmpty {
            reader.error("the answers file is empty (or only comments); write 'answers:' with each test's answers under its id (`backcheck schema answers` gives the format)", at: start)
            return .failure(AnswerProblems(reader.diagnostics))
        }
        let document = empty ? YAMLNode(.mapping([]), mark: start) : root
        // A --set for a test neither named nor in the file would add a test the run then drops,
        // after errors about its other answers pinned to the file: say the one thing that is wrong.
        let inFile = Set(document["answers"]?.mapping?.compactMap { $0.key.scalar?.text } ?? [])
        let strays = overrides.filter { override in
            !only.isEmpty && !only.contains(override.assessment) && !inFile.contains(override.assessment)
                && catalogue.assessment(override.assessment).map { !$0.isRedFlagScreen } == true
        }
        for stray in strays {
            reader.error(
                "--set \(stray.text) changes '\(stray.assessment)', which this run leaves out (it runs \(only.joined(separator: ", "))) and the file does not answer; name '\(stray.assessment)' among the tests and give its other answers, or drop the --set",
                at: nil)
        }
        let applied = OverrideApplier.apply(overrides.filter { override in !strays.contains { $0.text == override.text } }, to: document, catalogue: catalogue, reader: reader)
        guard applied.mapping != nil else {
            reader.error(
                "expected the answers file to be a mapping with 'profile' and 'answers' (`backcheck schema answers` gives the format), found \(applied.kindDescription)",
                at: applied.mark)
            return .failure(AnswerProblems(reader.diagnostics))
        }
        // Named plainly for its own messages ("missing required key 'answers' in the answers file").
        guard let fields = reader.mapping(applied, of: "the answers file") else { return .failure(AnswerProblems(reader.diagnostics)) }
        let profile = fields.node("profile").flatMap { ProfileReader.read($0, reader: reader) } ?? Profile()
        let screenedElsewhere = fields.optional("screened_elsewhere", as: Bool.self) ?? false
        var entries: [AnswerSet.Entry] = []
        var answered: [String] = []
        var runForReferral: [String] = []
        if let blocks = fields.requiredMapping("answers", of: "the answers, by assessment id") {
            for (id, keyNode, block) in blocks.allEntries() {
                guard let assessment = catalogue.assessment(id) else {
                    let hint = Suggestion.hint(for: id, among: catalogue.everyAssessmentID)
                    reader.error("unknown assessment '\(id)'\(hint)\(hint.isEmpty ? ";" : "") `backcheck list` shows the assessments", at: keyNode.mark)
                    continue
                }
                answered.append(id)
                guard let answers = AnswerReader.read(block, for: assessment, reader: reader) else { continue }
                if only.isEmpty || only.contains(id) || assessment.isRedFlagScreen {
                    entries.append(AnswerSet.Entry(assessment: assessment, answers: answers))
                } else if Self.callsForReferral(assessment, answers: answers, profile: profile) {
                    // Leg symptoms on both sides must not vanish because only the squat check was asked for.
                    entries.append(AnswerSet.Entry(assessment: assessment, answers: answers))
                    runForReferral.append(id)
                }
            }
        }
        fields.rejectUnknownKeys()
        for id in only where catalogue.assessment(id) != nil && !answered.contains(id) {
            reader.error("'\(id)' was named on the command line but \(file) has no answers for it; add them under 'answers' or leave it out", at: start)
        }
        // A --set that changes nothing the report shows would read as applied.
        let run = Set(entries.map(\.assessment.id))
        var refused: Set<String> = []
        // One named on the command line is not left out, even when its answers failed to read.
        for override in overrides where !only.isEmpty && !only.contains(override.assessment) && !run.contains(override.assessment)
            && catalogue.assessment(override.assessment) != nil
            && answered.contains(override.assessment) && refused.insert(override.assessment).inserted {
            reader.error(
                "--set \(override.text) changes '\(override.assessment)', which this run leaves out (it runs \(only.joined(separator: ", "))); name '\(override.assessment)' among the tests too, or drop the --set",
                at: nil)
        }
        if !reader.hasErrors, entries.isEmpty {
            reader.error("no assessments answered; add at least one under 'answers'", at: fields.node("answers")?.mark ?? start)
        }
        var set = AnswerSet(profile: profile, entries: entries, screenedElsewhere: screenedElsewhere)
        set.runForReferral = runForReferral
        return reader.hasErrors ? .failure(AnswerProblems(reader.diagnostics)) : .success(set)
    }

    /// Whether `assessment`, scored on `answers`, raises a finding that refers the person on.
    static func callsForReferral(_ assessment: Assessment, answers: AssessmentAnswers, profile: Profile) -> Bool {
        guard assessment.findings.contains(where: { $0.tier == .refer }) else { return false }
        let result = AssessmentRunner.run(assessment, answers: answers, profile: profile)
        return result.findings.contains { assessment.finding($0.id)?.tier == .refer }
    }

    /// JSON is read by the strict JSON reader (its messages fit JSON); anything else as YAML.
    /// The file's one document and what is wrong with it, from one parse, on the error path too.
    /// The document comes back despite errors only when it was read to its end (a duplicate
    /// key, say), so its answers can be checked too and every problem shown in one pass.
    static func parseDocument(_ bytes: [UInt8], file: String) -> (YAMLNode?, DiagnosticLog) {
        if isJSON(bytes, file: file) {
            return JSONReader.parse(bytes, file: file)
        }
        let result = YAMLParser(allowsTags: false).parse(bytes, file: file)
        guard result.documents.count <= 1 else {
            var problems = result.diagnostics
            problems.error("an answers file holds one document; remove the second '---'", at: result.documents[1].mark)
            return (nil, problems)
        }
        if result.diagnostics.hasErrors, result.documents.isEmpty { return (nil, result.diagnostics) }
        return (result.documents.first?.root
            ?? YAMLNode(.scalar(YAMLScalar(text: "", style: .plain)), mark: SourceMark(file: file, line: 1, column: 1)),
            result.diagnostics)
    }

    private static func isJSON(_ bytes: [UInt8], file: String) -> Bool {
        file.hasSuffix(".json")
    }
}

/// Everything wrong with an answers file: at least one error.
public struct AnswerProblems: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order found.
    public var diagnostics: DiagnosticLog

    /// Creates the error.
    public init(_ diagnostics: DiagnosticLog) { self.diagnostics = diagnostics }

    /// `self` (problems found while parsing) followed by whatever reading the answers found.
    func merged(with answers: Result<AnswerSet, AnswerProblems>) -> AnswerProblems {
        guard case .failure(let more) = answers else { return self }
        var all = diagnostics
        all.append(contentsOf: more.diagnostics)
        return AnswerProblems(all)
    }

    /// One problem per line, `FILE:LINE:COL: error: MESSAGE`.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
