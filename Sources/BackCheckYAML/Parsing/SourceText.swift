import Synchronization

/// The bytes of one input with the start of each of its lines, so that libyaml's marks
/// (line and column, counted in characters) can be turned into byte positions and back.
///
/// Lines break where libyaml breaks them: LF, CR, CRLF, NEL, LS and PS. The line table is
/// built on first use, under a lock, because most files never need it (only messages and
/// expressions ask where a scalar's lines are), while parsed scalars share the text across
/// threads to work out their line marks later.
final class SourceText: Sendable {
    /// The input, exactly as read.
    let bytes: [UInt8]
    /// Where the text starts: past a UTF-8 byte order mark, which libyaml does not count.
    let bodyStart: Int
    /// Whether marks can be mapped onto the bytes: libyaml reads UTF-16 input (announced by
    /// its byte order mark) too, and then its columns do not match these bytes.
    let isUTF8: Bool
    private let cachedLineStarts = Mutex<[Int]?>(nil)

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        bodyStart = hasBOM ? 3 : 0
        isUTF8 = !(bytes.count >= 2 && ((bytes[0] == 0xFE && bytes[1] == 0xFF) || (bytes[0] == 0xFF && bytes[1] == 0xFE)))
    }

    /// The byte offset of the start of every line, in order.
    var lineStarts: [Int] {
        cachedLineStarts.withLock { cache in
            if let cache { return cache }
            let starts = Self.lineStarts(of: bytes, from: bodyStart)
            cache = starts
            return starts
        }
    }

    private static func lineStarts(of bytes: [UInt8], from bodyStart: Int) -> [Int] {
        var starts = [bodyStart]
        bytes.withUnsafeBufferPointer { buffer in
            var index = bodyStart
            while index < buffer.count {
                let byte = buffer[index]
                // Only these bytes can start a break; everything else is skipped at once.
                if byte == 0x0A || byte == 0x0D || byte == 0xC2 || byte == 0xE2 {
                    let width = breakWidth(in: buffer, at: index)
                    if width > 0 {
                        index += width
                        starts.append(index)
                        continue
                    }
                }
                index += 1
            }
        }
        return starts
    }

    /// The number of bytes of the line break starting at `index`, or 0 when none starts there.
    func breakWidth(at index: Int) -> Int {
        bytes.withUnsafeBufferPointer { Self.breakWidth(in: $0, at: index) }
    }

    private static func breakWidth(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x0A { return 1 }
        if byte == 0x0D { return index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1 }
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { return 2 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
           bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
            return 3
        }
        return 0
    }

    /// The byte offset where line `line` (0-based) ends: its break, or the end of input.
    func lineEnd(_ line: Int) -> Int {
        let lineStarts = lineStarts
        var index = line < lineStarts.count ? lineStarts[line] : bytes.count
        while index < bytes.count, breakWidth(at: index) == 0 { index += 1 }
        return index
    }

    /// The number of lines.
    var lineCount: Int { lineStarts.count }

    /// The byte offset of the character at 0-based `line` and `column`, or `nil` when the
    /// position is outside the text.
    func offset(line: Int, column: Int) -> Int? {
        let lineStarts = lineStarts
        guard isUTF8, line >= 0, line < lineStarts.count, column >= 0 else { return nil }
        var index = lineStarts[line]
        var remaining = column
        while remaining > 0 {
            guard index < bytes.count else { return nil }
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            remaining -= 1
        }
        return index
    }

    /// The 0-based line and column (in characters) of byte `offset`.
    func position(ofByte offset: Int) -> (line: Int, column: Int) {
        let starts = lineStarts
        var low = 0
        var high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        var column = 0
        var index = starts[low]
        while index < min(offset, bytes.count) {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low, column)
    }
}
