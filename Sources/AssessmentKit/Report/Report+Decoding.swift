public import BackCheckYAML
import BackCheckExpressions
import BackCheckPluginAPI

extension Report {
    /// Reads the saved JSON report at `path`; an unreadable file is a problem too.
    public static func load(_ path: String) -> Result<Report, ReportReadError> {
        switch FileBytes.load(path, limit: YAMLLimits.default.maxFileBytes) {
        case .success(let bytes): return read(json: bytes, file: path)
        case .failure(let problem): return .failure(ReportReadError(diagnostics: DiagnosticLog([problem])))
        }
    }

    /// Reads a saved JSON report back, checking its shape; every problem is reported with
    /// `FILE:LINE:COL`. Keys the program does not know are ignored, so a report from a later
    /// `backcheck.report/1` program still reads.
    public static func read(json bytes: [UInt8], file: String) -> Result<Report, ReportReadError> {
        let (root, parseProblems) = JSONReader.parse(bytes, file: file)
        guard let root, !parseProblems.hasErrors else { return .failure(ReportReadError(diagnostics: parseProblems)) }
        let reader = NodeReader()
        guard let fields = reader.mapping(root, of: "a report") else { return .failure(ReportReadError(diagnostics: reader.diagnostics)) }
        if let schema = fields.required("schema", as: String.self), schema != schemaName {
            let newer = schema.hasPrefix("backcheck.report/")
            reader.error(
                newer ? "this report is in a newer format ('\(schema)') than this program reads ('\(schemaName)'); update \(ToolInfo.current.name) to read it"
                    : "this is a '\(schema)' file; \(ToolInfo.current.name) reads '\(schemaName)' reports",
                at: fields.node("schema")?.mark)
            return .failure(ReportReadError(diagnostics: reader.diagnostics))
        }
        let decoder = ReportDecoder(reader: reader)
        let generatedAt = fields.required("generated_at", as: String.self)
        if let generatedAt, !Timestamp.isValid(generatedAt) {
            reader.error("'generated_at' must be a UTC time such as 2026-12-01T10:00:00Z, found '\(generatedAt)'", at: fields.node("generated_at")?.mark)
        }
        let tool = fields.requiredMapping("tool", of: "the tool").flatMap { tool in
            zip(tool.required("name", as: String.self), tool.required("version", as: String.self)).map(ToolInfo.init)
        }
        let profile = fields.requiredMapping("profile", of: "the profile").map(decoder.profile)
        let referralNode = fields.requiredNode("referral")
        let referral: Referral?? = referralNode.flatMap { node -> Referral?? in
            node.isNull ? .some(nil) : decoder.referral(node).map { .some($0) }
        }
        let assessments = fields.requiredNode("assessments").flatMap { decoder.list($0, of: "assessments", decoder.assessment) }
        if let assessments, let items = fields.node("assessments")?.sequence {
            var seen: Set<String> = []
            for (assessment, node) in zip(assessments, items) where !seen.insert(assessment.id).inserted {
                reader.error("assessment '\(assessment.id)' appears twice; a report holds each assessment once", at: node.mark)
            }
        }
        let plan = fields.requiredNode("plan").flatMap { decoder.list($0, of: "plan items", decoder.planItem) }
        let planNotes = fields.optional("plan_notes", as: [String].self) ?? []
        let screening = decoder.screening(fields.node("screening"), in: root)
        let leftOut = fields.node("plan_left_out").flatMap { node in
            decoder.list(node, of: "left-out exercises") { entry -> PlanLeftOut?? in
                ReportDecoder.isLegacyAlternative(entry) ? .some(nil) : decoder.leftOut(entry).map { .some($0) }
            }
        }?.compactMap { $0 } ?? []
        let alternatives = fields.node("plan_alternatives").flatMap { decoder.list($0, of: "alternative exercises", decoder.alternative) } ?? []
        let program = decoder.program(fields.node("program"))
        let reassurance = fields.node("reassurance").flatMap { $0.isNull ? nil : reader.read(String.self, from: $0) }
        let notes = fields.optional("notes", as: [String].self) ?? []
        // Reports saved before this field said so only in a note.
        let withheld = fields.optional("withheld", as: [String].self) ?? []
        let runForReferral = fields.optional("run_for_referral", as: [String].self) ?? []
        guard !reader.hasErrors, let generatedAt, let tool, let profile, let referral, let screening, let assessments,
              let plan, let program else {
            return .failure(ReportReadError(diagnostics: reader.diagnostics))
        }
        let edited = inconsistencies(
            referral: referral, screening: screening, reassurance: reassurance, assessments: assessments,
            marks: Marks(referral: referralNode?.mark, screening: fields.node("screening")?.mark, reassurance: fields.node("reassurance")?.mark))
        guard edited.isEmpty else { return .failure(ReportReadError(diagnostics: DiagnosticLog(edited))) }
        var report = Report(
            generatedAt: generatedAt, tool: tool, profile: profile, referral: referral, screening: screening,
            assessments: assessments, plan: plan, planNotes: planNotes, planLeftOut: leftOut, program: program, reassurance: reassurance,
            notes: notes, withheld: withheld)
        report.runForReferral = runForReferral
        report.planAlternatives = alternatives
        return .success(report)
    }
}

/// A saved report that could not be read.
public struct ReportReadError: Error, Sendable, CustomStringConvertible {
    /// Every problem found.
    public var diagnostics: DiagnosticLog
    /// One problem per line.
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// `left` or `right`, read with "did you mean" like any enumeration.
private enum SideWord: String, YAMLEnumeration {
    case left, right
    var side: Side { self == .left ? .left : .right }
}

private func zip<A, B>(_ a: A?, _ b: B?) -> (A, B)? {
    guard let a, let b else { return nil }
    return (a, b)
}

/// Reads the parts of a saved report.
struct ReportDecoder {
    let reader: NodeReader

    func list<T>(_ node: YAMLNode, of what: String, _ item: (YAMLNode) -> T?) -> [T]? {
        guard let items = node.sequence else {
            reader.error("expected a list of \(what), found \(node.kindDescription)", at: node.mark)
            return nil
        }
        let read = items.map(item)
        let valid = read.compactMap { $0 }
        return valid.count == read.count ? valid : nil
    }

    /// The profile, in the ranges an answers file allows: a saved report or an imported
    /// check-in is no way round them (a review imported an age of -99999).
    func profile(_ fields: MappingReader) -> Profile {
        Profile(
            name: fields.optional("name", as: String.self),
            sex: fields.optional("sex", as: Profile.Sex.self), age: fields.optional("age", as: Double.self, in: ProfileReader.ages),
            bodyweightKg: fields.optional("bodyweight_kg", as: Double.self, in: ProfileReader.bodyweights),
            trainingDaysPerWeek: fields.optional("training_days_per_week", as: Double.self, in: ProfileReader.trainingDays),
            backHistory: fields.optional("back_history", as: [Profile.BackHistory].self) ?? [],
            backHistoryRecent: fields.optional("back_history_recent", as: Bool.self))
    }

    func side(_ fields: MappingReader) -> Side?? {
        guard let node = fields.node("side"), !node.isNull else { return .some(nil) }
        return readSide(node).map { .some($0) }
    }

    func readSide(_ node: YAMLNode) -> Side? {
        reader.read(SideWord.self, from: node).map(\.side)
    }

    func referral(_ node: YAMLNode) -> Referral? {
        guard let fields = reader.mapping(node, of: "the referral") else { return nil }
        let urgency = fields.required("urgency", as: Urgency.self)
        let message = fields.required("message", as: String.self)
        let reasons = fields.requiredNode("reasons").flatMap { list($0, of: "reasons") { node -> ReferralReason? in
            guard let reason = reader.mapping(node, of: "a referral reason"),
                  let assessment = reason.required("assessment", as: String.self),
                  let finding = reason.required("finding", as: String.self), let side = side(reason),
                  let urgency = reason.required("urgency", as: Urgency.self) else { return nil }
            return ReferralReason(
                assessment: assessment, finding: finding, title: reason.optional("title", as: String.self) ?? finding,
                side: side, urgency: urgency, advice: reason.optional("advice", as: String.self) ?? "")
        } }
        var standing: StandingReferral??  = .some(nil)
        if let node = fields.node("standing_from") {
            standing = reader.mapping(node, of: "standing_from").map { origin in
                guard let checkIn = origin.required("check_in", as: Int.self),
                      let generatedAt = origin.required("generated_at", as: String.self) else { return nil }
                return StandingReferral(checkIn: Int64(checkIn), generatedAt: generatedAt)
            } ?? nil
        }
        guard let urgency, let message, let reasons, let standing else { return nil }
        var referral = Referral(urgency: urgency, message: message, reasons: reasons)
        referral.standing = standing
        return referral
    }

    func value(_ node: YAMLNode) -> Value?? {
        if node.isNull { return .some(nil) }
        if let items = node.sequence { return list(items.isEmpty ? node : node, of: "choices") { reader.read(String.self, from: $0) }.map { .some(.sequence($0)) } }
        guard let scalar = node.scalar else {
            reader.error("expected a value, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        if scalar.style != .plain { return .some(.string(scalar.text)) }
        if scalar.text == "true" || scalar.text == "false" { return .some(.bool(scalar.text == "true")) }
        return reader.read(Double.self, from: node).map { .some(.number($0)) }
    }

    func bindings(_ node: YAMLNode, of what: String) -> [NamedBinding]? {
        guard let fields = reader.mapping(node, of: what) else { return nil }
        var result: [NamedBinding] = []
        for (name, _, valueNode) in fields.allEntries() {
            if valueNode.mapping != nil, let sides = reader.mapping(valueNode, of: "'\(name)' per side") {
                guard let left = sides.node("left").flatMap(value), let right = sides.node("right").flatMap(value) else {
                    reader.error("'\(name)' needs both 'left' and 'right'", at: valueNode.mark)
                    return nil
                }
                result.append(NamedBinding(name: name, value: .bilateral(left: left, right: right)))
            } else if let single = value(valueNode) {
                result.append(NamedBinding(name: name, value: .single(single)))
            } else {
                return nil
            }
        }
        return result
    }

    func assessment(_ node: YAMLNode) -> AssessmentReport? {
        guard let fields = reader.mapping(node, of: "an assessment") else { return nil }
        let id = fields.required("id", as: String.self)
        let version = fields.required("version", as: Int.self)
        let digest = fields.required("digest", as: String.self)
        let title = fields.required("title", as: String.self)
        let category = fields.required("category", as: String.self)
        let evaluator = fields.required("evaluator", as: String.self)
        let evidence = fields.required("evidence", as: EvidenceLevel.self)
        let answers = fields.requiredNode("answers").flatMap { bindings($0, of: "the answers") }
        let derived = fields.node("derived").map { bindings($0, of: "the derived values") } ?? []
        let score: Int?? = fields.requiredNode("score").flatMap { node in
            node.isNull ? .some(nil) : reader.read(Int.self, from: node, in: 0...100, named: "score").map { .some($0) }
        }
        let status = fields.required("status", as: Status.self)
        let findings = fields.requiredNode("findings").flatMap { list($0, of: "findings", finding) }
        let inputs = fields.node("inputs").map { list($0, of: "inputs", input) } ?? []
        guard let id, let version, let digest, let title, let category, let evaluator, let evidence, let answers,
              let derived, let score, let status, let findings, let inputs else { return nil }
        var report = AssessmentReport(
            id: id, version: version, digest: digest, title: title, category: category, evaluator: evaluator,
            evidence: evidence, evidenceNote: fields.optional("evidence_note", as: String.self), answers: answers,
            derived: derived, score: score, status: status, findings: findings,
            notes: fields.optional("notes", as: [String].self) ?? [], inputs: inputs, retestWeeks: fields.optional("retest_weeks", as: Int.self, in: 1...52))
        report.evaluatorSHA256 = fields.optional("evaluator_sha256", as: String.self)
        report.voided = fields.optional("voided", as: Bool.self) ?? false
        return report
    }

    func finding(_ node: YAMLNode) -> ReportFinding? {
        guard let fields = reader.mapping(node, of: "a finding"), let id = fields.required("id", as: String.self),
              let title = fields.required("title", as: String.self), let tier = fields.required("tier", as: Tier.self),
              let side = side(fields), let severity = fields.required("severity", as: Double.self),
              let evidence = fields.required("evidence", as: String.self) else { return nil }
        return ReportFinding(
            id: id, title: title, tier: tier, side: side, severity: severity, evidence: evidence,
            explain: fields.optional("explain", as: String.self) ?? "")
    }

    func range(_ node: YAMLNode) -> ClosedRange<Double>? {
        guard let bounds = list(node, of: "two numbers", { reader.read(Double.self, from: $0) }) else { return nil }
        guard bounds.count == 2, bounds[0] <= bounds[1] else {
            reader.error("expected [low, high], found \(bounds.count) number(s)", at: node.mark)
            return nil
        }
        return bounds[0]...bounds[1]
    }

    func input(_ node: YAMLNode) -> ReportInput? {
        guard let fields = reader.mapping(node, of: "an input"), let name = fields.required("name", as: String.self),
              let label = fields.required("label", as: String.self),
              let type = fields.required("type", as: InputSpec.InputType.self) else { return nil }
        let range: ClosedRange<Double>?? = fields.node("range").map { self.range($0) }
        let leftRight = fields.optionalMapping("left_right", of: "a left/right difference").map { gap -> LeftRightDifference? in
            guard let difference = gap.required("difference", as: Double.self) else { return nil }
            let lower = gap.node("lower_side").flatMap { $0.isNull ? nil : readSide($0) }
            let beyond = gap.node("beyond_mdc").flatMap { $0.isNull ? nil : reader.read(Bool.self, from: $0) }
            return LeftRightDifference(difference: difference, lowerSide: lower, beyondMDC: beyond)
        }
        let flagged = fields.node("flagged").map { list($0, of: "flagged values") { node -> FlaggedValues? in
            guard let entry = reader.mapping(node, of: "flagged values"), let side = side(entry),
                  let domain = entry.requiredNode("domain").flatMap({ self.range($0) }),
                  let intervals = entry.requiredNode("intervals").flatMap({ list($0, of: "intervals") { self.range($0) } }) else { return nil }
            return FlaggedValues(side: side, domain: domain, intervals: intervals)
        } } ?? []
        guard range != .some(nil), leftRight != .some(nil), let flagged else { return nil }
        return ReportInput(
            name: name, label: label, type: type, unit: fields.optional("unit", as: String.self), range: range ?? nil,
            mdc: fields.optional("mdc", as: Double.self), bilateral: fields.optional("bilateral", as: Bool.self) ?? false,
            leftRight: leftRight ?? nil, flagged: flagged, lowerIsBetter: fields.optional("lower_is_better", as: Bool.self))
    }
}
