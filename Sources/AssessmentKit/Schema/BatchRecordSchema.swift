public import BackCheckYAML

extension JSONSchemas {
    /// The schema of one line of `backcheck batch` output: a report record
    /// `{"id": ..., "line": N, "report": {...}}`, the report as ``report`` describes it, or an
    /// error record `{"id": ..., "line": N, "errors": [...]}`.
    public static var batchRecord: JSONValue {
        typealias B = SchemaBuilder
        let line = B.integer("The input line the record answers, 1-based, blank lines counted (within each part when the input was split)", minimum: 1)
        let scored = B.object([
            ("id", B.anyOf([B.string(), B.typed("integer")], "The record's id as given: a string or a whole number")),
            ("line", line), ("report", B.ref("report")),
        ], required: ["id", "line", "report"])
        let failed = B.object([
            ("id", .object([("description", .string("The record's id as given, when it could be read (it may be the id that was wrong)"))])),
            ("line", line),
            ("errors", B.array(B.object([
                ("line", B.integer("Within the record's JSON: always the input line", minimum: 1)),
                ("column", B.integer("Within the input line, 1-based", minimum: 1)),
                ("message", B.string("What is wrong and how to fix it")),
            ], required: ["message"]), minItems: 1)),
        ], required: ["line", "errors"])
        // The report schema, embedded as a resource of its own (its `$id` and `$defs` kept).
        guard case .object(let members) = report else { preconditionFailure("the report schema is an object") }
        let embedded = JSONValue.object(members.filter { $0.key != "$schema" })
        return B.document(
            id: "urn:backcheck:schema:batch-record:1", title: "BackCheck batch record",
            description: "One line of `backcheck batch` output: a report for the input record, or why it could not be scored.",
            root: B.anyOf([scored, failed]), definitions: [("report", embedded)])
    }
}
