import BackCheckPluginAPI

/// One input compared with the norms: which measure, where the finding starts, how severe.
///
/// A class, not a struct: the report runs the evaluator hundreds of times per person to find
/// where findings start, and looping over struct measures copied every field each time.
final class NormativeMeasure: Sendable {
    /// The name a `severity` expression reads the person's percentile from.
    static let percentileName = "percentile"

    let input: InputSpec
    /// The norm for the left side (or the only one); `rightNorm` differs only for a per-side pair.
    let leftNorm: NormMeasure
    let rightNorm: NormMeasure
    let belowPercentile: Double
    let finding: String
    let lowerIsBetter: Bool
    let severity: Expression?
    /// Whether `severity` reads nothing but `percentile` (every built-in one): it is then
    /// worked out without the person's other answers, which it would otherwise copy.
    let severityReadsOnlyPercentile: Bool
    /// The z-score with `belowPercentile` per cent of a normal distribution below it (see
    /// `NormativeMeasure+CutOffGuide.swift`).
    let cutOffScore: Double

    init(
        input: InputSpec, leftNorm: NormMeasure, rightNorm: NormMeasure, belowPercentile: Double, finding: String,
        lowerIsBetter: Bool, severity: Expression?
    ) {
        self.input = input
        self.leftNorm = leftNorm
        self.rightNorm = rightNorm
        self.belowPercentile = belowPercentile
        self.finding = finding
        self.lowerIsBetter = lowerIsBetter
        self.severity = severity
        severityReadsOnlyPercentile = severity?.sortedNames.allSatisfy { $0 == Self.percentileName } ?? false
        cutOffScore = Self.standardScore(belowPercentile: belowPercentile)
    }

    /// The norm that applies on `side`.
    func norm(on side: Side?) -> NormMeasure { side == .right ? rightNorm : leftNorm }

    /// `value` on `side` against this measure's norm for `profile`; `nil` when the norm has
    /// no usable mean and SD for the profile.
    func comparison(of value: Double, on side: Side?, profile: Profile) -> NormComparison? {
        NormComparison(value: value, measure: norm(on: side), profile: profile, lowerIsBetter: lowerIsBetter)
    }

    /// Whether `comparison` falls below this measure's cut-off, which raises its finding.
    func raises(_ comparison: NormComparison) -> Bool { comparison.percentile < belowPercentile }

    /// Reads the `measures` mapping, in the order written; `nil` when any measure is bad.
    static func readAll(
        _ node: YAMLNode, table: NormsTable?, context: AssessmentContext, reader: NodeReader
    ) -> [NormativeMeasure]? {
        guard let entries = reader.mapping(node, of: "the measures")?.allEntries() else { return nil }
        guard !entries.isEmpty else {
            reader.error("'measures' is empty; name at least one input to compare with the norms", at: node.mark)
            return nil
        }
        let measures = entries.map { entry in
            read(name: entry.key, keyNode: entry.keyNode, node: entry.value, table: table, context: context, reader: reader)
        }
        let valid = measures.compactMap { $0 }
        return valid.count == measures.count ? valid : nil
    }

    /// Reads one measure, reporting every problem at its place. Without a `table` (its id
    /// did not resolve) the norm names are not checked, but everything else is.
    static func read(
        name: String, keyNode: YAMLNode, node: YAMLNode, table: NormsTable?, context: AssessmentContext, reader: NodeReader
    ) -> NormativeMeasure? {
        let input = context.readInput(keyNode, reader: reader)
        if let input, !input.isNumeric {
            reader.error(
                "input '\(name)' has type \(input.type.rawValue); "
                    + "a normative measure needs a number, integer or duration input",
                at: keyNode.mark)
        }
        guard let fields = reader.mapping(node, of: "measure '\(name)'") else { return nil }
        let norms = fields.requiredNode("norm").flatMap { readNorm($0, input: input, table: table, reader: reader) }
        let below = fields.requiredNode("below_percentile").flatMap { readCutOff($0, reader: reader) }
        let finding = fields.requiredNode("finding").flatMap {
            ScoringRule.readFinding($0, context: context, reader: reader)
        }
        let lowerIsBetter = fields.optional("lower_is_better", as: Bool.self)
        var scope = context.scope
        scope.declare(percentileName, NameInfo(kind: .number))
        let severity = fields.node("severity").map { ScoringRule.readSeverity($0, scope: scope, reader: reader) }
        let badFlag = fields.node("lower_is_better") != nil && lowerIsBetter == nil
        fields.rejectUnknownKeys()
        guard let input, input.isNumeric, let norms, let below, let finding, !badFlag, severity != .some(nil) else {
            return nil
        }
        return NormativeMeasure(
            input: input, leftNorm: norms.left, rightNorm: norms.right, belowPercentile: below, finding: finding,
            lowerIsBetter: lowerIsBetter ?? false, severity: severity ?? nil)
    }

    private static func readCutOff(_ node: YAMLNode, reader: NodeReader) -> Double? {
        guard let value = reader.read(Double.self, from: node) else { return nil }
        guard value > 0, value <= 100 else {
            reader.error("below_percentile must be above 0 and at most 100, found \(node.scalar?.text ?? "\(value)")",
                         at: node.mark)
            return nil
        }
        return value
    }

    /// Reads `norm:` — a measure name, or `{left: name, right: name}` for a bilateral input.
    /// Answers the pair of norms (the same one twice for a single name).
    private static func readNorm(
        _ node: YAMLNode, input: InputSpec?, table: NormsTable?, reader: NodeReader
    ) -> (left: NormMeasure, right: NormMeasure)? {
        if node.mapping != nil {
            guard let fields = reader.mapping(node, of: "a per-side norm") else { return nil }
            let left = fields.requiredNode("left").flatMap {
                readMeasureName($0, input: input, table: table, reader: reader)
            }
            let right = fields.requiredNode("right").flatMap {
                readMeasureName($0, input: input, table: table, reader: reader)
            }
            fields.rejectUnknownKeys()
            if let input, !input.bilateral {
                reader.error(
                    "'norm' gives a measure per side, but input '\(input.name)' is not bilateral; "
                        + "give one measure name, or add sides: [left, right] to the input",
                    at: node.mark)
                return nil
            }
            guard let left, let right else { return nil }
            return (left, right)
        }
        guard node.scalar != nil, !node.isNull else {
            reader.error(
                "expected a norms measure name or {left: name, right: name}, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        return readMeasureName(node, input: input, table: table, reader: reader).map { ($0, $0) }
    }

    private static func readMeasureName(
        _ node: YAMLNode, input: InputSpec?, table: NormsTable?, reader: NodeReader
    ) -> NormMeasure? {
        guard let name = reader.read(String.self, from: node), let table else { return nil }
        guard let measure = table.measures[name] else {
            let hint = Suggestion.hint(for: name, among: table.measures.keys.sorted())
            reader.error("norms table '\(table.id)' has no measure '\(name)'\(hint)", at: node.mark)
            return nil
        }
        if let inputUnit = input?.unit, let normUnit = measure.unit, inputUnit != normUnit {
            // Seconds against centimetres would make every percentile meaningless: an error.
            reader.error(
                "input '\(input?.name ?? "")' is in \(inputUnit) but measure '\(name)' of '\(table.id)' is in \(normUnit); "
                    + "a value is compared with norms in its own unit: measure the input in \(normUnit), or use a measure in \(inputUnit)",
                at: node.mark)
            return nil
        }
        return measure
    }
}
