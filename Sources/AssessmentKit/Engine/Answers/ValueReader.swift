import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML

/// Reads one answer value by its input's type.
enum ValueReader {
    static func read(_ node: YAMLNode, input: AssessmentInput, what: String, reader: NodeReader) -> Value? {
        switch input.type {
        case .number:
            return reader.read(Double.self, from: node).flatMap { checkRange($0, node: node, input: input, what: what, reader: reader) }
        case .integer:
            return reader.read(Int.self, from: node).flatMap { checkRange(Double($0), node: node, input: input, what: what, reader: reader) }
        case .duration:
            guard let scalar = node.scalar, !node.isNull, let seconds = Duration.seconds(scalar.text) else {
                reader.error("expected a duration for \(what), such as 95, 95s, 1:35 or 1m35s; found \(node.kindDescription)", at: node.mark)
                return nil
            }
            return checkRange(seconds, node: node, input: input, what: what, reader: reader)
        case .boolean:
            return reader.read(Bool.self, from: node).map(Value.bool)
        case .choice:
            guard let id = reader.read(String.self, from: node) else { return nil }
            guard input.spec.choices.contains(id) else {
                reader.error("'\(id)' is not a choice of \(what); choose one of \(input.spec.choices.joined(separator: ", "))\(Suggestion.hint(for: id, among: input.spec.choices))", at: node.mark)
                return nil
            }
            return .string(id)
        case .sequence:
            return readSequence(node, input: input, what: what, reader: reader)
        }
    }

    private static func readSequence(_ node: YAMLNode, input: AssessmentInput, what: String, reader: NodeReader) -> Value? {
        guard let items = node.sequence else {
            reader.error("expected a list for \(what), in order, from: \(input.spec.choices.joined(separator: ", ")); found \(node.kindDescription)", at: node.mark)
            return nil
        }
        var ids: [String] = []
        for item in items {
            guard let id = reader.read(String.self, from: item) else { return nil }
            guard input.spec.choices.contains(id) else {
                reader.error("'\(id)' is not a choice of \(what)\(Suggestion.hint(for: id, among: input.spec.choices))", at: item.mark)
                return nil
            }
            guard !ids.contains(id) else {
                reader.error("'\(id)' appears twice in \(what); list each once, in order", at: item.mark)
                return nil
            }
            ids.append(id)
        }
        return .sequence(ids)
    }

    private static func checkRange(_ value: Double, node: YAMLNode, input: AssessmentInput, what: String, reader: NodeReader) -> Value? {
        let unit = input.unit.map { " \($0)" } ?? ""
        if let range = input.range, !range.contains(value) {
            reader.error(
                "\(NumberText.format(value))\(unit) is out of range for \(what): it must be \(NumberText.format(range.lowerBound)) to \(NumberText.format(range.upperBound))\(unit)",
                at: node.mark)
            return nil
        }
        if input.type == .duration, value < 0 {
            reader.error("a hold cannot be negative: \(what) is \(NumberText.format(value)) s", at: node.mark)
            return nil
        }
        return .number(value)
    }
}

/// Durations as people write them: `95`, `95s`, `1:35`, `1m35s`, `2m`.
public enum Duration {
    /// The number of seconds `text` stands for, or `nil` when it is not a duration.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces
        if let plain = YAMLCoreSchema.decimal(trimmed) { return plain }
        if trimmed.hasSuffix("s"), !trimmed.contains("m"), let value = YAMLCoreSchema.decimal(String(trimmed.dropLast())) {
            return value
        }
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, let minutes = Int(parts[0]), minutes >= 0, parts[1].count == 2,
           let seconds = YAMLCoreSchema.decimal(String(parts[1])), seconds >= 0, seconds < 60 {
            return Double(minutes) * 60 + seconds
        }
        if let m = trimmed.firstIndex(of: "m"), let minutes = Int(trimmed[..<m]), minutes >= 0 {
            let rest = trimmed[trimmed.index(after: m)...]
            if rest.isEmpty { return Double(minutes) * 60 }
            if rest.hasSuffix("s"), let seconds = YAMLCoreSchema.decimal(String(rest.dropLast())), seconds >= 0, seconds < 60 {
                return Double(minutes) * 60 + seconds
            }
        }
        return nil
    }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}
