import BackCheckYAML

/// The schemas of the parts the program added to reports and exercises: `poses` and
/// `program` (additive in `backcheck.report/1`).
enum ProgramSchema {
    typealias B = SchemaBuilder

    /// An exercise's `poses`: two sets of stick-figure angles in degrees.
    static var poses: JSONValue {
        let pose = B.object([
            ("trunk", B.number("The trunk from straight up, forward positive (lying on the back, head left: -90)", minimum: -180, maximum: 180)),
            ("hip", B.number("Hip flexion", minimum: -60, maximum: 160)), ("knee", B.number("Knee flexion", minimum: 0, maximum: 160)),
            ("shoulder", B.number("Shoulder flexion", minimum: -60, maximum: 220)), ("elbow", B.number("Elbow flexion", minimum: 0, maximum: 160)),
            ("far_hip", B.number(minimum: -60, maximum: 160)), ("far_knee", B.number(minimum: 0, maximum: 160)),
            ("far_shoulder", B.number(minimum: -60, maximum: 220)), ("far_elbow", B.number(minimum: 0, maximum: 160)),
        ], required: ["trunk"])
        return B.object([("start", pose), ("end", pose)], required: ["start", "end"], description: "Start and end positions for the report's stick figures")
    }

    /// A report's `program`, given the dosage schema of its plan.
    static func program(dosage: JSONValue, side: JSONValue) -> JSONValue {
        let date = B.string(pattern: "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        let day = B.choice(Weekday.allCases.map(\.rawValue))
        let item = B.object([
            ("exercise", B.string(pattern: B.kebab)), ("name", B.string()),
            ("block", B.choice(ProgramBlock.allCases.map(\.rawValue), "warm-up before lifting, then exercises (technique work in the lift's place), the person's own lifting on a training day, after-lifting (strength and endurance work on a training day), then stretches")),
            ("dose", dosage), ("sides", B.array(side, "One-sided work a finding asked for on this side")),
            ("change", B.string("What changed from the week before")),
            ("move_on", B.object([("exercise", B.string(pattern: B.kebab)), ("name", B.string()), ("dose", dosage)],
                                 required: ["exercise", "name", "dose"], description: "The harder exercise for when this one is easy and pain-free")),
        ], required: ["exercise", "name", "block", "dose"])
        let session = B.object([
            ("date", date), ("day", day), ("training_day", B.boolean()),
            ("minutes", B.integer("About how long the listed work takes", minimum: 1)), ("items", B.array(item, minItems: 1)),
        ], required: ["date", "day", "training_day", "minutes", "items"])
        let week = B.object([
            ("week", B.integer(minimum: 1)), ("notes", B.array(B.string())), ("sessions", B.array(session)),
        ], required: ["week", "notes", "sessions"])
        let program = B.object([
            ("start", date), ("training_days", B.array(day)), ("training_days_assumed", B.boolean()),
            ("weeks", B.array(week, minItems: 1)), ("retest", date), ("notes", B.array(B.string())),
            ("pain_rules", B.array(B.string(), "When to carry on, ease off or stop a lift")),
        ], required: ["start", "training_days", "weeks", "retest", "notes", "pain_rules"])
        return B.anyOf([program, B.null], "The plan over weeks; null when the plan is empty or a referral or unfinished screen comes first")
    }

    /// Dosage members beyond the spec's: the tops of the ranges the program builds up to.
    static var dosageRangeMembers: SchemaBuilder.Members {
        [("reps_max", B.integer("The top of the rep range to build up to", minimum: 1)),
         ("hold_s_max", B.number("The top of the hold range to build up to", minimum: 1))]
    }
}
