extension NormsTable {
    /// How a report names the table to a reader: `McGill et al. 1999`, worked out from a
    /// `source` written in the usual citation style (first author's surname and initials,
    /// further authors after commas, the year somewhere after). A source that does not start
    /// that way is named by the table's id, as before: a short name a person can look up
    /// beats a guess.
    public var citation: String {
        let surname = source.prefix { $0.isLetter || $0 == "-" || $0 == "'" || $0 == "’" }
        guard let initial = surname.first, initial.isUppercase, let year = Self.firstYear(in: source) else { return id }
        let authors = source.prefix { $0 != "." }
        return authors.contains(",") ? "\(surname) et al. \(year)" : "\(surname) \(year)"
    }

    /// The first run of exactly four digits from 1900 to 2099, or `nil`.
    private static func firstYear(in text: String) -> Int? {
        var digits = 0
        var value = 0
        for character in text + " " {
            if let digit = character.wholeNumberValue, character.isASCII {
                digits += 1
                value = value * 10 + digit
                continue
            }
            if digits == 4, (1900...2099).contains(value) { return value }
            digits = 0
            value = 0
        }
        return nil
    }
}
