public import BackCheckYAML
import BackCheckExpressions
import BackCheckPluginAPI

extension Report {
    /// The report as JSON in the `backcheck.report/1` shape (spec 7.1): keys in a fixed
    /// order, optional keys left out when empty, computed numbers already rounded.
    public var json: JSONValue {
        var members: ReportJSON.Members = [
            ("schema", .string(Self.schemaName)),
            ("generated_at", .string(generatedAt)),
            ("tool", .object([("name", .string(tool.name)), ("version", .string(tool.version))])),
            ("profile", ReportJSON.profile(profile)),
            ("referral", referral.map(ReportJSON.referral) ?? .null),
        ]
        if let screening { members.append(("screening", ReportJSON.screening(screening))) }
        members += [
            ("assessments", .array(assessments.map(ReportJSON.assessment))),
            ("withheld", .array(withheld.map(JSONValue.string))),
            ("run_for_referral", .array(runForReferral.map(JSONValue.string))),
            ("plan", .array(plan.map(ReportJSON.planItem))),
            ("plan_notes", .array(planNotes.map(JSONValue.string))),
            ("plan_left_out", .array(planLeftOut.map(ReportJSON.leftOut))),
            ("plan_alternatives", .array(planAlternatives.map(ReportJSON.alternative))),
            ("program", program?.json ?? .null),
            ("reassurance", reassurance.map(JSONValue.string) ?? .null),
            ("retest_due", retestDue.map(JSONValue.string) ?? .null),
            ("notes", .array(notes.map(JSONValue.string))),
        ]
        return .object(members)
    }
}

/// The JSON form of each part of a report.
package enum ReportJSON {
    typealias Members = [(key: String, value: JSONValue)]

    /// A number as every report writes it: a whole one without ".0".
    package static func number(_ value: Double) -> JSONValue {
        if value.isFinite, value.rounded() == value, abs(value) < 1e15 { return .integer(Int(value)) }
        return .number(value)
    }

    static func profile(_ profile: Profile) -> JSONValue {
        var members: Members = []
        if let name = profile.name { members.append(("name", .string(name))) }
        if let sex = profile.sex { members.append(("sex", .string(sex.rawValue))) }
        if let age = profile.age { members.append(("age", number(age))) }
        if let weight = profile.bodyweightKg { members.append(("bodyweight_kg", number(weight))) }
        if let days = profile.trainingDaysPerWeek { members.append(("training_days_per_week", number(days))) }
        if !profile.backHistory.isEmpty {
            members.append(("back_history", .array(profile.backHistory.map { .string($0.rawValue) })))
        }
        if let recent = profile.backHistoryRecent { members.append(("back_history_recent", .bool(recent))) }
        return .object(members)
    }

    static func screening(_ screening: Screening) -> JSONValue {
        .object([
            ("status", .string(screening.status.rawValue)),
            ("unanswered", .array(screening.unanswered.map { .string($0.id) })),
            ("questions", .array(screening.unanswered.map { .object([("id", .string($0.id)), ("label", .string($0.label))]) })),
        ])
    }

    static func leftOut(_ entry: PlanLeftOut) -> JSONValue {
        .object([("exercise", .string(entry.exercise)), ("name", .string(entry.name)), ("reason", .string(entry.reason.rawValue))])
    }

    static func alternative(_ entry: PlanAlternative) -> JSONValue {
        .object([("exercise", .string(entry.exercise)), ("name", .string(entry.name)), ("alternative_to", .string(entry.alternativeTo))])
    }

    static func referral(_ referral: Referral) -> JSONValue {
        .object([
            ("urgency", .string(referral.urgency.rawValue)),
            ("message", .string(referral.message)),
            ("reasons", .array(referral.reasons.map { reason in
                var members: Members = [
                    ("assessment", .string(reason.assessment)), ("finding", .string(reason.finding)),
                    ("title", .string(reason.title)),
                ]
                if let side = reason.side { members.append(("side", .string(side.rawValue))) }
                members += [("urgency", .string(reason.urgency.rawValue)), ("advice", .string(reason.advice))]
                return .object(members)
            })),
        ] + (referral.standing.map { standing in
            [("standing_from", .object([("check_in", .integer(Int(standing.checkIn))), ("generated_at", .string(standing.generatedAt))]))]
        } ?? []))
    }

    static func value(_ value: Value?) -> JSONValue {
        switch value {
        case nil: .null
        case .number(let number)?: Self.number(number)
        case .bool(let flag)?: .bool(flag)
        case .string(let text)?: .string(text)
        case .sequence(let items)?: .array(items.map(JSONValue.string))
        }
    }

    static func binding(_ binding: Binding) -> JSONValue {
        switch binding {
        case .single(let single): value(single)
        case .bilateral(let left, let right): .object([("left", value(left)), ("right", value(right))])
        }
    }

    static func assessment(_ report: AssessmentReport) -> JSONValue {
        var members: Members = [
            ("id", .string(report.id)), ("version", .integer(report.version)), ("digest", .string(report.digest)),
            ("title", .string(report.title)), ("category", .string(report.category)),
            ("evaluator", .string(report.evaluator)),
        ]
        if let sha256 = report.evaluatorSHA256 { members.append(("evaluator_sha256", .string(sha256))) }
        members += [("evidence", .string(report.evidence.rawValue))]
        if let note = report.evidenceNote { members.append(("evidence_note", .string(note))) }
        members += [
            ("answers", .object(report.answers.map { ($0.name, binding($0.value)) })),
            ("derived", .object(report.derived.map { ($0.name, binding($0.value)) })),
            ("score", report.score.map(JSONValue.integer) ?? .null),
            ("status", .string(report.status.rawValue)),
            ("findings", .array(report.findings.map(finding))),
            ("notes", .array(report.notes.map(JSONValue.string))),
            ("inputs", .array(report.inputs.map(input))),
        ]
        if let weeks = report.retestWeeks { members.append(("retest_weeks", .integer(weeks))) }
        // Written only when true, so every other report reads as before.
        if report.voided { members.append(("voided", .bool(true))) }
        return .object(members)
    }

    static func finding(_ finding: ReportFinding) -> JSONValue {
        var members: Members = [("id", .string(finding.id)), ("title", .string(finding.title)), ("tier", .string(finding.tier.rawValue))]
        if let side = finding.side { members.append(("side", .string(side.rawValue))) }
        members += [
            ("severity", number(finding.severity)), ("evidence", .string(finding.evidence)),
            ("explain", .string(finding.explain)),
        ]
        return .object(members)
    }

    static func range(_ range: ClosedRange<Double>) -> JSONValue {
        .array([number(range.lowerBound), number(range.upperBound)])
    }

    static func input(_ input: ReportInput) -> JSONValue {
        var members: Members = [("name", .string(input.name)), ("label", .string(input.label)), ("type", .string(input.type.rawValue))]
        if let unit = input.unit { members.append(("unit", .string(unit))) }
        if let range = input.range { members.append(("range", Self.range(range))) }
        if let mdc = input.mdc { members.append(("mdc", number(mdc))) }
        members.append(("bilateral", .bool(input.bilateral)))
        if let lower = input.lowerIsBetter { members.append(("lower_is_better", .bool(lower))) }
        if let gap = input.leftRight {
            members.append(("left_right", .object([
                ("difference", number(gap.difference)),
                ("lower_side", gap.lowerSide.map { .string($0.rawValue) } ?? .null),
                ("beyond_mdc", gap.beyondMDC.map(JSONValue.bool) ?? .null),
            ])))
        }
        if !input.flagged.isEmpty {
            members.append(("flagged", .array(input.flagged.map { flagged in
                var entry: Members = []
                if let side = flagged.side { entry.append(("side", .string(side.rawValue))) }
                entry += [("domain", range(flagged.domain)), ("intervals", .array(flagged.intervals.map(range)))]
                return .object(entry)
            })))
        }
        return .object(members)
    }

    static func planItem(_ item: PlanItem) -> JSONValue {
        let exercise = item.exercise
        // Spec 7.1: `sides` only for work done per side, so a two-legged squat is never labelled.
        let sides: Members = item.dosage.perSide == true || !item.sides.isEmpty
            ? [("sides", .array(item.sides.map { .string($0.rawValue) }))] : []
        return .object([
            ("rank", .integer(item.rank)),
            ("exercise", .object([
                ("id", .string(exercise.id)), ("name", .string(exercise.name)), ("type", .string(exercise.type)),
                ("targets", .array(exercise.targets.map(JSONValue.string))), ("loaded", .bool(exercise.loaded)),
                ("instructions", .string(exercise.instructions)),
                ("cues", .array(exercise.cues.map(JSONValue.string))),
                ("cautions", .array(exercise.cautions.map(JSONValue.string))),
            ] + (exercise.poses.map { [("poses", poses($0))] } ?? []))),
            ("tier", .string(item.tier.rawValue)),
            ("priority", number(item.priority)),
        ] + sides + [
            ("dosage", dosage(item.dosage)),
            ("because", .array(item.because.map(reason))),
        ])
    }

    static func poses(_ poses: ExercisePoses) -> JSONValue {
        func pose(_ pose: Pose) -> JSONValue {
            var members: Members = [("trunk", number(pose.trunk))]
            let near = [("hip", pose.hip), ("knee", pose.knee), ("shoulder", pose.shoulder), ("elbow", pose.elbow)]
            let far = [("far_hip", pose.farHip), ("far_knee", pose.farKnee), ("far_shoulder", pose.farShoulder), ("far_elbow", pose.farElbow)]
            for (key, angle) in near where angle != 0 { members.append((key, number(angle))) }
            for ((key, angle), (_, nearAngle)) in zip(far, near) where angle != nearAngle { members.append((key, number(angle))) }
            return .object(members)
        }
        return .object([("start", pose(poses.start)), ("end", pose(poses.end))])
    }

    static func dosage(_ dosage: Dosage) -> JSONValue {
        var members: Members = []
        if let sets = dosage.sets { members.append(("sets", .integer(sets))) }
        if let reps = dosage.reps { members.append(("reps", .integer(reps))) }
        if dosage.pyramid { members.append(("pyramid", .bool(true))) }
        if let hold = dosage.holdSeconds { members.append(("hold_s", number(hold))) }
        if let perSide = dosage.perSide { members.append(("per_side", .bool(perSide))) }
        if let frequency = dosage.frequency { members.append(("frequency", .string(frequency))) }
        if let minutes = dosage.durationMinutes { members.append(("duration_min", number(minutes))) }
        if let note = dosage.note { members.append(("note", .string(note))) }
        return .object(members)
    }

    static func reason(_ reason: PlanReason) -> JSONValue {
        var members: Members = [
            ("assessment", .string(reason.assessment)), ("finding", .string(reason.finding)), ("title", .string(reason.title)),
        ]
        if let side = reason.side { members.append(("side", .string(side.rawValue))) }
        members += [
            ("severity", number(reason.severity)), ("weight", number(reason.weight)),
            ("asymmetry", .bool(reason.asymmetry)), ("contribution", number(reason.contribution)),
        ]
        return .object(members)
    }
}
