/// A generated assessment before it is written out as YAML.
struct Draft {
    struct Finding {
        var id: String
        var title: String
        var explain: String
        var tier: String
        var recommend: [(exercise: String, when: String?)] = []
        var urgency: String?
        var advice: String?
    }

    struct Example {
        var name: String
        var answers: [(input: String, value: String)]
        var profile: String?
        var findings: [(id: String, side: String?)] = []
        var notFindings: [(id: String, side: String?)] = []
        var status: String?
        var score: (min: Int, max: Int)?
        var referral: String?
    }

    var id: String
    var title: String
    var category: String
    var regions: [String]
    var minutes: Int
    var summary: String
    var equipment: [String]
    var instructions: [String]
    var inputs: [String] = []
    var derived: [(name: String, expression: String)] = []
    var evaluator: String
    var scoring: [String] = []
    var findings: [Finding] = []
    var evidenceLevel: String
    var evidenceNote: String
    var references: [String]
    var examples: [Example] = []

    /// The YAML text of the document, in the key order authors use.
    var yaml: String {
        var lines = ["format: 1", "kind: assessment", "id: \(id)", "version: 1", "title: \(title)", "category: \(category)"]
        lines.append("regions: [\(regions.joined(separator: ", "))]")
        lines.append("duration_min: \(minutes)")
        lines += ["summary: >", "  \(summary)", "equipment:"]
        lines += equipment.map { "  - \($0)" }
        lines.append("instructions: |")
        lines += instructions.enumerated().map { "  \($0.offset + 1). \($0.element)" }
        lines.append("inputs:")
        lines += inputs
        if !derived.isEmpty {
            lines.append("derived:")
            lines += derived.map { "  \($0.name): \($0.expression)" }
        }
        lines += ["evaluator: \(evaluator)", "scoring:"] + scoring
        lines.append("findings:")
        for finding in findings {
            lines += ["  \(finding.id):", "    title: \(finding.title)", "    explain: >-", "      \(finding.explain)"]
            lines.append("    tier: \(finding.tier)")
            if let urgency = finding.urgency { lines.append("    urgency: \(urgency)") }
            if let advice = finding.advice { lines += ["    advice: >-", "      \(advice)"] }
            if !finding.recommend.isEmpty {
                lines.append("    recommend:")
                for item in finding.recommend {
                    lines.append("      - exercise: \(item.exercise)")
                    if let condition = item.when { lines.append("        when: \(condition)") }
                }
            }
        }
        lines += ["evidence:", "  level: \(evidenceLevel)", "  note: >-", "    \(evidenceNote)", "references:"]
        lines += references.map { "  - \"\($0)\"" }
        lines.append("examples:")
        for example in examples { lines += Self.lines(of: example) }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func lines(of example: Example) -> [String] {
        func list(_ items: [(id: String, side: String?)]) -> String {
            "[" + items.map { item in item.side.map { "{id: \(item.id), side: \($0)}" } ?? "{id: \(item.id)}" }
                .joined(separator: ", ") + "]"
        }
        var lines = ["  - name: \(example.name)", "    answers:"]
        lines += example.answers.map { "      \($0.input): \($0.value)" }
        if let profile = example.profile { lines.append("    profile: \(profile)") }
        lines += ["    expect:", "      findings: \(list(example.findings))"]
        if !example.notFindings.isEmpty { lines.append("      not_findings: \(list(example.notFindings))") }
        if let status = example.status { lines.append("      status: \(status)") }
        if let score = example.score { lines.append("      score: {min: \(score.min), max: \(score.max)}") }
        if let referral = example.referral { lines.append("      referral: \(referral)") }
        return lines
    }
}
