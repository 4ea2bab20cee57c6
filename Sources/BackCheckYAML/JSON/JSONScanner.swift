/// The recursive-descent reader behind ``JSONReader``: one pass over UTF-8 bytes, keeping
/// the line and column of every node.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let file: String
    private let maxDepth: Int
    var index = 0
    var line: Int
    var lineStart = 0
    /// The last column worked out on the current line, so columns cost O(1) amortised.
    var columnCache = (offset: 0, column: 0)
    private var depth = 0
    /// Values read in the current top-level value, against ``YAMLLimits/maxNodes``.
    var nodeCount = 0
    private let maxNodes = YAMLLimits.default.maxNodes
    var diagnostics = DiagnosticLog()
    /// Whether a syntax error stopped reading.
    var failed = false

    init(_ bytes: UnsafeBufferPointer<UInt8>, file: String, line: Int, maxDepth: Int) {
        self.bytes = bytes
        self.file = file
        self.line = line
        self.maxDepth = maxDepth
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            lineStart = 3
            columnCache = (3, 0)
        }
    }

    /// Whether a value may follow: reading has not failed and non-space input remains.
    var hasMore: Bool {
        mutating get {
            skipSpace()
            return !failed && index < bytes.count
        }
    }

    /// Reports anything but white space after the value.
    mutating func expectEnd() {
        skipSpace()
        if index < bytes.count { fail("\(unexpected) after the JSON value; a file holds one value") }
    }

    /// Reads one value, or reports why it cannot and answers `nil`.
    mutating func value() -> YAMLNode? {
        skipSpace()
        guard !failed else { return nil }
        guard index < bytes.count else { return fail("expected a JSON value, found the end of the input") }
        nodeCount += 1
        guard nodeCount <= maxNodes else {
            return fail("more than \(maxNodes) values in one JSON value; an answers record holds a few hundred (reading stopped here)")
        }
        let mark = markHere()
        switch bytes[index] {
        case UInt8(ascii: "{"): return nested(mark) { $0.object(mark) }
        case UInt8(ascii: "["): return nested(mark) { $0.array(mark) }
        case UInt8(ascii: "\""):
            guard let text = string() else { return nil }
            let scalar = YAMLScalar(text: text, style: .doubleQuoted, lineMarks: [mark.advanced(byColumns: 1)])
            return YAMLNode(.scalar(scalar), mark: mark)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number(mark)
        case UInt8(ascii: "t"): return word("true", mark)
        case UInt8(ascii: "f"): return word("false", mark)
        case UInt8(ascii: "n"): return word("null", mark)
        case UInt8(ascii: "'"): return fail("expected a JSON value, found \(found); JSON strings take double quotes")
        default: return fail("expected a JSON value, found \(found)")
        }
    }

    private mutating func nested(_ mark: SourceMark, _ read: (inout JSONScanner) -> YAMLNode?) -> YAMLNode? {
        guard depth < maxDepth else {
            return fail("nesting is deeper than \(maxDepth) levels; flatten the structure")
        }
        depth += 1
        defer { depth -= 1 }
        index += 1
        return read(&self)
    }

    private mutating func object(_ mark: SourceMark) -> YAMLNode? {
        var pairs: [YAMLPair] = []
        // Repeated keys are found by looking back over the members of a small object (most
        // are: `{"left": 8, "right": 12}`), and through a table once it grows: making and
        // hashing into a table for every object was a third of reading a batch's records.
        var firstPlace: [String: SourceMark]?
        if take(UInt8(ascii: "}")) { return YAMLNode(.mapping(YAMLNode.Pairs(pairs)), mark: mark) }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                var hint = index < bytes.count && bytes[index] == UInt8(ascii: "}") ? "; remove the trailing comma" : ""
                if let number = decimalComma(after: pairs.last?.value) { hint = "; JSON numbers take a decimal point: \(number)" }
                return fail("expected a member name in double quotes, found \(found)\(hint)")
            }
            guard let key = value(), let text = key.scalar?.text else { return nil }
            guard take(UInt8(ascii: ":")) else { return fail("expected ':' after the member name, found \(found)") }
            guard let member = value() else { return nil }
            if let first = firstPlace.map({ $0[text] }) ?? Self.place(of: text, in: pairs) {
                diagnostics.error(
                    DuplicateKey.message(text, first: (first.line, first.column), again: key.mark.line), at: key.mark)
            } else {
                firstPlace?[text] = key.mark
                pairs.append(YAMLPair(key: key, value: member))
                if firstPlace == nil, pairs.count == Self.membersLookedOver {
                    firstPlace = Dictionary(pairs.map { ($0.key.scalar?.text ?? "", $0.key.mark) }, uniquingKeysWith: { first, _ in first })
                }
            }
            if take(UInt8(ascii: ",")) { continue }
            if take(UInt8(ascii: "}")) { return YAMLNode(.mapping(YAMLNode.Pairs(pairs)), mark: mark) }
            return fail("expected ',' or '}' after an object member, found \(found)")
        }
    }

    /// How many members an object may have before its keys go into a table.
    static let membersLookedOver = 16

    /// Where the member named `text` is among `pairs`, when it is there.
    private static func place(of text: String, in pairs: [YAMLPair]) -> SourceMark? {
        pairs.first { $0.key.scalar?.text == text }?.key.mark
    }

    /// `50.5` when the digits at `index` came straight after a comma that followed the whole
    /// number `previous` (`"hold": 50,5`, typed with a decimal comma); `nil` otherwise (see
    /// ``NumberHint/decimal(whole:fraction:)``).
    private func decimalComma(after previous: YAMLNode?) -> String? {
        guard let whole = previous?.scalar?.text, index > 0, bytes[index - 1] == UInt8(ascii: ",") else { return nil }
        var end = index
        while end < bytes.count, (0x30...0x39).contains(bytes[end]) { end += 1 }
        return NumberHint.decimal(whole: whole, fraction: String(decoding: bytes[index..<end], as: UTF8.self))
    }

    private mutating func array(_ mark: SourceMark) -> YAMLNode? {
        var items: [YAMLNode] = []
        if take(UInt8(ascii: "]")) { return YAMLNode(.sequence(YAMLNode.Items(items)), mark: mark) }
        while true {
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                return fail("expected a JSON value, found ']'; remove the trailing comma")
            }
            guard let item = value() else { return nil }
            items.append(item)
            if take(UInt8(ascii: ",")) { continue }
            if take(UInt8(ascii: "]")) { return YAMLNode(.sequence(YAMLNode.Items(items)), mark: mark) }
            return fail("expected ',' or ']' after an array item, found \(found)")
        }
    }

    private mutating func word(_ word: StaticString, _ mark: SourceMark) -> YAMLNode? {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard bytes.count - index >= expected.count, zip(bytes[index...], expected).allSatisfy({ $0 == $1 }),
              !isWordByte(index + expected.count)
        else { return fail("expected a JSON value, found \(found); strings need double quotes") }
        index += expected.count
        return plain(String(decoding: expected, as: UTF8.self), mark)
    }

    private mutating func number(_ mark: SourceMark) -> YAMLNode? {
        let start = index
        _ = take(UInt8(ascii: "-"), skippingSpace: false)
        if take(UInt8(ascii: "0"), skippingSpace: false) {
            if digits() > 0 { return fail("a JSON number may not start with 0 followed by digits", at: mark) }
        } else if digits() == 0 {
            return fail("expected digits in the number, found \(found)")
        }
        if take(UInt8(ascii: "."), skippingSpace: false), digits() == 0 {
            return fail("expected digits after the decimal point, found \(found)")
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if !take(UInt8(ascii: "+"), skippingSpace: false) { _ = take(UInt8(ascii: "-"), skippingSpace: false) }
            if digits() == 0 { return fail("expected digits in the exponent, found \(found)") }
        }
        if isWordByte(index) { return fail("\(unexpected) in a number") }
        return plain(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self), mark)
    }

    private mutating func digits() -> Int {
        let start = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
        return index - start
    }

    private func isWordByte(_ position: Int) -> Bool {
        guard position < bytes.count else { return false }
        let byte = bytes[position]
        return (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private func plain(_ text: String, _ mark: SourceMark) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar(text: text, style: .plain, lineMarks: [mark])), mark: mark)
    }
}
