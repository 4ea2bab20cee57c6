/// How to fix the mistakes authors make most, added to libyaml's own words (which say what
/// the parser expected, not what the author should write).
extension LibYAMLFailure {
    func hint(source: SourceText) -> String? {
        let line = problemMark?.line
        let character = problemMark.flatMap { Self.character(at: $0, in: source) }
        switch problem {
        case "found character that cannot start any token":
            if let line, line < source.lineCount, source.bytes[source.lineStarts[line]..<source.lineEnd(line)].contains(0x09) {
                return "a tab cannot indent YAML or start a value; use spaces"
            }
            if character == UInt8(ascii: "@") || character == UInt8(ascii: "`") {
                return "'@' and '`' cannot start a value; put the value in quotes"
            }
            return nil
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            return "a tab cannot indent YAML; indent with spaces (set your editor to insert spaces for tabs)"
        case "mapping values are not allowed in this context":
            return "a colon and a space inside a value start a mapping; put the value in quotes, or check this line's indentation"
        case "could not find expected ':'":
            return "a key needs a colon and a space after it (key: value); a value on several lines needs quotes, or | or > after the key"
        case "found unexpected end of stream" where context?.contains("quoted scalar") == true:
            return "a quote was opened and never closed; add the closing quote"
        case "did not find expected key":
            guard let mark = problemMark, mark.column > Self.indentation(ofLine: mark.line, in: source) else {
                return "this line is indented differently from the keys around it; line it up with them"
            }
            // Something follows a complete value on its line, such as `*text` or `[a]]`.
            return "the value before column \(mark.column + 1) is complete; remove what follows it, or put the whole value in quotes"
        case "did not find expected '-' indicator":
            return "each item of this list starts with '- ' at the same indentation; start this line with '- ', or indent it under an item"
        case "block sequence entries are not allowed in this context":
            return "a list cannot start on its key's line; put each '- ' item on a line of its own, indented under the key"
        case "did not find expected ',' or ']'":
            return "separate the list's items with commas and close it with ']'; a value with a comma or bracket needs quotes"
        case "did not find expected ',' or '}'":
            return "separate the mapping's entries with commas and close it with '}'; a value with a comma or brace needs quotes"
        case "found unknown escape character":
            return "inside double quotes a backslash starts an escape such as \\n; write \\\\ for a backslash, or use single quotes"
        case "did not find expected alphabetic or numeric character" where context?.contains("anchor") == true:
            return "'&' starts an anchor name; to write text that starts with '&', put it in quotes"
        case "did not find expected alphabetic or numeric character" where context?.contains("alias") == true:
            return "'*' starts an alias; to write text that starts with '*', put it in quotes"
        default:
            return nil
        }
    }

    /// The first byte of the character at `mark` (libyaml counts columns in characters).
    private static func character(at mark: RawMark, in source: SourceText) -> UInt8? {
        guard mark.line < source.lineCount else { return nil }
        var index = source.lineStarts[mark.line]
        let end = source.lineEnd(mark.line)
        for _ in 0..<mark.column {
            guard index < end else { return nil }
            index += 1
            while index < end, source.bytes[index] & 0xC0 == 0x80 { index += 1 }
        }
        return index < end ? source.bytes[index] : nil
    }

    /// The number of spaces before a line's first character.
    private static func indentation(ofLine line: Int, in source: SourceText) -> Int {
        guard line < source.lineCount else { return 0 }
        let start = source.lineStarts[line]
        let end = source.lineEnd(line)
        return source.bytes[start..<end].prefix { $0 == UInt8(ascii: " ") }.count
    }
}
