import BackCheckPluginAPI
import BackCheckYAML

/// Spec 3.1: a left/right gap within an input's MDC is "within measurement error", never an
/// asymmetry. `asymmetry(x)` compares the sides by percentage, so a condition on it alone can
/// raise a finding for a gap the report itself calls measurement error; the author is warned,
/// at the condition, with the guard that fixes it.
enum MeasurementErrorCheck {
    static func warnings(scoring: YAMLNode?, inputs: [AssessmentInput]) -> [Diagnostic] {
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
                // Already guarded: the gap in the input's unit is compared too.
                guard !ByteSearch.contains("abs(\(name).left-\(name).right)", in: compact),
                      !ByteSearch.contains("abs(\(name).right-\(name).left)", in: compact)
                else { continue }
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
