public import BackCheckExpressions
public import BackCheckYAML

/// A finding's evidence sentence with `{expression}` placeholders, filled in per side.
///
/// `{side}` is the side word (`left`, `right`, or nothing); any other placeholder is an
/// expression, so `"{side} thigh {hip_angle} deg above horizontal"` reads
/// `left thigh 8 deg above horizontal`. `{{` and `}}` stand for literal braces.
public struct EvidenceTemplate: Sendable, Hashable {
    enum Part: Sendable, Hashable {
        case text(String)
        case side
        case expression(Expression)
    }

    let parts: [Part]

    /// Reads and compiles a template from a scalar node, reporting problems to `reader` at
    /// the exact character of the file.
    public init?(node: YAMLNode, scope: Scope, reader: NodeReader) {
        guard let scalar = node.scalar, !node.isNull else {
            reader.error("expected an evidence sentence (text), found \(node.kindDescription)", at: node.mark)
            return nil
        }
        var parts: [Part] = []
        var text = ""
        var failed = false
        let characters = Array(scalar.text.unicodeScalars)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let next: Unicode.Scalar? = index + 1 < characters.count ? characters[index + 1] : nil
            if (character == "{" && next == "{") || (character == "}" && next == "}") {
                text.unicodeScalars.append(character)
                index += 2
                continue
            }
            if character == "}" {
                reader.error("unmatched '}' in evidence; write '}}' for a literal brace", at: scalar.mark(atOffset: index) ?? node.mark)
                failed = true
                index += 1
                continue
            }
            guard character == "{" else {
                text.unicodeScalars.append(character)
                index += 1
                continue
            }
            guard let close = characters[index...].firstIndex(of: "}") else {
                reader.error("unclosed '{' in evidence; close the placeholder with '}'", at: scalar.mark(atOffset: index) ?? node.mark)
                failed = true
                break
            }
            if !text.isEmpty { parts.append(.text(text)); text = "" }
            var source = String.UnicodeScalarView()
            source.append(contentsOf: characters[(index + 1)..<close])
            let body = String(source)
            if body.trimmingSpaces == "side" {
                parts.append(.side)
            } else {
                let start = index + 1
                let (expression, problems) = Expression.compile(body, scope: scope) { scalar.mark(atOffset: start + $0) }
                reader.report(contentsOf: problems)
                if let expression { parts.append(.expression(expression)) } else { failed = true }
            }
            index = close + 1
        }
        if !text.isEmpty { parts.append(.text(text)) }
        if failed { return nil }
        self.parts = parts
    }

    /// The sentence for `side`; a placeholder that cannot be evaluated prints as `?`.
    public func render(_ bindings: Bindings, side: Side?) -> String {
        var sentence = ""
        for part in parts {
            switch part {
            case .text(let text): sentence += text
            case .side: sentence += side?.rawValue ?? ""
            case .expression(let expression):
                if case .value(let value) = expression.evaluate(bindings, side: side) {
                    sentence += NumberText.format(value)
                } else {
                    sentence += "?"
                }
            }
        }
        return sentence.trimmingSpaces
    }
}

extension String {
    /// The string without leading and trailing spaces.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " }),
              let last = scalars.lastIndex(where: { $0 != " " }) else { return "" }
        return String(scalars[first...last])
    }
}
