import BackCheckPluginAPI

extension PromptAnswer {
    /// What a person typed, read the way they meant it before it is checked: a decimal comma
    /// (`9,5`), the input's unit written after the number (`63kg`, `8.5 cm`, `65 s`), and a
    /// choice in any case (`Hamstrings`) or by its label.
    package static func normalised(_ text: String, for input: AssessmentInput) -> String {
        // A minus sign (U+2212) or a dash pasted from a document reads as a hyphen-minus.
        let typed = String(text.trimmingSpaces.map { $0 == "\u{2212}" || $0 == "\u{2013}" ? "-" : $0 })
        switch input.type {
        case .number, .integer, .duration:
            var units = input.unit.map { [$0] } ?? []
            if input.type == .duration { units += ["s", "sec", "secs", "second", "seconds"] }
            if input.unit == "deg" { units += ["°", "degrees", "degree"] }
            // A prompt that says "in percent" takes "10%" as well as "10".
            if input.unit == "percent" { units += ["%", "per cent"] }
            units += labelUnits(input.label)
            // A pain score typed as a score out of ten ("4/10").
            if input.range == 0...10 { units.append("/10") }
            return plainNumber(typed, units: units) ?? typed
        case .choice:
            return choice(typed, of: input)
        case .sequence:
            return typed.split(separator: ",").map { choice(String($0).trimmingSpaces, of: input) }.joined(separator: ", ")
        case .boolean:
            return typed
        }
    }

    /// `typed` as a plain decimal number when it is one, give or take a decimal comma and one
    /// of `units` after it; `nil` otherwise (so `1m25s` and `1:35` are left as written).
    package static func plainNumber(_ typed: String, units: [String]) -> String? {
        var text = typed.lowercased()
        for unit in units.sorted(by: { $0.count > $1.count }) where text.hasSuffix(unit.lowercased()) {
            text = String(text.dropLast(unit.count)).trimmingSpaces
            break
        }
        if text.filter({ $0 == "," }).count == 1, !text.contains(".") { text = text.replacingComma() }
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard !digits.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else { return nil }
        return text
    }

    /// The unit words a person may type after a number when the label names its unit in words
    /// ("Minutes of warm-up", "Hours you spend sitting", "Weeks since…"): the format's `unit`
    /// has no minutes, hours or weeks, and "5 min" must not be refused for saying what the
    /// question asked (found by a review of the guided run).
    static func labelUnits(_ label: String) -> [String] {
        let words = Set(label.lowercased().split { !$0.isLetter }.map(String.init))
        var units: [String] = []
        // Plural words only: "sessions per week" counts sessions, not weeks.
        if words.contains("minutes") { units += ["min", "mins", "minute", "minutes"] }
        if words.contains("hours") { units += ["h", "hr", "hrs", "hour", "hours"] }
        if words.contains("weeks") { units += ["wk", "wks", "week", "weeks"] }
        return units
    }

    /// The choice `typed` names, in any case, with spaces, hyphens or underscores alike
    /// (`lower back` for `lower_back`), or by its label; `typed` itself when none.
    private static func choice(_ typed: String, of input: AssessmentInput) -> String {
        let said = spoken(typed)
        return input.spec.choices.first { spoken($0) == said || input.choiceLabels[$0].map(spoken) == said } ?? typed
    }

    /// `text` lower-cased, each run of spaces, hyphens and underscores one space.
    private static func spoken(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).joined(separator: " ")
    }
}

extension String {
    /// The string with its comma made a decimal point.
    fileprivate func replacingComma() -> String { String(map { $0 == "," ? "." : $0 }) }
}
