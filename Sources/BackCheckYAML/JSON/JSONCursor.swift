/// A forward-only reader of JSON tokens for the plain case only: it answers `nil` at the
/// first thing ``JSONReader`` would have to explain, or that it could only read with care.
///
/// A batch's records are nearly all alike and nearly all well formed. Building a tree with a
/// mark on every node, to be able to point at a problem that is almost never there, was most
/// of reading a record; a reader that takes the common shape straight from the bytes, and
/// leaves anything else to ``JSONReader`` (which then says what is wrong, and where), is
/// several times faster. What it takes, it reads exactly as ``JSONReader`` and the typed
/// readers would: numbers, `true`, `false` and `null` come back as their text as written;
/// strings only when every byte is printable ASCII with no escape, which makes their text
/// their bytes. A byte order mark, an escape, a non-ASCII byte, a control character or a
/// malformed number all answer `nil`.
package struct JSONCursor {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0

    /// A cursor at the start of `bytes`, which must outlive it.
    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// One value's first token.
    package enum Token {
        /// A string's bytes, between the quotes: printable ASCII, no escapes.
        case string(UnsafeBufferPointer<UInt8>)
        /// A number's text as written, valid by JSON's grammar.
        case number(String)
        /// `true` or `false`.
        case bool(Bool)
        /// `null`.
        case null
        /// `{`, consumed: the members follow.
        case objectStart
        /// `[`, consumed: the items follow.
        case arrayStart
    }

    /// Whether only white space remains.
    package var atEnd: Bool {
        mutating get {
            skipSpace()
            return index == bytes.count
        }
    }

    /// Takes `byte` after any white space; `false`, taking nothing, when another byte is next.
    package mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// A member's name and the `:` after it; `nil` when the next token is not a plain string
    /// followed by `:`.
    package mutating func memberName() -> UnsafeBufferPointer<UInt8>? {
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let name = string(), take(UInt8(ascii: ":")) else {
            return nil
        }
        return name
    }

    /// The next value's first token; `nil` when it is not one this cursor takes.
    package mutating func token() -> Token? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            return .objectStart
        case UInt8(ascii: "["):
            index += 1
            return .arrayStart
        case UInt8(ascii: "\""): return string().map(Token.string)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number().map(Token.number)
        case UInt8(ascii: "t"): return word("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return word("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return word("null") ? .null : nil
        default: return nil
        }
    }

    /// Whether `name` (from ``memberName()`` or a string token) is `expected`, byte for byte.
    package static func equals(_ name: UnsafeBufferPointer<UInt8>, _ expected: StaticString) -> Bool {
        name.count == expected.utf8CodeUnitCount
            && name.elementsEqual(UnsafeBufferPointer(start: expected.utf8Start, count: expected.utf8CodeUnitCount))
    }

    /// Whether `name` is `expected`'s UTF-8, byte for byte.
    package static func equals(_ name: UnsafeBufferPointer<UInt8>, _ expected: String) -> Bool {
        var expected = expected
        return expected.withUTF8 { $0.count == name.count && $0.elementsEqual(name) }
    }

    private mutating func skipSpace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// A string at the opening quote, when it is plain: printable ASCII up to the closing quote.
    private mutating func string() -> UnsafeBufferPointer<UInt8>? {
        let start = index + 1
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "\"") {
                index = end + 1
                return UnsafeBufferPointer(rebasing: bytes[start..<end])
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            end += 1
        }
        return nil
    }

    /// A number by JSON's grammar, `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][-+]?[0-9]+)?`, that no
    /// letter, digit, point or underscore runs on from (as ``JSONReader`` requires).
    private mutating func number() -> String? {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            return nil
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return nil }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return nil }
        }
        guard !runsOn() else { return nil }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    /// Takes `expected` when it is next and nothing runs on from it.
    private mutating func word(_ expected: StaticString) -> Bool {
        let count = expected.utf8CodeUnitCount
        guard bytes.count - index >= count,
              UnsafeBufferPointer(rebasing: bytes[index..<index + count])
                .elementsEqual(UnsafeBufferPointer(start: expected.utf8Start, count: count))
        else { return false }
        index += count
        return !runsOn()
    }

    /// Whether the byte next would carry on a number or word (`12abc`, `1.5.2`, `truex`).
    private func runsOn() -> Bool {
        guard index < bytes.count else { return false }
        let byte = bytes[index]
        return (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }
}
