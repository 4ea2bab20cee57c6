import BackCheckYAML

/// Finds numbers in an assessment's `scoring` that none of its references mention, so lint can
/// ask the author to name a source for every cut-off (a warning: the file is valid, but a
/// threshold nobody can trace is how folklore gets into a report).
///
/// The numbers checked are those in `when` expressions and the plain numbers of any other
/// scoring key (`below_percentile: 10`), whatever the evaluator. `severity` is left out: it is
/// the catalogue's own weighting, not a clinical fact. So are 0 and 1, which say "none" and
/// "any" far more often than they quote a study. The references searched are
/// `evidence.note`, `evidence.provenance` and `references`; a number counts as mentioned when
/// it appears there as a number (`23.4` matches `23.4` and `23.40`, not `123.4`), and a
/// percentage sources its fraction (`15%` sources `0.15`).
enum UnsourcedNumberCheck {
    /// Warnings for the assessments among `documents`, one per distinct number and document, at
    /// the number's first place in the scoring.
    static func warnings(_ documents: [YAMLDocument]) -> [Diagnostic] {
        documents.flatMap { warnings(in: $0.root) }
    }

    private static func warnings(in root: YAMLNode) -> [Diagnostic] {
        guard root["kind"]?.scalar?.text == "assessment", let scoring = root["scoring"] else { return [] }
        var mentioned: Set<Double> = []  // rounded by `key`, so 23.4% and 0.234 meet
        for text in referenceTexts(root) {
            for number in numbers(in: text) {
                mentioned.insert(key(number.value))
                // "a gap of more than 15%" sources the 0.15 an asymmetry rule compares with.
                if number.percent { mentioned.insert(key(number.value / 100)) }
            }
        }
        var reported: Set<Double> = []
        var found: [Diagnostic] = []
        for number in scoringNumbers(scoring)
        where number.value != 0 && number.value != 1 && !mentioned.contains(key(number.value)) && reported.insert(number.value).inserted {
            found.append(.warning(
                "the number \(number.written) in scoring is in no reference: name its source in evidence.note, evidence.provenance or references (or say it is this catalogue's own choice)",
                at: number.mark))
        }
        return found
    }

    /// `value` to nine decimal places: the fraction of a percentage need not be the closest
    /// double to the same number written as a decimal.
    private static func key(_ value: Double) -> Double { (value * 1e9).rounded() / 1e9 }

    /// The texts a number's source may be named in.
    private static func referenceTexts(_ root: YAMLNode) -> [String] {
        var texts: [String] = []
        if let evidence = root["evidence"] {
            for key in ["note", "provenance"] { if let text = evidence[key]?.scalar?.text { texts.append(text) } }
        }
        for reference in root["references"]?.sequence ?? [] { if let text = reference.scalar?.text { texts.append(text) } }
        return texts
    }

    /// A number in the scoring, with its text as written and where it stands. Its mark is
    /// worked out only for a warning: a mark inside an expression needs the file's line starts,
    /// and nearly every number is sourced.
    private struct ScoringNumber {
        let value: Double
        let written: String
        let node: YAMLNode
        /// The number's offset in the scalar's text, for a number inside an expression.
        let offset: Int?

        var mark: SourceMark? {
            guard let offset, let scalar = node.scalar else { return node.mark }
            return scalar.mark(atOffset: offset) ?? node.mark
        }
    }

    /// Every number in `node`, appended to `found`.
    private static func scoringNumbers(_ node: YAMLNode, key: String? = nil, into found: inout [ScoringNumber]) {
        switch node.content {
        case .mapping(let pairs):
            for pair in pairs {
                let name = pair.key.scalar?.text
                if name != "severity" { scoringNumbers(pair.value, key: name, into: &found) }
            }
        case .sequence(let items):
            for item in items { scoringNumbers(item, key: key, into: &found) }
        case .scalar(let scalar):
            if key == "when" {
                for number in numbers(in: scalar.text, skippingQuotes: true) {
                    found.append(ScoringNumber(value: number.value, written: number.text, node: node, offset: number.offset))
                }
            } else if scalar.style == .plain, let value = Double(scalar.text), value.isFinite {
                found.append(ScoringNumber(value: value, written: scalar.text, node: node, offset: nil))
            }
        }
    }

    /// Every number in `scoring`, in the order written.
    private static func scoringNumbers(_ scoring: YAMLNode) -> [ScoringNumber] {
        var found: [ScoringNumber] = []
        scoringNumbers(scoring, into: &found)
        return found
    }

    /// The decimal numbers written in `text` (not digits inside words such as `s2` or `L5`), with
    /// their offsets in Unicode scalars and whether a `%` follows. The text is walked as UTF-8
    /// bytes: prose is long and mostly ASCII, and a number is all ASCII.
    static func numbers(in text: String, skippingQuotes: Bool = false)
        -> [(value: Double, text: String, offset: Int, percent: Bool)]
    {
        var text = text
        return text.withUTF8 { bytes in
            // Labelled as the answer is: an unlabelled array would be converted element by
            // element, through a dynamic cast each.
            var found: [(value: Double, text: String, offset: Int, percent: Bool)] = []
            var index = 0, scalarOffset = 0
            var quote: UInt8?
            func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= 0x30 && bytes[at] <= 0x39 }
            while index < bytes.count {
                let byte = bytes[index]
                if skippingQuotes, byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                    quote = quote == nil ? byte : (quote == byte ? nil : quote)
                } else if quote == nil, isDigit(index), index == 0 || startsWord(afterByteBefore: index, in: bytes) {
                    let start = index, startOffset = scalarOffset
                    while isDigit(index) { index += 1 }
                    if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "."), isDigit(index + 1) {
                        index += 1
                        while isDigit(index) { index += 1 }
                    }
                    let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    scalarOffset += index - start
                    if let value = Double(written) {
                        found.append((value, written, startOffset, index < bytes.count && bytes[index] == UInt8(ascii: "%")))
                    }
                    continue
                }
                if byte & 0xC0 != 0x80 { scalarOffset += 1 }
                index += 1
            }
            return found
        }
    }

    /// Whether a number may start at `index`: not inside a word (`s2`, `L5`) or a number. The
    /// Unicode lookup is made only for a letter outside ASCII.
    private static func startsWord(afterByteBefore index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let previous = bytes[index - 1]
        if previous < 0x80 {
            let isLetter = (0x61...0x7A).contains(previous | 0x20)
            let isDigit = (0x30...0x39).contains(previous)
            return !(isLetter || isDigit || previous == UInt8(ascii: "_") || previous == UInt8(ascii: "."))
        }
        var lead = index - 1
        while lead > 0, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        let scalar = String(decoding: UnsafeBufferPointer(rebasing: bytes[lead..<index]), as: UTF8.self).unicodeScalars.first
        return !(scalar?.properties.isAlphabetic ?? false)
    }
}
