/// A ``JSONSink`` that writes JSON text as it is given, compact or one member or item per
/// line: the same text ``JSONValue/serialized(pretty:)`` gives for the same value, without
/// the tree.
public struct JSONWriter: JSONSink {
    /// The text so far, as UTF-8.
    public private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    /// How many items or members each open array or object holds so far, innermost last.
    private var counts: [Int] = []
    /// Whether a member's key was written and its value is next.
    private var afterKey = false

    /// A writer of compact text (no spaces), or with `pretty`, of one member or item per
    /// line, indented by two spaces per level.
    public init(pretty: Bool = false) {
        self.pretty = pretty
    }

    /// The text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Adds raw UTF-8 after the value (a line break between records, say).
    public mutating func append(raw text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// What comes before a value: the comma and line break of an array's item, nothing after a key.
    private mutating func startValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard let count = counts.last else { return }
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        if pretty { newline(indent: counts.count) }
        counts[counts.count - 1] = count + 1
    }

    public mutating func writeNull() {
        startValue()
        bytes.append(contentsOf: "null".utf8)
    }

    public mutating func write(_ value: Bool) {
        startValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func write(_ value: Int) {
        startValue()
        bytes.append(contentsOf: String(value).utf8)
    }

    public mutating func write(_ value: Double) {
        startValue()
        bytes.append(contentsOf: (value.isFinite ? value.description : "null").utf8)
    }

    public mutating func write(_ value: String) {
        startValue()
        Self.writeString(value, to: &bytes)
    }

    public mutating func beginArray() {
        startValue()
        bytes.append(UInt8(ascii: "["))
        counts.append(0)
    }

    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func beginObject() {
        startValue()
        bytes.append(UInt8(ascii: "{"))
        counts.append(0)
    }

    public mutating func endObject() { close(UInt8(ascii: "}")) }

    public mutating func key(_ key: String) {
        startValue()
        Self.writeString(key, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        afterKey = true
    }

    private mutating func close(_ bracket: UInt8) {
        let count = counts.popLast() ?? 0
        if pretty, count > 0 { newline(indent: counts.count) }
        bytes.append(bracket)
    }

    private mutating func newline(indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    /// Writes `text` quoted, escaping `"`, `\` and the control characters; everything else
    /// is written as UTF-8.
    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        // Reports are mostly plain text: copy each run that needs no escape in one go.
        text.withUTF8 { bytes in
            var run = 0
            var index = 0
            while index < bytes.count {
                // Eight bytes at a time while none of them needs an escape.
                if index + 8 <= bytes.count,
                   !Self.needsEscape(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = bytes[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                    appendEscape(byte, to: &output)
                    run = index + 1
                }
                index += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes of `word` is a control character, `"` or `\\`: the
    /// classic test for a zero byte, applied to the word itself (bytes below 0x20) and to its
    /// exclusive-or with each of the two characters. It may say yes for a byte that needs no
    /// escape (a borrow from a lower byte), never no for one that does: the bytes are then
    /// checked one at a time.
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasByteBelow(_ value: UInt64, _ limit: UInt64) -> Bool { (value &- ones &* limit) & ~value & highs != 0 }
        return hasByteBelow(word, 0x20) || hasByteBelow(word ^ (ones &* 0x22), 1) || hasByteBelow(word ^ (ones &* 0x5C), 1)
    }

    /// The escape of one byte JSON does not allow in a string as it is.
    private static func appendEscape(_ byte: UInt8, to output: inout [UInt8]) {
        switch byte {
        case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
        case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
        case 0x0A: output.append(contentsOf: #"\n"#.utf8)
        case 0x0D: output.append(contentsOf: #"\r"#.utf8)
        case 0x09: output.append(contentsOf: #"\t"#.utf8)
        case 0x08: output.append(contentsOf: #"\b"#.utf8)
        case 0x0C: output.append(contentsOf: #"\f"#.utf8)
        default:
            let digits = Array("0123456789abcdef".utf8)
            output.append(contentsOf: #"\u00"#.utf8)
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
    }
}
