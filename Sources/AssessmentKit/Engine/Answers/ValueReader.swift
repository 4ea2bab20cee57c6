import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML

/// Reads one answer value by its input's type.
enum ValueReader {
    static func read(_ node: YAMLNode, input: AssessmentInput, what: AnswerPlace, reader: NodeReader) -> Value? {
        switch input.type {
        case .number:
            return typed(Double.self, node, what: what, unit: input.unit, reader: reader).flatMap { checkRange($0, node: node, input: input, what: what, reader: reader) }
        case .integer:
            return typed(Int.self, node, what: what, unit: input.unit, reader: reader).flatMap { checkRange(Double($0), node: node, input: input, what: what, reader: reader) }
        case .duration:
            guard let scalar = node.scalar, !node.isNull, let seconds = Duration.seconds(scalar.text) else {
                if let text = node.scalar?.text, Double(text)?.isInfinite == true {
                    reader.error("\(text) is out of range for \(what): it is too large to be a number of seconds", at: node.mark)
                    return nil
                }
                reader.error("expected a duration for \(what), such as 95, 95s, 1:35 or 1m35s; found \(node.kindDescription)"
                    + durationHint(node, input: input), at: node.mark)
                return nil
            }
            return checkRange(seconds, node: node, input: input, what: what, reader: reader)
        case .boolean:
            return typed(Bool.self, node, what: what, reader: reader).map(Value.bool)
        case .choice:
            guard let id = typed(String.self, node, what: what, reader: reader) else { return nil }
            guard input.spec.choices.contains(id) else {
                reader.error("'\(id)' is not a choice of \(what); choose one of \(input.spec.choices.joined(separator: ", "))\(Suggestion.hint(for: id, among: input.spec.choices))", at: node.mark)
                return nil
            }
            return .string(id)
        case .sequence:
            return readSequence(node, input: input, what: what, reader: reader)
        }
    }

    /// How to fix a duration written by hand: `; use a decimal point: 50.5` for a decimal comma
    /// (`50,5`, `1:05,5`), `; write it as 90 (seconds)` for a unit after a space (`90 s`,
    /// `60 sec`), as the guided prompt would read them; empty when nothing fits.
    private static func durationHint(_ node: YAMLNode, input: AssessmentInput) -> String {
        guard let text = node.scalar?.text else { return "" }
        if text.contains(",") {
            let parts = text.split(separator: ",", omittingEmptySubsequences: false)
            guard parts.count == 2, !NumberHint.isThousandsGroup(parts[1].prefix(while: \.isNumber)) else { return "" }
            let pointed = String(text.map { $0 == "," ? "." : $0 })
            // `2,30` may be a stopwatch's 2:30 typed with the wrong key as well as 2.3 s.
            if parts[1].count == 2, let minutes = Int(parts[0]), let seconds = Int(parts[1]), seconds < 60 {
                return "; write \(minutes):\(parts[1]) for \(minutes) min \(seconds) s, or \(pointed) for seconds with a decimal point"
            }
            if Duration.seconds(pointed) != nil { return "; use a decimal point: \(pointed)" }
        }
        // A stopwatch never shows 1:60: the seconds after the colon run to 59.
        let clock = text.split(separator: ":", omittingEmptySubsequences: false)
        if clock.count == 2, let minutes = Int(clock[0]), let seconds = Double(clock[1]), seconds >= 60, seconds < 600 {
            let total = Double(minutes) * 60 + seconds
            return "; the seconds after ':' run from 00 to 59 (\(text) would be \(NumberText.format(.number(total))) s)"
        }
        let plain = PromptAnswer.normalised(text, for: input)
        guard plain != text, Duration.seconds(plain) != nil else { return "" }
        return "; write it as \(plain) (seconds)"
    }

    /// Reads `node` as `T`; a problem names the assessment and input (`what`), and the input's
    /// `unit` when it is known (`40kg` for a field in cm is told "in cm").
    private static func typed<T: YAMLReadable>(_ type: T.Type, _ node: YAMLNode, what: AnswerPlace, unit: String? = nil, reader: NodeReader) -> T? {
        let scratch = NodeReader()
        if let value = scratch.read(T.self, from: node) { return value }
        for problem in scratch.diagnostics {
            var message = problem.message.contains(", found")
                ? problem.message.replacingFirst(", found", with: " for \(what), found")
                : "\(problem.message) (\(what))"
            if let unit {
                message = message.replacingFirst("measured in the unit this field asks for (`backcheck show` names a test's units)", with: "in \(unit), this field's unit")
            }
            reader.error(message, at: problem.mark)
        }
        return nil
    }

    private static func readSequence(_ node: YAMLNode, input: AssessmentInput, what: AnswerPlace, reader: NodeReader) -> Value? {
        guard let items = node.sequence else {
            reader.error("expected a list for \(what), in order, from: \(input.spec.choices.joined(separator: ", ")); found \(node.kindDescription)", at: node.mark)
            return nil
        }
        var ids: [String] = []
        for item in items {
            guard let id = typed(String.self, item, what: what, reader: reader) else { return nil }
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

    private static func checkRange(_ value: Double, node: YAMLNode, input: AssessmentInput, what: AnswerPlace, reader: NodeReader) -> Value? {
        let unit = input.unit.map { " \($0)" } ?? ""
        switch rangeProblem(value, input) {
        case .negativeTime?:
            reader.error("a hold cannot be negative: \(what) is \(NumberText.format(value)) s; give the time held, such as 45 or 1:35", at: node.mark)
            return nil
        case .outside(let range)?:
            reader.error(
                "\(NumberText.format(value))\(unit) is out of range for \(what): it must be \(NumberText.format(range.lowerBound)) to \(NumberText.format(range.upperBound))\(unit)",
                at: node.mark)
            return nil
        case nil:
            return .number(value)
        }
    }

    /// Why a number is not a value `input` takes.
    enum RangeProblem {
        /// A negative time: a typo, not a measurement, said before the range would be.
        case negativeTime
        /// Outside the input's declared range.
        case outside(ClosedRange<Double>)
    }

    /// Why `value` is not one `input` takes; `nil` when it is (a batch record read straight from
    /// its bytes asks this too, so both readers take the same numbers).
    static func rangeProblem(_ value: Double, _ input: AssessmentInput) -> RangeProblem? {
        if input.type == .duration, value < 0 { return .negativeTime }
        if let range = input.range, !range.contains(value) { return .outside(range) }
        return nil
    }
}

/// Durations as people write them: `95`, `95s`, `1:35`, `1:35.5`, `1m35s`, `2m`.
public enum Duration {
    /// The number of seconds `text` stands for, or `nil` when it is not a duration.
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces
        if let plain = YAMLCoreSchema.decimal(trimmed) { return plain }
        if trimmed.hasSuffix("s"), !trimmed.contains("m"), let value = YAMLCoreSchema.decimal(String(trimmed.dropLast())) {
            return value
        }
        let parts = trimmed.split(separator: ":", omittingEmptySubsequences: false)
        // `1:35`, or with a fraction `1:35.5`: two digits of seconds, as on a stopwatch.
        if parts.count == 2, let minutes = Int(parts[0]), minutes >= 0,
           parts[1].utf8.prefix(2).allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
           parts[1].utf8.count == 2 || (parts[1].utf8.count > 3 && parts[1].utf8.dropFirst(2).first == UInt8(ascii: ".")),
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

extension String {
    /// The string with the first `target` replaced by `replacement`.
    func replacingFirst(_ target: String, with replacement: String) -> String {
        let characters = Array(self), pattern = Array(target)
        guard !pattern.isEmpty, characters.count >= pattern.count else { return self }
        for start in 0...(characters.count - pattern.count) where Array(characters[start..<(start + pattern.count)]) == pattern {
            return String(characters[..<start]) + replacement + String(characters[(start + pattern.count)...])
        }
        return self
    }
}
