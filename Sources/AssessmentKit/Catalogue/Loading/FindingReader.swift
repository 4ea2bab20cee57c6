import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML

/// Reads an assessment's `findings` block (spec 3).
enum FindingReader {
    /// Reads every finding; `failed` is set when any is bad (all are reported). A finding is
    /// answered even when a key is wrong or missing (an unreadable tier stands in as `mobility`,
    /// a missing title as the id), so the scoring and the recommendations are checked against
    /// it in the same pass; the assessment is refused all the same.
    static func readAll(_ fields: MappingReader, scope: Scope, reader: NodeReader, failed: inout Bool) -> [AssessmentFinding] {
        let entries = fields.allEntries()
        // Sized once: a catalogue keeps every list it reads, and a grown one keeps its slack.
        var findings: [AssessmentFinding] = []
        findings.reserveCapacity(entries.count)
        for (id, keyNode, node) in entries {
            guard Identifier.isKebabCase(id) else {
                reader.error("finding id '\(id)' is not kebab-case; try '\(Identifier.kebabCased(id))'", at: keyNode.mark)
                failed = true
                continue
            }
            if let finding = read(node, id: id, scope: scope, reader: reader, recovered: &failed) { findings.append(finding) } else { failed = true }
        }
        if findings.isEmpty, !failed { reader.error("'findings' is empty; declare at least one finding", at: fields.node.mark) }
        if findings.isEmpty { failed = true }
        return findings
    }

    private static func read(
        _ node: YAMLNode, id: String, scope: Scope, reader: NodeReader, recovered: inout Bool
    ) -> AssessmentFinding? {
        guard let fields = reader.mapping(node, of: "finding '\(id)'") else { return nil }
        let title = fields.required("title", as: String.self)
        let explain = fields.required("explain", as: String.self)
        let tier = fields.required("tier", as: Tier.self)
        let urgencyNode = fields.node("urgency")
        let urgency = urgencyNode.flatMap { reader.read(Urgency.self, from: $0) }
        let adviceNode = fields.node("advice")
        let advice = adviceNode.flatMap { reader.read(String.self, from: $0) }
        let recommend = fields.node("recommend").map { readRecommendations($0, scope: scope, reader: reader) }
        let painfulPatternNode = fields.node("painful_pattern")
        let painfulPattern = painfulPatternNode.flatMap { reader.read(MovementPattern.self, from: $0) }
        let neuralTension = fields.optional("neural_tension", as: Bool.self)
        let noStretching = fields.optional("no_stretching", as: Bool.self)
        let noExercise = fields.optional("no_exercise", as: Bool.self)
        fields.rejectUnknownKeys()

        var valid = title != nil && explain != nil && tier != nil
        valid = valid && (painfulPatternNode == nil || painfulPattern != nil)
        valid = valid && (urgencyNode == nil || urgency != nil) && (adviceNode == nil || advice != nil) && !readFailed(recommend)
        if tier == .refer {
            if urgencyNode == nil {
                reader.error("a refer finding needs 'urgency': emergency, same-day or soon", at: node.mark)
                valid = false
            }
            if adviceNode == nil {
                reader.error("a refer finding needs 'advice': what to do and how soon, in plain words", at: node.mark)
                valid = false
            }
        } else if let tier {
            if let urgencyNode {
                reader.error("'urgency' belongs to refer findings; this finding's tier is \(tier.rawValue)", at: urgencyNode.mark)
                valid = false
            }
            // The plan says the referral kept the stretches out, so only a referral may ask it.
            for (key, value) in [("no_stretching", noStretching), ("no_exercise", noExercise)] where value == true {
                guard let flag = fields.node(key) else { continue }
                reader.error("'\(key)' belongs to refer findings; this finding's tier is \(tier.rawValue)", at: flag.mark)
                valid = false
            }
        }
        // A missing or misspelt title or explanation has been reported (`valid` is false); the
        // finding still stands for checking the scoring against it, the assessment being refused.
        if !valid { recovered = true }
        // An urgency written but misspelt has been reported; the scoring is still checked against
        // the finding (the assessment is refused either way), so it must not also be told the
        // finding has none.
        let checkedUrgency = urgency ?? (urgencyNode != nil ? Urgency.emergency : nil)
        return AssessmentFinding(
            spec: FindingSpec(id: id, title: title ?? id, tier: tier ?? .mobility, urgency: checkedUrgency), explain: explain ?? "", advice: advice,
            recommend: (recommend ?? nil) ?? [], painfulPattern: painfulPattern == MovementPattern.none ? nil : painfulPattern,
            neuralTension: neuralTension ?? false, noStretching: noStretching ?? false, noExercise: noExercise ?? false,
            mark: node.mark)
    }

    private static func readRecommendations(_ node: YAMLNode, scope: Scope, reader: NodeReader) -> [Recommendation]? {
        guard let items = node.sequence else {
            reader.error("'recommend' must be a list of {exercise: id, when: condition}, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        var result: [Recommendation] = []
        result.reserveCapacity(items.count)
        var failed = false
        for item in items {
            guard let fields = reader.mapping(item, of: "a recommendation") else { failed = true; continue }
            let exercise = fields.required("exercise", as: String.self)
            let condition = fields.node("when").map { Expression(node: $0, scope: scope, reader: reader) }
            fields.rejectUnknownKeys()
            if let condition = condition ?? nil, let kind = condition.resultKind, kind != .boolean {
                reader.error("'when' must be a condition (true or false), but '\(condition.source)' gives a \(kind.rawValue)", at: fields.node("when")?.mark)
                failed = true
                continue
            }
            guard let exercise, !readFailed(condition) else { failed = true; continue }
            result.append(Recommendation(exercise: exercise, condition: condition ?? nil, mark: item.mark))
        }
        return failed ? nil : result
    }
}
