extension JSONScanner {
    /// Skips JSON white space (space, tab, line breaks), counting lines.
    mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09: index += 1
            case 0x0A: newLine(after: index + 1)
            case 0x0D: newLine(after: index + 1 < bytes.count && bytes[index + 1] == 0x0A ? index + 2 : index + 1)
            default: return
            }
        }
    }

    private mutating func newLine(after next: Int) {
        index = next
        line += 1
        lineStart = next
        columnCache = (next, 0)
    }

    /// Consumes `byte` if it comes next (after white space, unless told otherwise).
    mutating func take(_ byte: UInt8, skippingSpace: Bool = true) -> Bool {
        if skippingSpace { skipSpace() }
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// The mark of the byte at `position`, which must be on the current line.
    mutating func mark(at position: Int) -> SourceMark {
        if columnCache.offset > position || columnCache.offset < lineStart { columnCache = (lineStart, 0) }
        var column = columnCache.column
        var offset = columnCache.offset
        while offset < position, offset < bytes.count {
            if bytes[offset] & 0xC0 != 0x80 { column += 1 }
            offset += 1
        }
        columnCache = (offset, column)
        return SourceMark(file: file, line: line, column: column + 1)
    }

    /// The mark of the next byte.
    mutating func markHere() -> SourceMark { mark(at: index) }

    /// What comes next, for messages: `'x'`, `the character U+00A0`, `the end of the input`.
    /// "unexpected ']'", "unexpected byte 0xFF (not UTF-8)": ``found`` after "unexpected".
    var unexpected: String {
        let what = found
        return "unexpected " + (what.hasPrefix("the ") ? String(what.dropFirst(4)) : what)
    }

    var found: String {
        guard index < bytes.count else { return "the end of the input" }
        let byte = bytes[index]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        let end = min(bytes.count, index + 4)
        if let scalar = String(validating: bytes[index..<end], as: UTF8.self)?.unicodeScalars.first
            ?? (1..<4).lazy.compactMap({ String(validating: self.bytes[self.index..<min(self.bytes.count, self.index + $0)], as: UTF8.self)?.unicodeScalars.first }).first {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "the character U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
        return "the byte 0x" + String(byte, radix: 16, uppercase: true) + " (not UTF-8)"
    }

    /// Logs a syntax error at `mark` (default: the next byte), stops reading, answers `nil`.
    @discardableResult
    mutating func fail(_ message: String, at mark: SourceMark? = nil) -> YAMLNode? {
        let place = mark ?? markHere()
        diagnostics.error(message, at: place)
        failed = true
        return nil
    }

    /// Reads a string whose opening quote is next: checks it is closed, holds no raw control
    /// characters and is valid UTF-8, then decodes its escapes.
    mutating func string() -> String? {
        let opening = markHere()
        index += 1
        let start = index
        var hasEscapes = false
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] < 0x20 {
                return failText("a raw control character is not allowed in a string; write it as an escape such as \\n")
            }
            if bytes[index] == UInt8(ascii: "\\") {
                hasEscapes = true
                index += 1
                if index < bytes.count, bytes[index] < 0x20 { continue }
            }
            index += 1
        }
        guard index < bytes.count else {
            return failText("the string starting here has no closing '\"'", at: opening)
        }
        let end = index
        if let bad = UTF8Check.firstInvalid(in: bytes, from: start, to: end) {
            index = bad
            return failText("the string is not valid UTF-8 (byte 0x\(String(bytes[bad], radix: 16, uppercase: true)))")
        }
        index = end + 1
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard hasEscapes else { return String(decoding: raw, as: UTF8.self) }
        return unescape(from: start, to: end)
    }

    private mutating func failText(_ message: String, at mark: SourceMark? = nil) -> String? {
        fail(message, at: mark)
        return nil
    }

    private mutating func unescape(from start: Int, to end: Int) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(end - start)
        var position = start
        while position < end {
            let byte = bytes[position]
            guard byte == UInt8(ascii: "\\") else {
                output.append(byte)
                position += 1
                continue
            }
            let escapeMark = mark(at: position)
            guard position + 1 < end else { return failText("unfinished escape at the end of the string", at: escapeMark) }
            position += 2
            switch bytes[position - 1] {
            case UInt8(ascii: "\""): output.append(0x22)
            case UInt8(ascii: "\\"): output.append(0x5C)
            case UInt8(ascii: "/"): output.append(0x2F)
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                guard var value = hex4(at: position, end: end) else {
                    return failText("\\u must be followed by four hex digits", at: escapeMark)
                }
                position += 4
                if (0xD800...0xDBFF).contains(value) {
                    guard position + 1 < end, bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u"),
                          let low = hex4(at: position + 2, end: end), (0xDC00...0xDFFF).contains(low) else {
                        return failText("\\u\(String(value, radix: 16)) starts a surrogate pair that is not completed", at: escapeMark)
                    }
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                    position += 6
                } else if (0xDC00...0xDFFF).contains(value) {
                    return failText("\\u\(String(value, radix: 16)) is a lone low surrogate", at: escapeMark)
                }
                guard let scalar = Unicode.Scalar(value) else { return failText("invalid \\u escape", at: escapeMark) }
                output.append(contentsOf: String(Character(scalar)).utf8)
            default:
                return failText("unknown escape '\\\(Character(Unicode.Scalar(bytes[position - 1])))' in a string", at: escapeMark)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private func hex4(at position: Int, end: Int) -> UInt32? {
        guard position + 4 <= end else { return nil }
        var value: UInt32 = 0
        for offset in 0..<4 {
            let byte = bytes[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
