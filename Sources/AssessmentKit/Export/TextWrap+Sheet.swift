extension TextWrap {
    /// A laid-out text (the sheets of `show`, the keys of `plugins`) wrapped line by line to
    /// `width` columns, each long line continuing under where its own text starts: under the
    /// text after a list marker (`1. `, `- `), under an aligned column (text after a run of two
    /// or more spaces, as in a table of keys), or two columns in from an indented line; a
    /// paragraph at the margin continues at the margin. Short lines are kept as they are.
    package static func sheet(_ text: String, width: Int) -> String {
        var wrapped: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard columns(line) > width else {
                wrapped.append(String(line))
                continue
            }
            let hang = hangingIndent(of: line, width: width)
            let lead = String(line.prefix(hang))
            wrapped += indented(String(line.dropFirst(hang)), width: width, first: lead, rest: String(repeating: " ", count: hang))
        }
        return wrapped.joined(separator: "\n")
    }

    /// Where the continuation lines of `line` start, in characters (the lead is ASCII).
    private static func hangingIndent(of line: Substring, width: Int) -> Int {
        let indent = line.prefix { $0 == " " }.count
        let body = line.dropFirst(indent)
        let digits = body.prefix { $0.isASCII && $0.isNumber }.count
        if digits > 0, body.dropFirst(digits).hasPrefix(". ") { return indent + digits + 2 }
        if body.hasPrefix("- ") || body.hasPrefix("* ") { return indent + 2 }
        // An aligned column: the text after the first run of two or more spaces, when it
        // leaves room for the text (a key column wider than half the line does not).
        if let gap = body.firstRange(of: "  ") {
            let column = indent + body.distance(from: body.startIndex, to: gap.lowerBound)
                + body[gap.lowerBound...].prefix { $0 == " " }.count
            if column < width / 2 { return column }
        }
        return indent == 0 ? 0 : indent + 2
    }
}
