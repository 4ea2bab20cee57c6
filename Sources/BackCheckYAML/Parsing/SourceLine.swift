/// The shape of one source line, as far as working out where scalar text lines start needs.
struct SourceLine {
    /// The 0-based line number.
    var line: Int
    /// The number of characters before the break (or before the scalar's end mark).
    var length: Int
    /// The number of leading spaces.
    var leadingSpaces: Int
    /// The 0-based column of the first character that is neither a space nor a tab.
    var firstTextColumn: Int
    /// Whether the line holds only spaces and tabs.
    var isBlank: Bool
}

extension SourceText {
    /// Describes 0-based `line`, reading no further than `limit` columns when given.
    func describeLine(_ line: Int, upToColumn limit: Int? = nil) -> SourceLine? {
        let lineStarts = lineStarts
        guard isUTF8, line >= 0, line < lineStarts.count else { return nil }
        let end = lineEnd(line)
        var index = lineStarts[line]
        var column = 0
        var leadingSpaces = 0
        var firstText: Int?
        while index < end {
            if let limit, column >= limit { break }
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 {
                if firstText == nil {
                    if byte == 0x20 {
                        if column == leadingSpaces { leadingSpaces += 1 }
                    } else if byte != 0x09 {
                        firstText = column
                    }
                }
                column += 1
            }
            index += 1
        }
        return SourceLine(
            line: line, length: column, leadingSpaces: leadingSpaces, firstTextColumn: firstText ?? column,
            isBlank: firstText == nil)
    }

    /// Where a node's value starts when its event starts at `start` with an anchor or tag
    /// in front: past `&anchor`, `!tag`, and the spaces, comments and breaks after them.
    /// Anchors end where libyaml ends them: at the first character that is not an ASCII
    /// letter, digit, `-` or `_`.
    func skipProperties(from start: RawMark, before end: RawMark) -> RawMark {
        enum State { case between, anchor, tag, comment }
        guard var index = offset(line: start.line, column: start.column) else { return start }
        var mark = start
        var state = State.between
        while index < bytes.count, (mark.line, mark.column) < (end.line, end.column) {
            let width = breakWidth(at: index)
            if width > 0 {
                index += width
                mark = RawMark(line: mark.line + 1, column: 0)
                state = .between
                continue
            }
            let byte = bytes[index]
            let isSpace = byte == 0x20 || byte == 0x09
            switch state {
            case .anchor where !Self.isAnchorByte(byte), .tag where isSpace:
                state = .between
                continue
            case .anchor, .tag, .comment:
                break
            case .between:
                if byte == UInt8(ascii: "&") {
                    state = .anchor
                } else if byte == UInt8(ascii: "!") {
                    state = .tag
                } else if byte == UInt8(ascii: "#") {
                    state = .comment
                } else if !isSpace {
                    return mark
                }
            }
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            mark.column += 1
        }
        return mark
    }

    private static func isAnchorByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }
}
