import BackCheckPluginAPI
import BackCheckYAML

/// Spec 3.1: a left/right gap within an input's MDC is "within measurement error", never an
/// asymmetry. `asymmetry(x)` compares the sides by percentage, so a condition on it alone can
/// raise a finding for a gap the report itself calls measurement error; the author is warned,
/// at the condition, with the guard that fixes it.
enum MeasurementErrorCheck {
    /// - Parameter derived: each derived value's name and expression text: a condition that
    ///   guards the gap through one (`hold_gap >= 8` with `hold_gap: abs(hold.left - hold.right)`)
    ///   is guarded too.
    static func warnings(scoring: YAMLNode?, inputs: [AssessmentInput], derived: [(name: String, source: String)] = []) -> [Diagnostic] {
        guard let scoring else { return [] }
        let measured = inputs.compactMap { input in input.spec.mdc.map { (input.spec, $0) } }
        guard !measured.isEmpty else { return [] }
        var warnings: [Diagnostic] = []
        for condition in conditions(in: scoring) {
            // Nearly every condition names no asymmetry: one byte search settles those.
            guard let text = condition.scalar?.text, ByteSearch.contains("asymmetry", in: text) else { continue }
            let compact = text.filter { $0 != " " }
            for (spec, mdc) in measured where ByteSearch.contains("asymmetry(\(spec.name))", in: compact) {
                let name = spec.name
                // Already guarded: the gap in the input's unit is compared too, written out or
                // through a derived value the condition names.
                func measuresGap(_ text: String) -> Bool {
                    ByteSearch.contains("abs(\(name).left-\(name).right)", in: text) || ByteSearch.contains("abs(\(name).right-\(name).left)", in: text)
                }
                let gapValues = derived.filter { measuresGap($0.source.filter { $0 != " " }) }.map(\.name)
                guard !measuresGap(compact), !gapValues.contains(where: { mentions(text, $0) }) else { continue }
                let amount = NumberText.format(mdc) + (spec.unit.map { " " + $0 } ?? "")
                warnings.append(.warning(
                    "asymmetry(\(name)) compares the sides by percentage, but '\(name)' has an mdc of \(amount): a smaller gap "
                        + "would be flagged here while the report calls it within measurement error; add "
                        + "'and abs(\(name).left - \(name).right) >= \(NumberText.format(mdc))' to the condition",
                    at: condition.mark))
            }
        }
        return warnings
    }

    /// Whether `text` names `name` as a whole word (`hold_gap`, not `hold_gap_2`).
    private static func mentions(_ text: String, _ name: String) -> Bool {
        var rest = Substring(text)
        while let range = rest.firstRange(of: name) {
            let before = range.lowerBound > text.startIndex ? text[text.index(before: range.lowerBound)] : " "
            let after = range.upperBound < text.endIndex ? text[range.upperBound] : " "
            if !(before.isLetter || before.isNumber || before == "_" || before == "."), !(after.isLetter || after.isNumber || after == "_") { return true }
            rest = text[range.upperBound...]
        }
        return false
    }

    /// Every `when:` value anywhere in the scoring block.
    private static func conditions(in node: YAMLNode) -> [YAMLNode] {
        switch node.content {
        case .scalar: return []
        case .sequence(let items): return items.flatMap(conditions(in:))
        case .mapping(let pairs):
            return pairs.flatMap { pair in
                pair.key.scalar?.text == "when" && pair.value.scalar != nil ? [pair.value] : conditions(in: pair.value)
            }
        }
    }
}
