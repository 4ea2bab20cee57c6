import BackCheckPluginAPI
import BackCheckYAML

/// Turns one JSON Lines record of a batch — `{"id": ..., "profile": {...}, "answers": {...}}`,
/// an answers file (spec 8) with the person's id added — into one line of output: the
/// person's report, or the problems that stopped it, both as one line of JSON.
///
/// ```swift
/// let processor = BatchProcessor(catalogue: catalogue, source: "people.jsonl", generatedAt: Timestamp.now())
/// let result = processor.process(Array(#"{"id": "p1", "answers": {...}}"#.utf8), line: 1)
/// print(result.output, terminator: "")   // {"id":"p1","line":1,"report":{"schema":"backcheck.report/1",...}}
/// ```
///
/// It holds no state between lines, so one processor serves every worker thread.
public struct BatchProcessor: Sendable {
    /// The catalogue the answers are checked against.
    public var catalogue: Catalogue
    /// Builds each report (plan length and tool named as for `backcheck run`).
    public var builder: ReportBuilder
    /// The input's name in problem messages (`people.jsonl`, or `<stdin>`).
    public var source: String
    /// The time stamped on every report of the batch (one batch, one time, so a re-run of the
    /// same input gives the same output but for this field).
    public var generatedAt: String
    /// Keeps each report somewhere else too (`batch --save`): called on the worker threads with
    /// the report and whose it is (the record's `profile.name`, else its id). A failure turns the
    /// record into an error record with the reason.
    public var keep: (@Sendable (Report, String) throws -> Void)?
    /// Whether every person was screened for red flags in person (`--screened-elsewhere`);
    /// a record can also say so itself with `"screened_elsewhere": true`.
    public var screenedElsewhere: Bool

    /// Creates a processor; `maxExercises` caps each plan as `--max-exercises` does.
    public init(
        catalogue: Catalogue, source: String, generatedAt: String, maxExercises: Int = 6,
        programOptions: ProgramOptions = .init(), screenedElsewhere: Bool = false
    ) {
        self.catalogue = catalogue
        self.screenedElsewhere = screenedElsewhere
        builder = ReportBuilder(catalogue: catalogue, maxExercises: maxExercises, programOptions: programOptions)
        self.source = source
        self.generatedAt = generatedAt
    }

    /// The output for the record on input line `line` (1-based).
    public func process(_ bytes: [UInt8], line: Int) -> BatchResult {
        // Nearly every record reads without a problem: straight from its bytes, with no tree.
        if let record = DirectRecord.read(bytes, catalogue: catalogue) {
            return output(for: record.answers, id: record.id, line: line)
        }
        return processInFull(bytes, line: line)
    }

    /// The output for the record on line `line`, read the full way: through a tree with every
    /// value's place, so that any problem can be pointed at. What ``process(_:line:)`` does
    /// with a record ``DirectRecord`` does not take.
    package func processInFull(_ bytes: [UInt8], line: Int) -> BatchResult {
        let (parsed, syntax) = JSONReader.parse(bytes, file: source, line: line)
        // A record read to its end despite an error (a duplicate key) is still checked, so the
        // error record lists every problem at once, as `run` does.
        guard let root = parsed else {
            return .failure(id: Self.leadingID(bytes), line: line, syntax.errors)
        }
        guard let pairs = root.mapping else {
            let problem = Diagnostic.error(
                "each line must be a JSON object {\"id\": ..., \"profile\": {...}, \"answers\": {...}}, found \(root.kindDescription)",
                at: root.mark)
            return .failure(id: nil, line: line, [problem])
        }
        let idNode = pairs.first { $0.key.scalar?.text == "id" }?.value
        let id = idNode.flatMap(Self.identifier)
        guard let id else {
            // A whole number too long for 64 bits would come back rounded: echo its digits, and
            // say how to keep it exact.
            if let digits = idNode?.scalar?.text, digits.count > 18, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) {
                let problem = Diagnostic.error(
                    "'id' \(digits) is a whole number too long to keep exactly; give it as a string: \"id\": \"\(digits)\"",
                    at: idNode?.mark ?? root.mark)
                return .failure(id: .string(digits), line: line, [problem])
            }
            let problem = Diagnostic.error(
                idNode == nil
                    ? "the record has no 'id'; add \"id\": \"...\" (a string or a number) so its report can be matched to the person"
                    : "'id' must be a non-empty string or a whole number, found \(idNode?.kindDescription ?? "nothing")",
                at: idNode?.mark ?? root.mark)
            return .failure(id: idNode.map(\.jsonValue), line: line, [problem])
        }
        let answers = YAMLNode(.mapping(YAMLNode.Pairs(pairs.filter { $0.key.scalar?.text != "id" })), mark: root.mark)
        var read = AnswersFile.read(answers, file: source, catalogue: catalogue)
        if syntax.hasErrors { read = .failure(AnswerProblems(syntax).merged(with: read)) }
        switch read {
        case .success(let set):
            return output(for: set, id: id, line: line)
        case .failure(let problems):
            return .failure(id: id, line: line, problems.diagnostics.errors)
        }
    }

    /// The report of `set`, the answers of the record with `id` on line `line`, as one line of output.
    private func output(for set: AnswerSet, id: JSONValue, line: Int) -> BatchResult {
        var set = set
        if screenedElsewhere { set.screenedElsewhere = true }
        let report = builder.report(for: set, generatedAt: generatedAt)
        if let keep {
            let person = set.profile.name ?? Self.text(of: id)
            do {
                try keep(report, person)
            } catch {
                return .failure(id: id, line: line, [.error("the report was made but could not be saved: \(error)", at: nil)])
            }
        }
        // Written straight to text: a report's tree is thousands of values made only to be printed.
        var writer = JSONWriter()
        writer.object {
            $0.key("id")
            $0.write(id)
            $0.member("line", line)
            $0.member("report") { report.write(to: &$0) }
        }
        writer.append(raw: "\n")
        return BatchResult(
            line: line, succeeded: true, referral: report.referral?.urgency.rawValue, id: Self.key(of: id), output: writer.text)
    }

    /// An id as the summary compares ids: its text with runs of spaces made one and the ends
    /// trimmed, or its digits, so `1` and `"1"`, or `"a"` and `" a"`, which `--save` files
    /// under one name, count as one id.
    static func key(of id: JSONValue) -> String {
        text(of: id).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// An id as a person's name: its text, or its digits.
    private static func text(of id: JSONValue) -> String {
        switch id {
        case .string(let text): text
        case .integer(let number): String(number)
        default: id.serialized()
        }
    }

    /// A non-empty string or a whole number; anything else is not an id.
    static func identifier(_ node: YAMLNode) -> JSONValue? {
        switch node.jsonValue {
        case .string(let text) where !text.isEmpty: return .string(text)
        case .integer(let number): return .integer(number)
        default: return nil
        }
    }
}
