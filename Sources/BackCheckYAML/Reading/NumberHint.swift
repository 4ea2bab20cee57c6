/// How to fix text written where a number belongs, for the mistakes people make by hand:
/// a decimal comma (`3,5`), a unit (`8cm`, `3 min`, `15%`), quotes around a number.
package enum NumberHint {
    /// `; use a decimal point: 3.5`, `; write only the number, measured in the unit this field
    /// asks for…`, or for a quoted number `; remove the quotes to give a number`; empty when nothing fits.
    /// `whole` for a field of whole numbers, where a decimal comma is still a fraction.
    static func hint(for text: String, quoted: Bool, whole: Bool = false) -> String {
        let trimmed = text.trimmingSpaces
        if let point = decimalComma(trimmed) {
            if whole { return "; this field takes whole numbers only (\(trimmed) reads as \(point))" }
            return "; use a decimal point: \(point)" + (quoted ? ", without the quotes" : "")
        }
        // YAML's hexadecimal and octal forms, and digit groups, are not how a measure is written.
        if !quoted, trimmed.hasPrefix("0x") || trimmed.hasPrefix("0o"), let value = YAMLCoreSchema.integer(trimmed) {
            return "; write it as a decimal number: \(value)"
        }
        if !quoted, trimmed.contains("_") {
            let digits = String(trimmed.filter { $0 != "_" })
            if YAMLCoreSchema.decimal(digits) != nil { return "; write it without '_': \(digits)" }
        }
        // The number is not echoed: 3in is not 3 of a field measured in cm.
        if numberBeforeUnit(trimmed) != nil {
            return "; write only the number, measured in the unit this field asks for (`backcheck show` names a test's units)"
        }
        // Only when what is inside the quotes is a number: "thirty" stays text without them.
        return quoted && Double(trimmed) != nil ? "; remove the quotes to give a number" : ""
    }

    /// `3.5` for `3,5` (digits, one comma, digits), else `nil`.
    private static func decimalComma(_ text: String) -> String? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2, let whole = parts.first, let fraction = parts.last else { return nil }
        return decimal(whole: whole, fraction: fraction)
    }

    /// `3.5` for a whole number (`3`, `-3`) and the digits after it (`5`) that a decimal comma
    /// split apart, wherever the split showed (a scalar `3,5`, a stray key in `{left: 3,5}`, a
    /// JSON member); `nil` when either part is not that, or for a thousands group.
    package static func decimal(whole: some StringProtocol, fraction: some StringProtocol) -> String? {
        let sign = whole.hasPrefix("-") ? "-" : ""
        let digits = whole.dropFirst(sign.count)
        guard !digits.isEmpty, !fraction.isEmpty, !isThousandsGroup(fraction),
              digits.allSatisfy(\.isASCIIDigit), fraction.allSatisfy(\.isASCIIDigit)
        else { return nil }
        return "\(sign)\(digits).\(fraction)"
    }

    /// Whether the digits after a comma could be a thousands group (`1,000`): three of them.
    /// No decimal point is guessed then, since 1.000 and 1000 are both likely.
    package static func isThousandsGroup(_ digits: some StringProtocol) -> Bool { digits.count == 3 }

    /// The number of `8cm`, `8 cm`, `3,5 min` or `15%`: a number, then letters or `%`/`°`, else `nil`.
    private static func numberBeforeUnit(_ text: String) -> String? {
        guard let end = text.firstIndex(where: { !($0.isASCIIDigit || $0 == "." || $0 == "," || $0 == "-") }), end > text.startIndex
        else { return nil }
        let number = String(text[..<end])
        let unit = text[end...].trimmingSpaces
        guard !unit.isEmpty, unit.allSatisfy({ $0.isLetter || $0 == "%" || $0 == "°" }) else { return nil }
        guard Double(number) != nil || decimalComma(number) != nil else { return nil }
        return number
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

private extension StringProtocol {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
