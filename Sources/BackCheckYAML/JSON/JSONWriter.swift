/// A ``JSONSink`` that writes JSON text as it is given, compact or one member or item per
/// line: the same text ``JSONValue/serialized(pretty:)`` gives for the same value, without
/// the tree.
public struct JSONWriter: JSONSink {
    // The bytes so far: see `JSONBytes.swift`.
    var storage: JSONBytes
    var base: UnsafeMutablePointer<UInt8>
    var count = 0
    var capacity: Int
    private let pretty: Bool
    /// Whether the innermost open array or object holds an item or member already, so the
    /// next one needs a comma.
    private var needsComma = false
    /// `needsComma` of each enclosing array or object, outermost first.
    private var enclosing: [Bool] = []
    /// Whether a member's key was written and its value is next.
    private var afterKey = false

    /// A writer of compact text (no spaces), or with `pretty`, of one member or item per
    /// line, indented by two spaces per level.
    public init(pretty: Bool = false) {
        self.pretty = pretty
        storage = JSONBytes(capacity: 1_024)
        base = storage.base
        capacity = storage.capacity
    }

    /// The text so far, as UTF-8.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// The text so far.
    public var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    /// Adds raw UTF-8 after the value (a line break between records, say).
    public mutating func append(raw text: String) {
        append(text: text)
    }

    /// What comes before a value: the comma and line break of an array's item, nothing after a key.
    private mutating func startValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard !enclosing.isEmpty else { return }
        if needsComma { append(byte: UInt8(ascii: ",")) }
        if pretty { newline(indent: enclosing.count) }
        needsComma = true
    }

    public mutating func writeNull() {
        startValue()
        append(text: "null")
    }

    public mutating func write(_ value: Bool) {
        startValue()
        append(text: value ? "true" : "false")
    }

    public mutating func write(_ value: Int) {
        startValue()
        // Digits straight into the bytes: a report holds about two hundred whole numbers, and
        // making each a String first cost more than writing it.
        reserve(21)
        if value < 0 { appendReserved(byte: UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits = 1
        var rest = magnitude
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        var place = count + digits
        repeat {
            place -= 1
            base[place] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        count += digits
    }

    public mutating func write(_ value: Double) {
        startValue()
        append(text: value.isFinite ? value.description : "null")
    }

    public mutating func write(_ value: String) {
        startValue()
        writeString(value)
    }

    public mutating func beginArray() { open(UInt8(ascii: "[")) }

    public mutating func endArray() { close(UInt8(ascii: "]")) }

    public mutating func beginObject() { open(UInt8(ascii: "{")) }

    public mutating func endObject() { close(UInt8(ascii: "}")) }

    public mutating func key(_ key: String) {
        startValue()
        writeString(key, after: 2)
        appendReserved(byte: UInt8(ascii: ":"))
        if pretty { appendReserved(byte: UInt8(ascii: " ")) }
        afterKey = true
    }

    public mutating func key(_ key: StaticString) {
        guard key.hasPointerRepresentation else { return self.key(key.description) }
        assert(!key.description.utf8.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") },
               "a key written in the program must need no escape")
        startValue()
        reserve(key.utf8CodeUnitCount + 4)
        appendReserved(byte: UInt8(ascii: "\""))
        appendReserved(bytes: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        appendReserved(byte: UInt8(ascii: "\""))
        appendReserved(byte: UInt8(ascii: ":"))
        if pretty { appendReserved(byte: UInt8(ascii: " ")) }
        afterKey = true
    }

    private mutating func open(_ bracket: UInt8) {
        startValue()
        append(byte: bracket)
        enclosing.append(needsComma)
        needsComma = false
    }

    private mutating func close(_ bracket: UInt8) {
        let holdsSome = needsComma
        needsComma = enclosing.popLast() ?? false
        if pretty, holdsSome { newline(indent: enclosing.count) }
        append(byte: bracket)
    }

    private mutating func newline(indent: Int) {
        reserve(1 + indent * 2)
        appendReserved(byte: UInt8(ascii: "\n"))
        (base + count).update(repeating: UInt8(ascii: " "), count: indent * 2)
        count += indent * 2
    }

    /// Writes `text` quoted, escaping `"`, `\` and the control characters; everything else
    /// is written as UTF-8. Makes room for `after` more bytes too (a key's colon).
    private mutating func writeString(_ text: String, after: Int = 0) {
        var text = text
        text.withUTF8 { bytes in
            // Reports are mostly plain text: one check for room for the quotes and the text,
            // and each run that needs no escape copied in one go.
            reserve(bytes.count + 2 + after)
            appendReserved(byte: UInt8(ascii: "\""))
            var run = 0
            var index = 0
            while index < bytes.count {
                // Eight bytes at a time while none of them needs an escape.
                if index + 8 <= bytes.count,
                   !Self.needsEscape(UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                // The last few bytes: the text's last word, overlapping bytes already checked,
                // or one at a time in a text shorter than a word.
                if index + 8 > bytes.count {
                    let clean = bytes.count >= 8
                        ? !Self.needsEscape(UnsafeRawPointer(bytes.baseAddress! + bytes.count - 8).loadUnaligned(as: UInt64.self))
                        : !bytes[index...].contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
                    if clean { break }
                }
                let byte = bytes[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    append(bytes: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                    appendEscape(byte)
                    run = index + 1
                }
                index += 1
            }
            if run == 0 {
                appendReserved(bytes: bytes)
                appendReserved(byte: UInt8(ascii: "\""))
            } else {
                // Escapes used the room: check again.
                append(bytes: UnsafeBufferPointer(rebasing: bytes[run...]))
                reserve(1 + after)
                appendReserved(byte: UInt8(ascii: "\""))
            }
        }
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
    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append(text: #"\""#)
        case UInt8(ascii: "\\"): append(text: #"\\"#)
        case 0x0A: append(text: #"\n"#)
        case 0x0D: append(text: #"\r"#)
        case 0x09: append(text: #"\t"#)
        case 0x08: append(text: #"\b"#)
        case 0x0C: append(text: #"\f"#)
        default:
            let digits = Array("0123456789abcdef".utf8)
            append(text: #"\u00"#)
            append(byte: digits[Int(byte >> 4)])
            append(byte: digits[Int(byte & 0x0F)])
        }
    }
}
