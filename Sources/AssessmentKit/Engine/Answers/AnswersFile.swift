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
/// `only`, when not empty, narrows that to the given ids.
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
        let root: YAMLNode
        switch parse(bytes, file: file) {
        case .success(let node): root = node
        case .failure(let problems): return .failure(problems)
        }
        return read(root, file: file, catalogue: catalogue, overrides: overrides, only: only)
    }

    /// Reads and checks answers already parsed into `root`.
    public static func read(
        _ root: YAMLNode, file: String, catalogue: Catalogue, overrides: [AnswerOverride] = [], only: [String] = []
    ) -> Result<AnswerSet, AnswerProblems> {
        let reader = NodeReader()
        let start = SourceMark(file: file, line: 1, column: 1)
        for id in only where catalogue.assessment(id) == nil {
            reader.error("unknown assessment '\(id)' on the command line\(Suggestion.hint(for: id, among: catalogue.assessments.map(\.id))); `backcheck list` shows them", at: nil)
        }
        let document = root.isNull && root.scalar?.text.isEmpty != false ? YAMLNode(.mapping([]), mark: start) : root
        let applied = OverrideApplier.apply(overrides, to: document, catalogue: catalogue, reader: reader)
        guard let fields = reader.mapping(applied, of: "an answers file with 'profile' and 'answers'") else {
            return .failure(AnswerProblems(reader.diagnostics))
        }
        let profile = fields.node("profile").flatMap { ProfileReader.read($0, reader: reader) } ?? Profile()
        let screenedElsewhere = fields.optional("screened_elsewhere", as: Bool.self) ?? false
        var entries: [AnswerSet.Entry] = []
        var answered: [String] = []
        if let blocks = fields.requiredMapping("answers", of: "the answers, by assessment id") {
            for (id, keyNode, block) in blocks.allEntries() {
                guard let assessment = catalogue.assessment(id) else {
                    let hint = Suggestion.hint(for: id, among: catalogue.assessments.map(\.id))
                    reader.error("unknown assessment '\(id)'\(hint); `backcheck list` shows the assessments", at: keyNode.mark)
                    continue
                }
                answered.append(id)
                guard let answers = AnswerReader.read(block, for: assessment, reader: reader) else { continue }
                if only.isEmpty || only.contains(id) || assessment.isRedFlagScreen {
                    entries.append(AnswerSet.Entry(assessment: assessment, answers: answers))
                }
            }
        }
        fields.rejectUnknownKeys()
        for id in only where catalogue.assessment(id) != nil && !answered.contains(id) {
            reader.error("'\(id)' was named on the command line but \(file) has no answers for it; add them under 'answers' or leave it out", at: start)
        }
        if !reader.hasErrors, entries.isEmpty {
            reader.error("no assessments answered; add at least one under 'answers'", at: fields.node("answers")?.mark ?? start)
        }
        return reader.hasErrors ? .failure(AnswerProblems(reader.diagnostics)) : .success(AnswerSet(profile: profile, entries: entries, screenedElsewhere: screenedElsewhere))
    }

    /// JSON is read by the strict JSON reader (its messages fit JSON); anything else as YAML.
    /// The file's one document, or what is wrong with it — from one parse, on the error path too.
    private static func parse(_ bytes: [UInt8], file: String) -> Result<YAMLNode, AnswerProblems> {
        if isJSON(bytes, file: file) {
            let (node, diagnostics) = JSONReader.parse(bytes, file: file)
            guard let node, !diagnostics.hasErrors else { return .failure(AnswerProblems(diagnostics)) }
            return .success(node)
        }
        let result = YAMLParser(allowsTags: false).parse(bytes, file: file)
        guard !result.diagnostics.hasErrors else { return .failure(AnswerProblems(result.diagnostics)) }
        guard result.documents.count <= 1 else {
            let second = result.documents.dropFirst().first?.mark
            return .failure(AnswerProblems(DiagnosticLog([.error("an answers file holds one document; remove the second '---'", at: second)])))
        }
        return .success(result.documents.first?.root
            ?? YAMLNode(.scalar(YAMLScalar(text: "", style: .plain)), mark: SourceMark(file: file, line: 1, column: 1)))
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

    /// One problem per line, `FILE:LINE:COL: error: MESSAGE`.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}
