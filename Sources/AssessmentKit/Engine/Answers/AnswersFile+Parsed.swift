import BackCheckYAML

extension AnswersFile {
    /// An answers file parsed but not yet checked against a catalogue: what it answers is
    /// known before the catalogue is loaded (so `backcheck run` reads only the part of the
    /// built-in catalogue it needs), and the file is still parsed once.
    public struct Parsed: Sendable {
        /// The file's name, as messages give it.
        public let file: String
        /// The ids written under `answers`, whether or not they name assessments; empty when
        /// the file could not be read that far.
        public let answered: Set<String>
        /// The document, when it was read to its end (errors or not).
        let root: YAMLNode?
        /// What parsing found wrong.
        let syntax: DiagnosticLog
    }

    /// Parses `bytes` as an answers file named `file` (JSON when the name ends in `.json`,
    /// else YAML), checking nothing yet; ``read(_:catalogue:overrides:only:)`` does the rest.
    public static func parse(_ bytes: [UInt8], file: String) -> Parsed {
        let (root, syntax) = parseDocument(bytes, file: file)
        let answered = root?["answers"]?.mapping?.compactMap { $0.key.scalar?.text } ?? []
        return Parsed(file: file, answered: Set(answered), root: root, syntax: syntax)
    }

    /// Checks the answers of a file parsed with ``parse(_:file:)``: the same problems, in the
    /// same order, as reading its bytes in one step gives.
    public static func read(
        _ parsed: Parsed, catalogue: Catalogue, overrides: [AnswerOverride] = [], only: [String] = []
    ) -> Result<AnswerSet, AnswerProblems> {
        guard let root = parsed.root else { return .failure(AnswerProblems(parsed.syntax)) }
        let answers = read(root, file: parsed.file, catalogue: catalogue, overrides: overrides, only: only)
        return parsed.syntax.hasErrors ? .failure(AnswerProblems(parsed.syntax).merged(with: answers)) : answers
    }
}
