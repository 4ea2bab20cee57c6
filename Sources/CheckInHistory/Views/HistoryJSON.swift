internal import BackCheckYAML

/// The JSON of the history's lists, for apps: keys in a fixed order.
public enum HistoryJSON {
    /// `{"schema": "backcheck.people/1", "people": [...]}`. After an emergency a report shows no
    /// results but the referral's, so its findings count is `null` (withheld), not a low number
    /// that reads as progress.
    public static func people(_ people: [PersonSummary]) -> String {
        JSONValue.object([
            ("schema", .string("backcheck.people/1")),
            ("people", .array(people.map { person in
                .object([
                    ("person", .string(person.person)), ("latest_referral", person.latestReferral.map(JSONValue.string) ?? .null),
                    ("earlier_referral", person.earlierReferral.map { earlier in
                        .object([("check_in", .integer(Int(earlier.checkIn))), ("urgency", .string(earlier.urgency)), ("generated_at", .string(earlier.generatedAt))])
                    } ?? .null),
                    ("latest_screening", person.latestScreening.map(JSONValue.string) ?? .null),
                    ("check_ins", .integer(person.checkIns)),
                    ("first", .string(person.first)), ("latest", .string(person.latest)),
                    // An emergency withheld its check-in's other results: no count, first or latest.
                    ("first_findings", person.firstReferral == "emergency" ? .null : .integer(person.firstFindings)),
                    ("latest_findings", person.latestReferral == "emergency" ? .null : .integer(person.latestFindings)),
                    // The counts above compare like with like only when both ran the same tests.
                    ("first_tests", .array(person.firstTests.map(JSONValue.string))),
                    ("latest_tests", .array(person.latestTests.map(JSONValue.string))),
                    ("common_tests", .array(person.commonTests.map(JSONValue.string))),
                    ("first_common_findings", person.firstReferral == "emergency" ? .null : .integer(person.firstCommonFindings)),
                    ("latest_common_findings", person.latestReferral == "emergency" ? .null : .integer(person.latestCommonFindings)),
                    // Under a referral the next step is the clinician, not a retest (as in a report);
                    // with the screen unfinished, the screen.
                    ("retest_due", !person.referralStands && !person.latestScreenUnfinished ? .string(person.retestDue) : .null),
                    // Whether a referral still stands (latest or earlier), and when the person was
                    // last recorded as checked (`history checked`), after which earlier ones do not.
                    ("referral_stands", .bool(person.referralStands)),
                    ("checked_at", person.checkedAt.map(JSONValue.string) ?? .null),
                ])
            })),
        ]).serialized(pretty: true)
    }

    /// `{"schema": "backcheck.check-ins/1", "check_ins": [...]}` without the reports; `findings`
    /// is `null` for an emergency check-in, as in ``people(_:)``.
    public static func checkIns(_ checkIns: [CheckIn]) -> String {
        JSONValue.object([
            ("schema", .string("backcheck.check-ins/1")),
            ("check_ins", .array(checkIns.map { checkIn in
                .object([
                    ("id", .integer(Int(checkIn.id))), ("person", .string(checkIn.person)),
                    ("generated_at", .string(checkIn.generatedAt)),
                    ("screening", checkIn.screening.map(JSONValue.string) ?? .null),
                    ("referral", checkIn.referral.map(JSONValue.string) ?? .null),
                    ("findings", checkIn.referral == "emergency" ? .null : .integer(checkIn.findings)),
                    ("tests", .array(checkIn.tests.map(JSONValue.string))),
                ])
            })),
        ]).serialized(pretty: true)
    }
}
