/// The names an expression uses that its scope does not hold, found by a plain scan when the
/// expression does not parse (so a syntax error does not hide a misspelt input).
enum UnknownNames {
    static let words = Expression.reservedWords

    /// Each unknown name with its offset (in Unicode scalars), in order, once each.
    static func find(in scalars: [Unicode.Scalar], scope: Scope) -> [(name: String, offset: Int)] {
        var found: [(String, Int)] = []
        var index = 0
        var quote: Unicode.Scalar?
        while index < scalars.count {
            let scalar = scalars[index]
            // Text in quotes (single, or the double quotes an author may have used) is not names.
            if scalar == "'" || scalar == "\"" {
                if quote == nil { quote = scalar } else if quote == scalar { quote = nil }
                index += 1
                continue
            }
            guard quote == nil, Lexer.isNameStart(scalar), index == 0 || !isNamePart(scalars[index - 1]) else { index += 1; continue }
            let start = index
            while index < scalars.count, isNamePart(scalars[index]) || scalars[index] == "." { index += 1 }
            var name = String(String.UnicodeScalarView(scalars[start..<index]))
            while name.hasSuffix(".") { name.removeLast() }
            // `profile.age` is one name; `hip_angle.left` is the input `hip_angle`.
            if !name.hasPrefix("profile."), let dot = name.firstIndex(of: ".") { name = String(name[..<dot]) }
            let isCall = scalars[index...].first { $0 != " " } == "("
            guard !words.contains(name), !isCall, scope.info(for: name) == nil,
                  !found.contains(where: { $0.0 == name }) else { continue }
            found.append((name, start))
        }
        return found
    }

    private static func isNamePart(_ scalar: Unicode.Scalar) -> Bool {
        Lexer.isNameStart(scalar) || Lexer.isDigit(scalar)
    }
}
