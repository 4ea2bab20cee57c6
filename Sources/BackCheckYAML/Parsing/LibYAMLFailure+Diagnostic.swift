extension LibYAMLFailure {
    /// libyaml's problem as an author-facing diagnostic: its own words, its context, and
    /// the mark. Reader failures (bad encoding, control characters) come with a byte
    /// offset only, which is turned into a line and column here.
    func diagnostic(file: String, source: SourceText) -> Diagnostic {
        if let offset = readerOffset {
            // libyaml names the byte after a character left unfinished; the author has to fix
            // the character's first byte (often Latin-1 or Windows-1252 text), so point there.
            if problem == "invalid trailing UTF-8 octet", let lead = Self.leadByte(before: offset, in: source.bytes) {
                let position = source.position(ofByte: max(lead, source.bodyStart))
                let mark = RawMark(line: position.line, column: position.column).sourceMark(in: file)
                let message = "the file is not valid UTF-8: byte \(hex(Int(source.bytes[lead]))) starts a character that is not finished "
                    + "(the file may be Latin-1 or Windows-1252 text); save it with UTF-8 encoding"
                return .error(message, at: mark)
            }
            let position = source.position(ofByte: max(offset, source.bodyStart))
            let mark = RawMark(line: position.line, column: position.column).sourceMark(in: file)
            return .error(readerMessage, at: mark)
        }
        var message = problem
        if let context, let contextMark {
            let place = contextMark.line == problemMark?.line && contextMark.column == problemMark?.column
                ? "" : " that started at line \(contextMark.line + 1) column \(contextMark.column + 1)"
            message += " (\(context)\(place))"
        }
        if let hint = hint(source: source) { message += "; " + hint }
        return .error(message, at: (problemMark ?? RawMark(line: 0, column: 0)).sourceMark(in: file))
    }

    /// How to fix the two problems authors meet most, which libyaml words for its own grammar.
    private var readerMessage: String {
        let value = readerValue.map { hex($0) } ?? ""
        if problem.contains("UTF-8") || problem.contains("Unicode") {
            let shown = value.isEmpty ? "" : " (byte \(value))"
            return "the file is not valid UTF-8: \(problem)\(shown); save it with UTF-8 encoding"
        }
        if problem.contains("control characters") {
            let shown = readerValue.map { " (U+" + hex($0, prefix: "", digits: 4) + ")" } ?? ""
            return "\(problem)\(shown); remove it, or write it as an escape such as \\t inside double quotes"
        }
        if problem.contains("UTF-16") {
            return "the file is not valid UTF-16: \(problem); save it with UTF-8 encoding"
        }
        return problem
    }

    /// The first byte of the multi-byte character that the byte at `offset` should have
    /// continued: the nearest of the three before it that starts one.
    private static func leadByte(before offset: Int, in bytes: [UInt8]) -> Int? {
        for back in 1...3 where offset - back >= 0 && offset - back < bytes.count {
            let byte = bytes[offset - back]
            if byte & 0xC0 == 0xC0 { return offset - back }
            if byte & 0xC0 != 0x80 { return nil }
        }
        return nil
    }

    private func hex(_ value: Int, prefix: String = "0x", digits: Int = 2) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return prefix + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
