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
        // Over UTF-8 bytes: the braces are ASCII, and no byte of a longer character is one.
        // Marks count characters (Unicode scalars), worked out only where one is needed.
        let bytes = Array(scalar.text.utf8)
        func characterOffset(ofByte end: Int) -> Int { bytes[..<end].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } }
        let (open, close) = (UInt8(ascii: "{"), UInt8(ascii: "}"))
        var parts: [Part] = []
        var text: [UInt8] = []
        var failed = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let next: UInt8? = index + 1 < bytes.count ? bytes[index + 1] : nil
            if (byte == open && next == open) || (byte == close && next == close) {
                text.append(byte)
                index += 2
                continue
            }
            if byte == close {
                reader.error(
                    "unmatched '}' in evidence; write '}}' for a literal brace",
                    at: scalar.mark(atOffset: characterOffset(ofByte: index)) ?? node.mark)
                failed = true
                index += 1
                continue
            }
            guard byte == open else {
                text.append(byte)
                index += 1
                continue
            }
            guard let closing = bytes[index...].firstIndex(of: close) else {
                reader.error(
                    "unclosed '{' in evidence; close the placeholder with '}'",
                    at: scalar.mark(atOffset: characterOffset(ofByte: index)) ?? node.mark)
                failed = true
                break
            }
            if !text.isEmpty {
                parts.append(.text(String(decoding: text, as: UTF8.self)))
                text = []
            }
            let body = String(decoding: bytes[(index + 1)..<closing], as: UTF8.self)
            if body.trimmingSpaces == "side" {
                parts.append(.side)
            } else {
                let start = characterOffset(ofByte: index + 1)
                let (expression, problems) = Expression.compile(body, scope: scope) { scalar.mark(atOffset: start + $0) }
                reader.report(contentsOf: problems)
                if let expression { parts.append(.expression(expression)) } else { failed = true }
            }
            index = closing + 1
        }
        if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))) }
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
