public import BackCheckYAML

/// One line of a batch's output, ready to write.
public struct BatchResult: Sendable, Hashable {
    /// The input line it answers (1-based).
    public var line: Int
    /// Whether a report was made (otherwise `output` is an error record).
    public var succeeded: Bool
    /// The referral's urgency (`emergency`, `same-day`, `soon`) when the report has one.
    public var referral: String?
    /// The record's `id` as text (`p-0042`, or `42` for a number; spaces trimmed and runs of
    /// them made one, as a name is), when it had one that could be read: the summary counts
    /// ids given to more than one record.
    public var id: String?
    /// One line of JSON, newline included: `{"id": ..., "line": N, "report": {...}}` or
    /// `{"id": ..., "line": N, "errors": [{"line": N, "column": C, "message": "..."}]}` (the
    /// id is left out when the line had none that could be read).
    public var output: String

    /// Creates a result.
    public init(line: Int, succeeded: Bool, referral: String? = nil, id: String? = nil, output: String) {
        self.line = line
        self.id = id
        self.succeeded = succeeded
        self.referral = referral
        self.output = output
    }

    /// The error record for `line`: every problem with its position and message.
    public static func failure(id: JSONValue?, line: Int, _ problems: [Diagnostic]) -> BatchResult {
        let errors = problems.map { problem -> JSONValue in
            var members: [(key: String, value: JSONValue)] = []
            if let mark = problem.mark {
                members.append(("line", .integer(mark.line)))
                members.append(("column", .integer(mark.column)))
            }
            members.append(("message", .string(problem.message)))
            return .object(members)
        }
        var members: [(key: String, value: JSONValue)] = []
        if let id { members.append(("id", id)) }
        members.append(("line", .integer(line)))
        members.append(("errors", .array(errors.isEmpty ? [.object([("message", .string("the record could not be read"))])] : errors)))
        return BatchResult(line: line, succeeded: false, id: id.map(BatchProcessor.key), output: JSONValue.object(members).serialized() + "\n")
    }
}
