import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML

/// Reads what a module answered, strictly: the ABI's shapes or a reason why not.
enum ModuleOutput {
    /// Why an output was refused, as it follows "the evaluator 'ID' returned ".
    struct Refusal: Error {
        var reason: String
    }

    /// `{"score", "findings": [{"finding", "side", "severity", "evidence"}], "notes"}`: the
    /// score clamped to 0-100 and each severity to 0-1; a finding the assessment does not
    /// declare, a side other than left or right, a missing `findings` list, or anything not
    /// JSON is refused.
    static func evaluation(_ bytes: [UInt8], declared: Set<String>) -> Result<Evaluation, Refusal> {
        let parsed = JSONReader.parse(bytes, file: "output")
        guard let root = parsed.node else {
            // The reader's own words (nested too deeply, not UTF-8, …) tell the author what to fix.
            let why = parsed.diagnostics.errors.first.map { " (\($0.message))" } ?? ""
            return .failure(Refusal(reason: "output that is not valid JSON\(why)"))
        }
        guard root.mapping != nil else { return .failure(Refusal(reason: "output that is not a JSON object")) }
        var score: Double?
        if let node = root["score"], !node.isNull {
            guard let value = number(node), value.isFinite else { return .failure(Refusal(reason: "a score that is not a number")) }
            score = min(100, max(0, value))
        }
        var findings: [RaisedFinding] = []
        // Always there, even empty: a module that leaves it out has most likely lost its findings.
        guard let findingsNode = root["findings"], !findingsNode.isNull else {
            return .failure(Refusal(reason: "output without a 'findings' list (write [] when nothing is found)"))
        }
        guard let items = findingsNode.sequence else { return .failure(Refusal(reason: "'findings' that is not a list")) }
        for item in items {
            guard item.mapping != nil, let id = item["finding"]?.scalar?.text else {
                return .failure(Refusal(reason: "a finding without a 'finding' id"))
            }
            guard declared.contains(id) else {
                return .failure(Refusal(reason: "the finding '\(id)', which this assessment does not declare"))
            }
            var side: Side?
            if let sideNode = item["side"], !sideNode.isNull {
                guard let text = sideNode.scalar?.text, let parsed = Side(rawValue: text) else {
                    return .failure(Refusal(reason: "a side other than \"left\" or \"right\" for '\(id)'"))
                }
                side = parsed
            }
            guard let severityNode = item["severity"], let severity = number(severityNode) else {
                return .failure(Refusal(reason: "the finding '\(id)' without a numeric severity"))
            }
            let evidence = item["evidence"]?.scalar?.text ?? ""
            findings.append(RaisedFinding(id: id, side: side, severity: severity, evidence: evidence))
        }
        var notes: [String] = []
        if let node = root["notes"], !node.isNull {
            guard let items = node.sequence, items.allSatisfy({ $0.scalar != nil }) else {
                return .failure(Refusal(reason: "'notes' that is not a list of strings"))
            }
            notes = items.compactMap { $0.scalar?.text }
        }
        return .success(Evaluation(score: score, findings: findings.keepingMostSevere(), notes: notes))
    }

    /// `{"errors": [{"path", "message"}]}` from `backcheck_check`, or `nil` when it is not that.
    static func checkErrors(_ bytes: [UInt8]) -> [(path: String, message: String)]? {
        guard let root = JSONReader.parse(bytes, file: "output").node, let items = root["errors"]?.sequence else { return nil }
        var errors: [(path: String, message: String)] = []
        for item in items {
            guard let message = item["message"]?.scalar?.text else { return nil }
            errors.append((item["path"]?.scalar?.text ?? "", message))
        }
        return errors
    }

    private static func number(_ node: YAMLNode) -> Double? {
        switch node.jsonValue {
        case .integer(let value): Double(value)
        case .number(let value): value
        default: nil
        }
    }
}
