import AssessmentKit
import BackCheckPluginAPI
import CatalogueGenerator

/// Writes random, valid answer sets for a catalogue as JSON Lines records
/// (`{"id": ..., "profile": {...}, "answers": {...}}`), the input of `backcheck batch`: the
/// red-flag screen (almost always all "no") and a random half of the other assessments, every
/// value within its input's range, optional inputs sometimes skipped.
struct AnswerSynthesizer {
    let catalogue: Catalogue
    var random: SplitMix64

    init(catalogue: Catalogue, seed: UInt64) {
        self.catalogue = catalogue
        random = SplitMix64(seed: seed)
    }

    /// Record number `index`.
    mutating func record(_ index: Int) -> String {
        let sex = random.pick(["female", "male"])
        var profile = "{\"sex\":\"\(sex)\",\"age\":\(Int.random(in: 18...70, using: &random))"
        if random.chance(0.7) { profile += ",\"bodyweight_kg\":\(Int.random(in: 50...110, using: &random))" }
        if random.chance(0.7) { profile += ",\"training_days_per_week\":\(Int.random(in: 1...6, using: &random))" }
        profile += "}"
        var blocks: [String] = []
        for assessment in catalogue.assessments {
            let screen = assessment.evaluatorID == "red-flags"
            guard screen || random.chance(0.5) else { continue }
            let values = assessment.inputs.compactMap { input -> String? in
                if input.optional, random.chance(0.3) { return nil }
                return "\"\(input.name)\":\(value(for: input.spec, screen: screen))"
            }
            blocks.append("\"\(assessment.id)\":{\(values.joined(separator: ","))}")
        }
        if blocks.isEmpty, let first = catalogue.assessments.first {
            blocks.append("\"\(first.id)\":{\(first.inputs.map { "\"\($0.name)\":\(value(for: $0.spec, screen: false))" }.joined(separator: ","))}")
        }
        return "{\"id\":\"p\(String(index + 10_000_000).dropFirst())\",\"profile\":\(profile),\"answers\":{\(blocks.joined(separator: ","))}}"
    }

    private mutating func value(for spec: InputSpec, screen: Bool) -> String {
        guard spec.bilateral else { return single(spec, screen: screen) }
        return "{\"left\":\(single(spec, screen: screen)),\"right\":\(single(spec, screen: screen))}"
    }

    private mutating func single(_ spec: InputSpec, screen: Bool) -> String {
        let range = spec.range ?? 0...100
        switch spec.type {
        case .boolean:
            return random.chance(screen ? 0.01 : 0.3) ? "true" : "false"
        case .integer:
            return String(Int.random(in: Int(range.lowerBound.rounded(.up))...Int(range.upperBound.rounded(.down)), using: &random))
        case .duration:
            let seconds = Int.random(in: Int(range.lowerBound)...min(Int(range.upperBound), 400), using: &random)
            return random.chance(0.5) ? String(seconds) : "\"\(seconds / 60)m\(seconds % 60)s\""
        case .choice:
            return "\"\(random.pick(spec.choices))\""
        case .sequence:
            return "[" + spec.choices.shuffled(using: &random).map { "\"\($0)\"" }.joined(separator: ",") + "]"
        default:
            let tenths = Int.random(in: Int(range.lowerBound * 10)...Int(range.upperBound * 10), using: &random)
            return String(Double(tenths) / 10)
        }
    }
}
