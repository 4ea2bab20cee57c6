public import BackCheckYAML

extension JSONSchemas {
    /// The schema of `backcheck.comparison/1` (`report --compare`, `history compare`).
    public static var comparison: JSONValue {
        typealias B = SchemaBuilder
        let side = B.choice(["left", "right"])
        let value = B.anyOf([B.typed("number"), B.typed("boolean"), B.typed("string"), B.array(B.typed("string")), B.null])
        let findingRef = B.object([("id", B.string()), ("side", side)], required: ["id"])
        let change = B.object([
            ("input", B.string()), ("side", side), ("before", value), ("after", value),
            ("change", B.typed("number", "after − before")), ("unit", B.string()), ("mdc", B.number(minimum: 0)),
            ("verdict", B.choice(["improved", "worse", "within-measurement-error", "changed", "unchanged"],
                                 "improved or worse when the test's zones or the input's better direction say")),
        ], required: ["input", "before", "after", "verdict"])
        let assessment = B.object([
            ("id", B.string(pattern: B.kebab)), ("score_before", B.anyOf([B.integer(minimum: 0), B.null])),
            ("score_after", B.anyOf([B.integer(minimum: 0), B.null])), ("definition_changed", B.boolean()),
            ("inputs", B.array(change)), ("resolved", B.array(findingRef)), ("new", B.array(findingRef)),
            ("gone_within_measurement_error", B.array(findingRef)), ("new_within_measurement_error", B.array(findingRef)),
            ("persisting", B.array(findingRef)),
            ("not_checked", B.array(findingRef, "Findings one report has that the other could not look for, because its measurements were voided (a hold stopped by pain): neither resolved nor new")),
            ("voided_in", B.choice(["earlier", "later", "both"], "Present when a report's measurements of this test were voided; no input is compared then")),
        ], required: [
            "id", "score_before", "score_after", "definition_changed", "inputs", "resolved", "new",
            "gone_within_measurement_error", "new_within_measurement_error", "persisting",
        ])
        let root = B.object([
            ("schema", B.choice(["backcheck.comparison/1"])), ("earlier", B.string()), ("later", B.string()),
            ("earlier_check_in", B.integer("The earlier check-in's id (history compare only)", minimum: 1)),
            ("later_check_in", B.integer("The later check-in's id (history compare only)", minimum: 1)),
            ("referral", B.anyOf([referralSchema, B.null], "the later report's referral: read it before anything else; null when it has none")),
            ("earlier_referral", B.anyOf([referralSchema], "present only when the later report has no referral and the earlier one had: it still stands until the person has been checked")),
            ("screening", screeningSchema),
            ("referrals_between", B.array(B.object([("generated_at", B.string()), ("check_in", B.integer(minimum: 1)), ("referral", referralSchema)], required: ["generated_at", "referral"]),
                                          "Referrals of check-ins between the two compared (history compare --since), oldest first; empty otherwise")),
            ("referrals_before", B.array(B.object([("generated_at", B.string()), ("check_in", B.integer(minimum: 1)), ("referral", referralSchema)], required: ["generated_at", "referral"]),
                                         "Referrals of a history's check-ins before the earlier of the two compared, oldest first: each stands until the person has been checked; empty for `report --compare`")),
            ("assessments", B.array(assessment)), ("only_earlier", B.array(B.string())), ("only_later", B.array(B.string())),
            ("withheld", B.array(B.string(), "ids only one report has because the other showed no other results for an emergency (only_earlier when the later one did, only_later when the earlier one did): not progress, not missing")),
        ], required: ["schema", "earlier", "later", "referral", "assessments", "only_earlier", "only_later"])
        return B.document(
            id: "urn:backcheck:schema:comparison:1", title: "BackCheck comparison (backcheck.comparison/1)",
            description: "What changed between two reports of one person.", root: root)
    }
}
