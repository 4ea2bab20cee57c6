public import BackCheckYAML
import BackCheckPluginAPI

/// The JSON Schemas `backcheck schema` prints.
public enum JSONSchemas {
    /// The schema of `backcheck.report/1` reports (spec 7.1).
    public static var report: JSONValue {
        typealias B = SchemaBuilder
        let side = B.choice(["left", "right"])
        let value = B.anyOf([B.typed("number"), B.typed("boolean"), B.typed("string"), B.array(B.typed("string")), B.null])
        let binding = B.anyOf([B.ref("value"), B.object([("left", B.ref("value")), ("right", B.ref("value"))], required: ["left", "right"])])
        let range = B.array(B.typed("number"), "[low, high]", minItems: 2, maxItems: 2)
        let tier = B.choice(Tier.allCases.map(\.rawValue))
        let finding = B.object([
            ("id", B.string()), ("title", B.string()), ("tier", tier), ("side", side),
            ("severity", B.number("0-1, 2 decimals", minimum: 0, maximum: 1)), ("evidence", B.string()), ("explain", B.string()),
        ], required: ["id", "title", "tier", "severity", "evidence", "explain"])
        let input = B.object([
            ("name", B.string()), ("label", B.string()), ("type", B.choice(InputSpec.InputType.allCases.map(\.rawValue))),
            ("unit", B.string()), ("range", range), ("mdc", B.number(minimum: 0)), ("bilateral", B.boolean()), ("lower_is_better", B.boolean()),
            ("left_right", B.object([
                ("difference", B.number(minimum: 0)), ("lower_side", B.anyOf([side, B.null])),
                ("beyond_mdc", B.anyOf([B.boolean(), B.null])),
            ], required: ["difference", "lower_side", "beyond_mdc"])),
            ("flagged", B.array(B.object([("side", side), ("domain", range), ("intervals", B.array(range))], required: ["domain", "intervals"]),
                                "Values that would raise a finding for this person, the other answers unchanged")),
        ], required: ["name", "label", "type", "bilateral"])
        let assessment = B.object([
            ("id", B.string(pattern: B.kebab)), ("version", B.integer(minimum: 1)), ("digest", B.string(pattern: "^sha256:[0-9a-f]{64}$")),
            ("title", B.string()), ("category", B.string()), ("evaluator", B.string()),
            ("evaluator_sha256", B.string(pattern: "^[0-9a-f]{64}$")),
            ("evidence", B.choice(EvidenceLevel.allCases.map(\.rawValue))), ("evidence_note", B.string()),
            ("answers", B.map(B.ref("binding"))), ("derived", B.map(B.ref("binding"))),
            ("score", B.anyOf([B.integer(minimum: 0), B.null])), ("status", B.choice(Status.allCases.map(\.rawValue))),
            ("findings", B.array(finding)), ("notes", B.array(B.string())), ("inputs", B.array(input)),
            ("retest_weeks", B.integer(minimum: 1)),
            ("voided", B.boolean("Present and true when an answer voided this test's measurements (a hold stopped by pain): they do not count, and the findings they would raise were not looked for")),
        ], required: ["id", "version", "digest", "title", "category", "evaluator", "evidence", "answers", "derived", "score", "status", "findings", "notes", "inputs"])
        let reason = B.object([
            ("assessment", B.string()), ("finding", B.string()), ("title", B.string()), ("side", side),
            ("severity", B.number(minimum: 0, maximum: 1)), ("weight", B.number(minimum: 0)), ("asymmetry", B.boolean()),
            ("contribution", B.number(minimum: 0)),
        ], required: ["assessment", "finding", "title", "severity", "weight", "asymmetry", "contribution"])
        let dosage = B.object([
            ("sets", B.integer(minimum: 1)), ("reps", B.integer(minimum: 1)),
                ("pyramid", B.boolean("reps is the first group of a descending pyramid, each group two fewer: 5 gives 5-3-1")), ("hold_s", B.number(minimum: 0)),
            ("per_side", B.boolean()), ("frequency", B.string()), ("duration_min", B.number(minimum: 0)), ("note", B.string()),
        ] + ProgramSchema.dosageRangeMembers)
        let item = B.object([
            ("rank", B.integer(minimum: 1)),
            ("exercise", B.object([
                ("id", B.string(pattern: B.kebab)), ("name", B.string()), ("type", B.string()), ("targets", B.array(B.string())),
                ("loaded", B.boolean()), ("instructions", B.string()), ("cues", B.array(B.string())), ("cautions", B.array(B.string())),
                ("poses", ProgramSchema.poses),
            ], required: ["id", "name", "type", "targets", "loaded", "instructions", "cues", "cautions"])),
            ("tier", tier), ("priority", B.number(minimum: 0)),
            ("sides", B.array(side, "Only for work done per side (dosage per_side)")), ("dosage", dosage),
            ("because", B.array(reason, minItems: 1)),
        ], required: ["rank", "exercise", "tier", "priority", "dosage", "because"])
        let referral = referralSchema
        let screening = screeningSchema
        let root = B.object([
            ("schema", B.choice([Report.schemaName])),
            ("generated_at", B.string("UTC, YYYY-MM-DDTHH:MM:SSZ", pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$")),
            ("tool", B.object([("name", B.string()), ("version", B.string())], required: ["name", "version"])),
            ("profile", profile),
            ("referral", B.anyOf([referral, B.null], "null when no refer finding was raised")),
            ("screening", screening),
            ("assessments", B.array(assessment)),
            ("withheld", B.array(B.string(pattern: B.kebab), "Assessments run whose results an emergency referral withheld: get checked first; empty otherwise")),
            ("run_for_referral", B.array(B.string(pattern: B.kebab), "Answered assessments not among those asked for (run ID...) but run because their answers call for a referral; empty otherwise")),
            ("plan", B.array(item)),
            ("plan_notes", B.array(B.string())),
            ("plan_left_out", B.array(B.object([
                ("exercise", B.string(pattern: B.kebab)), ("name", B.string()),
                ("reason", B.choice(PlanLeftOut.Reason.allCases.map(\.rawValue), "The first that applies, in this order")),
            ], required: ["exercise", "reason"]), "Exercises findings asked for that the plan does not hold")),
            ("plan_alternatives", B.array(B.object([
                ("exercise", B.string(pattern: B.kebab)), ("name", B.string()),
                ("alternative_to", B.string("The planned exercise doing the same job, which this one can stand in for", pattern: B.kebab)),
            ], required: ["exercise", "alternative_to"]), "Exercises left out because a planned one does the same job")),
            ("program", ProgramSchema.program(dosage: dosage, side: side)),
            ("reassurance", B.anyOf([B.string(), B.null], "null unless the screen was complete or skipped, nothing needs a referral and no back injury or operation was in the last 3 months")),
            ("retest_due", B.anyOf([B.string(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"), B.null], "When the soonest test is worth repeating: the program's closing retest when there is a program; null under a referral (the clinician comes first) or when no assessment says")),
            ("notes", B.array(B.string())),
        ], required: ["schema", "generated_at", "tool", "profile", "referral", "screening", "assessments", "plan", "plan_notes", "plan_left_out", "notes"])
        return B.document(
            id: "urn:backcheck:schema:report:1", title: "BackCheck report (backcheck.report/1)",
            description: "A report written by `backcheck run --format json`.", root: root,
            definitions: [("value", value), ("binding", binding)])
    }

    /// The `profile` block, shared by reports and answers files.
    static var profile: JSONValue {
        typealias B = SchemaBuilder
        return B.object([
            ("name", B.string("Whose report it is")),
            ("sex", B.choice(["female", "male"], "For sex-specific norms; without it the stricter norm is used.")),
            ("age", B.number("Years", minimum: 5, maximum: 120)),
            ("bodyweight_kg", B.number("Kilograms", minimum: 20, maximum: 400)),
            ("training_days_per_week", B.typed("integer", "Days a week, a whole number", extra: [("minimum", .integer(0)), ("maximum", .integer(7))])),
            ("back_history", B.array(B.choice(Profile.BackHistory.allCases.map(\.rawValue)), "Past back problems")),
            ("back_history_recent", B.boolean("One of them happened, or was operated on, in the last 3 months")),
        ])
    }

    /// A referral (`referral` of a report or a comparison).
    static var referralSchema: JSONValue {
        typealias B = SchemaBuilder
        let urgency = B.choice(Urgency.allCases.map(\.rawValue))
        return B.object([
            ("urgency", urgency), ("message", B.string()),
            ("reasons", B.array(B.object([
                ("assessment", B.string()), ("finding", B.string()), ("title", B.string()), ("side", B.choice(["left", "right"])),
                ("urgency", urgency), ("advice", B.string()),
            ], required: ["assessment", "finding", "title", "urgency", "advice"]), minItems: 1)),
            ("standing_from", B.object([
                ("check_in", B.integer("The earlier check-in's id in the history store")),
                ("generated_at", B.string("When that check-in's report was made")),
            ], required: ["check_in", "generated_at"], description: "Present only when an earlier check-in of the person (run --save) had a referral and no clinician's check has been recorded since (history checked): it still stands beside any referral this report's own answers raise, the one asking more leading with its urgency, message and reasons")),
        ], required: ["urgency", "message", "reasons"])
    }

    /// The red-flag screen's state (`screening` of a report or a comparison).
    static var screeningSchema: JSONValue {
        typealias B = SchemaBuilder
        return B.object([
            ("status", B.choice(Screening.Status.allCases.map(\.rawValue), "Unless complete or skipped, the plan holds no loaded work")),
            ("unanswered", B.array(B.string(), "Screen inputs, or profile fields such as profile.age, still to answer")),
            ("questions", B.array(B.object([("id", B.string()), ("label", B.string())], required: ["id", "label"]))),
        ], required: ["status", "unanswered"])
    }
}
