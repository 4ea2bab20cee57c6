public import BackCheckYAML
internal import AssessmentKit

/// The JSON Schemas (draft 2020-12) of the history's JSON outputs, as `backcheck schema`
/// prints them: `history people`, `history list` and `history trend` with `--format json`.
/// Each lists every field this version writes; like the report's, they are printed open to
/// added fields unless `--strict` (see `JSONSchemas.acceptingAddedFields(_:)`).
public enum HistorySchemas {
    /// `backcheck.people/1`: everyone with check-ins (``HistoryJSON/people(_:)``).
    public static var people: JSONValue {
        typealias B = SchemaBuilder
        let tests = B.array(B.string(pattern: B.kebab), "Assessment ids, sorted; a test stopped for pain is left out, and so is the red-flag screen (its findings are referrals)")
        let withheld = "null when that check-in was an emergency: its report withheld its other results"
        let person = B.object([
            ("person", B.string()),
            ("latest_referral", B.anyOf([B.choice(["emergency", "same-day", "soon"]), B.null], "Read before anything else")),
            ("earlier_referral", B.anyOf([B.object([
                ("check_in", B.integer(minimum: 1)), ("urgency", B.choice(["emergency", "same-day", "soon"])), ("generated_at", B.string()),
            ], required: ["check_in", "urgency", "generated_at"]), B.null],
                "When the latest check-in has no referral: the most recent earlier one that had, which stands until the person has been checked")),
            ("latest_screening", B.anyOf([B.choice(["positive", "complete", "incomplete", "skipped"]), B.null],
                                         "The latest check-in's red-flag screen: unless complete or skipped, the screen comes before any exercise")),
            ("check_ins", B.integer(minimum: 1)),
            ("first", B.string("When the first check-in was made")), ("latest", B.string("When the latest was made")),
            ("first_findings", B.anyOf([B.integer(minimum: 0), B.null], withheld)),
            ("latest_findings", B.anyOf([B.integer(minimum: 0), B.null], withheld)),
            ("first_tests", tests), ("latest_tests", tests),
            ("common_tests", B.array(B.string(pattern: B.kebab), "The tests both ran: the findings counts compare like with like only over these")),
            ("first_common_findings", B.anyOf([B.integer(minimum: 0), B.null], "The first check-in's findings on the common tests; " + withheld)),
            ("latest_common_findings", B.anyOf([B.integer(minimum: 0), B.null], "The latest check-in's findings on the common tests; " + withheld)),
            ("retest_due", B.anyOf([B.string(), B.null], "YYYY-MM-DD; null while a referral stands (the clinician comes first) or the screen is unfinished")),
            ("referral_stands", B.boolean("Whether a referral still stands: the latest check-in's, unless the person was checked after it, or an earlier one's")),
            ("checked_at", B.anyOf([B.string(), B.null], "When the person was last recorded as checked by a clinician (history checked): referrals of the check-ins saved until then no longer stand")),
        ], required: [
            "person", "latest_referral", "earlier_referral", "latest_screening", "check_ins", "first", "latest", "first_findings", "latest_findings", "first_tests",
            "latest_tests", "common_tests", "first_common_findings", "latest_common_findings", "retest_due", "referral_stands", "checked_at",
        ])
        return B.document(
            id: "urn:backcheck:schema:people:1", title: "BackCheck people (backcheck.people/1)",
            description: "Everyone with check-ins in the history store, as `backcheck history people --format json` prints them.",
            root: B.object([("schema", B.choice(["backcheck.people/1"])), ("people", B.array(person))], required: ["schema", "people"]))
    }

    /// `backcheck.check-ins/1`: one person's check-ins without their reports (``HistoryJSON/checkIns(_:)``).
    public static var checkIns: JSONValue {
        typealias B = SchemaBuilder
        let checkIn = B.object([
            ("id", B.integer("The store's id, for `history show` and `history delete`", minimum: 1)),
            ("person", B.string()), ("generated_at", B.string()),
            ("screening", B.anyOf([B.string(), B.null], "The red-flag screen's status in that report")),
            ("referral", B.anyOf([B.choice(["emergency", "same-day", "soon"]), B.null])),
            ("findings", B.anyOf([B.integer(minimum: 0), B.null], "null for an emergency check-in: its report withheld its other results")),
            ("tests", B.array(B.string(pattern: B.kebab), "The tests it ran, sorted (a test stopped for pain and the red-flag screen left out): counts of different tests do not compare")),
        ], required: ["id", "person", "generated_at", "screening", "referral", "findings", "tests"])
        return B.document(
            id: "urn:backcheck:schema:check-ins:1", title: "BackCheck check-ins (backcheck.check-ins/1)",
            description: "A person's check-ins, oldest first, as `backcheck history list NAME --format json` prints them.",
            root: B.object([("schema", B.choice(["backcheck.check-ins/1"])), ("check_ins", B.array(checkIn))], required: ["schema", "check_ins"]))
    }

    /// `backcheck.trend/1`: a person's measured values over time (``Trend/json(person:_:referrals:)``).
    public static var trend: JSONValue {
        typealias B = SchemaBuilder
        let point = B.object([
            ("check_in", B.integer(minimum: 1)), ("generated_at", B.string()), ("value", B.typed("number")),
        ], required: ["check_in", "generated_at", "value"])
        let series = B.object([
            ("assessment", B.string(pattern: B.kebab)), ("input", B.string(pattern: B.snake)),
            ("side", B.anyOf([B.choice(["left", "right"]), B.null])), ("unit", B.anyOf([B.string(), B.null])),
            ("mdc", B.anyOf([B.number(minimum: 0), B.null], "The test's measurement error (minimal detectable change), when known")),
            ("points", B.array(point, "Oldest first; a test stopped for pain gives no point", minItems: 1)),
            ("change", B.typed("number", "Latest value minus the first")),
            ("beyond_mdc", B.anyOf([B.boolean(), B.null], "Whether the change is at least the measurement error: a real change; null with one point or no known error")),
            ("lower_is_better", B.anyOf([B.boolean(), B.null], "Which way is better, when the input says")),
            ("verdict", B.anyOf([B.choice(["improved", "worse", "changed", "within-measurement-error", "unchanged"]), B.null],
                                "What the change means, as compare says it (without a known measurement error, improved or worse may be noise); null with one point")),
            ("latest_change", B.anyOf([B.typed("number"), B.null], "Latest value minus the one before it; null with one point")),
            ("latest_verdict", B.anyOf([B.choice(["improved", "worse", "changed", "within-measurement-error", "unchanged"]), B.null],
                                       "What the latest step alone means, read as verdict is; null with one point")),
            ("entered_flagged", B.anyOf([B.boolean(), B.null],
                                        "true when the latest value is among the values that raise a finding and the first was not, false for the reverse; null when neither crossed, with one point, or when not known")),
        ], required: [
            "assessment", "input", "side", "unit", "mdc", "points", "change", "beyond_mdc", "lower_is_better", "verdict",
            "latest_change", "latest_verdict", "entered_flagged",
        ])
        let referral = B.object([
            ("check_in", B.integer(minimum: 1)), ("generated_at", B.string()), ("urgency", B.choice(["emergency", "same-day", "soon"])),
        ], required: ["check_in", "generated_at", "urgency"])
        return B.document(
            id: "urn:backcheck:schema:trend:1", title: "BackCheck trend (backcheck.trend/1)",
            description: "A person's measured values over time, as `backcheck history trend NAME --format json` prints them.",
            root: B.object([
                ("schema", B.choice(["backcheck.trend/1"])), ("person", B.string()),
                ("referrals", B.array(referral, "Check-ins whose reports had a referral, oldest first: read them before the values")),
                ("series", B.array(series)),
            ], required: ["schema", "person", "referrals", "series"]))
    }
}
