/// Writes realistic, valid assessment files for the benchmarks: every evaluator, bilateral and
/// single inputs of every type, derived values, rules with expressions, recommendations with
/// conditions, and examples whose expected findings, status and score are exact, so that
/// `backcheck lint` over a generated folder is clean (run.sh checks it).
///
/// Files use the built-in exercises and norms, as a user catalogue would: load them on top of
/// the built-in layer (`backcheck lint DIR` does).
///
/// ```swift
/// let file = CatalogueGenerator.assessment(index: 7, seed: 1)
/// // file.name == "gen-00007-thresholds.yaml"
/// ```
public enum CatalogueGenerator {
    /// The evaluators in the mix, by share: out of every 20 files, 8 thresholds, 4 checklist,
    /// 4 normative, 2 firing-order and 2 red-flags.
    static let mix = Array(repeating: "thresholds", count: 8) + Array(repeating: "checklist", count: 4)
        + Array(repeating: "normative", count: 4) + ["firing-order", "firing-order", "red-flags", "red-flags"]

    /// The file name and YAML text of assessment number `index`; equal arguments give equal files.
    public static func assessment(index: Int, seed: UInt64 = 1) -> (name: String, text: String) {
        var random = SplitMix64(seed: seed &* 0x1000_0001 &+ UInt64(truncatingIfNeeded: index))
        let evaluator = mix[index % mix.count]
        let id = "gen-\(String(index + 100_000).dropFirst())-\(evaluator)"
        var draft = base(id: id, index: index, evaluator: evaluator, using: &random)
        switch evaluator {
        case "thresholds": Thresholds.fill(&draft, using: &random)
        case "checklist": Checklist.fill(&draft, using: &random)
        case "normative": Normative.fill(&draft, using: &random)
        case "firing-order": FiringOrder.fill(&draft, using: &random)
        default: RedFlags.fill(&draft, using: &random)
        }
        return ("\(id).yaml", draft.yaml)
    }

    /// What every assessment has whatever its evaluator: title, prose, equipment, steps, evidence.
    static func base(id: String, index: Int, evaluator: String, using random: inout SplitMix64) -> Draft {
        let part = random.pick(Vocabulary.bodyParts)
        let movement = random.pick(Vocabulary.movements)
        let steps = (0..<Int.random(in: 4...9, using: &random)).map { step in
            "Step \(step + 1) of the \(part) \(movement) test. " + random.pick(Vocabulary.sentences)
        }
        let summary = (0..<3).map { _ in random.pick(Vocabulary.sentences) }.joined(separator: " ")
        let references = (0..<Int.random(in: 1...4, using: &random)).map { _ in
            let author = random.pick(Vocabulary.authors)
            let year = Int.random(in: 1985...2024, using: &random)
            return "\(author) A, \(random.pick(Vocabulary.authors)) B. The \(part) \(movement) test in lifters. \(random.pick(Vocabulary.journals)). \(year);\(Int.random(in: 1...60, using: &random))(\(Int.random(in: 1...12, using: &random))):\(Int.random(in: 10...900, using: &random))."
        }
        return Draft(
            id: id, title: "\(part.initialCapital) \(movement) test \(index) (generated)",
            category: random.pick(Vocabulary.categories), regions: random.pick(2, of: Vocabulary.regions),
            minutes: Int.random(in: 2...20, using: &random), summary: summary,
            equipment: random.pick(Int.random(in: 1...4, using: &random), of: Vocabulary.equipment),
            instructions: steps, evaluator: evaluator, evidenceLevel: random.pick(Vocabulary.evidenceLevels),
            evidenceNote: (0..<2).map { _ in random.pick(Vocabulary.sentences) }.joined(separator: " "),
            references: references)
    }

    /// A finding of `tier` for the fault of `subject`, recommending one to three exercises.
    static func finding(
        id: String, subject: String, tier: String, condition: String?, using random: inout SplitMix64
    ) -> Draft.Finding {
        let exercises = random.pick(Int.random(in: 1...3, using: &random), of: Vocabulary.exercises)
        var recommend = exercises.map { (exercise: $0, when: String?.none) }
        if let condition, recommend.count > 1 { recommend[recommend.count - 1].when = condition }
        return Draft.Finding(
            id: id, title: "Limited \(subject)",
            explain: "When the \(subject) is limited the low back tends to make up the difference under load. " + random.pick(Vocabulary.sentences),
            tier: tier, recommend: recommend)
    }

    /// The status the engine gives a score.
    static func status(forScore score: Int) -> String {
        score >= 80 ? "good" : score >= 50 ? "fair" : "poor"
    }

    /// Severities whose score (100 - 100 × severity) sits clear of the status boundaries.
    static let severities = [0.15, 0.25, 0.3, 0.35, 0.4, 0.45, 0.55, 0.6, 0.65]
}
