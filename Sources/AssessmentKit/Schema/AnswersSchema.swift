public import BackCheckYAML
import BackCheckPluginAPI

extension JSONSchemas {
    /// The strings ``Duration/seconds(_:)`` reads as a duration that is not negative: a number
    /// as YAML writes one (`95`, `+95`, `1e2`, `.5`), with or without `s`; `1:35`, `1:35.5`;
    /// `1m`, `1m35s`.
    package static let durationPattern =
        "^(\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?s?|[0-9]+:[0-5][0-9](\\.[0-9]+)?|[0-9]+m(([0-5]?[0-9])(\\.[0-9]+)?s)?)$"

    /// The schema of answers files (spec 8) for `catalogue`: each assessment a property with
    /// its inputs, types, ranges and choices, so an editor can complete and check them.
    public static func answers(for catalogue: Catalogue) -> JSONValue {
        SchemaBuilder.document(
            id: "urn:backcheck:schema:answers:1", title: "BackCheck answers file",
            description: "Answers for `backcheck run --answers FILE` (YAML or JSON).", root: answersRoot(catalogue))
    }

    /// The JSON Schema of one line of `backcheck batch` input: an answers file's object with
    /// the record's `id` (a review found batch lines failing the answers schema over `id`).
    public static func batchInput(for catalogue: Catalogue) -> JSONValue {
        typealias B = SchemaBuilder
        let id = B.anyOf([B.typed("string", extra: [("minLength", .integer(1))]), B.integer()], "Ties the report to its person; echoed in the output record")
        return B.document(
            id: "urn:backcheck:schema:batch-input:1", title: "BackCheck batch record (input)",
            description: "One line of `backcheck batch` input (JSON Lines): an answers file's object with an id.",
            root: answersRoot(catalogue, id: id))
    }

    /// The answers object, with an `id` member (required) when `id` is given.
    private static func answersRoot(_ catalogue: Catalogue, id: JSONValue? = nil) -> JSONValue {
        typealias B = SchemaBuilder
        let blocks: B.Members = catalogue.assessments.map { assessment in
            let inputs: B.Members = assessment.inputs.map { input in
                // null is an unanswered question where leaving it out is allowed: a screen's
                // (which it makes incomplete) and an optional input's, as `run` reads them.
                let schema = inputSchema(input)
                return (input.name, assessment.isRedFlagScreen || input.optional ? B.anyOf([schema, B.null]) : schema)
            }
            // A screen's unanswered questions make it incomplete, not invalid (second edition).
            let required = assessment.isRedFlagScreen ? [] : assessment.inputs.filter { !$0.optional }.map(\.name)
            return (assessment.id, B.object(inputs, required: required, description: assessment.title))
        }
        let members: B.Members = (id.map { [("id", $0)] } ?? []) + [
            ("profile", profile),
            ("screened_elsewhere", B.boolean("A clinician screened for red flags in person: an unanswered screen counts as skipped, not incomplete")),
            ("answers", B.object(blocks, description: "Answers by assessment id; only the assessments named are run.")),
        ]
        return B.object(members, required: (id == nil ? [] : ["id"]) + ["answers"])
    }

    private static func inputSchema(_ input: AssessmentInput) -> JSONValue {
        typealias B = SchemaBuilder
        let unit = input.unit.flatMap { $0 == "none" ? nil : " (\($0))" } ?? ""
        // A label that is a question keeps its question mark as its stop ("…most?", not "…most?.").
        let stop = unit.isEmpty && (input.label.hasSuffix("?") || input.label.hasSuffix(".")) ? " " : ". "
        let description = input.label + unit + (input.help.map { stop + $0 } ?? "")
        var one: JSONValue
        switch input.type {
        case .number: one = B.number(minimum: input.range?.lowerBound, maximum: input.range?.upperBound)
        case .integer:
            one = B.typed("integer", extra: [input.range.map { ("minimum", ReportJSON.number($0.lowerBound)) }, input.range.map { ("maximum", ReportJSON.number($0.upperBound)) }].compactMap { $0 })
        case .duration:
            one = B.anyOf([
                B.number(minimum: max(0, input.range?.lowerBound ?? 0), maximum: input.range?.upperBound),
                B.string("95s, 1:35 or 1m35s", pattern: Self.durationPattern),
            ])
        case .boolean: one = B.boolean()
        case .choice: one = B.choice(input.spec.choices)
        case .sequence:
            one = B.typed("array", extra: [("items", B.choice(input.spec.choices)), ("uniqueItems", .bool(true))])
        }
        if input.optional { one = B.anyOf([one, B.null]) }
        guard input.bilateral else { return withDescription(one, description) }
        let sides = B.object([("left", one), ("right", one)], required: input.optional ? [] : ["left", "right"], description: description)
        return input.optional ? B.anyOf([sides, B.null], description) : sides
    }

    static func withDescription(_ schema: JSONValue, _ description: String) -> JSONValue {
        guard case .object(let members) = schema else { return schema }
        return .object([("description", .string(description))] + members.filter { $0.key != "description" })
    }
}
