/// Reads the fields of one YAML mapping, remembering which keys were asked for so that
/// every other key can be reported as unknown, with the closest known key suggested.
public final class MappingReader {
    /// The mapping node being read.
    public let node: YAMLNode
    /// What the mapping is, for messages: `an assessment`, `input 'hip_angle'`.
    public let what: String
    /// The reader that collects diagnostics.
    public let reader: NodeReader

    /// The mapping's pairs, shared with the node (not copied).
    private let pairs: YAMLNode.Pairs
    /// The text of each pair's key ("" for a key that is not a scalar, which is no entry),
    /// taken out of the nodes once: every read searches them.
    private let keyTexts: [String]
    // The mutable state below is not checked for exclusive access at run time: a reader is
    // used by one thread, and no access to it spans a call out of this class. The checks on
    // every field looked up were about 1% of loading a catalogue.
    /// The pairs that are entries, by index: all of them unless some key was bad or repeated.
    @exclusivity(unchecked) private var entryIndices: [Int]?
    /// Which pairs a read asked for (so they are not unknown), by index.
    @exclusivity(unchecked) private var known = PairSet()
    /// Every key asked for, present or not: the candidates for "did you mean".
    @exclusivity(unchecked) private var asked: [String] = []

    init(node: YAMLNode, what: String, reader: NodeReader) {
        self.node = node
        self.what = what
        self.reader = reader
        let pairs = node.mapping ?? []
        var texts: [String] = []
        texts.reserveCapacity(pairs.count)
        // `nil` while every pair so far is an entry; the entries' indices once one is not.
        var entries: [Int]?
        // Mappings are small: searching the keys so far is cheaper than hashing every key.
        var firstPlace: [String: Int]? = pairs.count > 32 ? [:] : nil
        for index in pairs.indices {
            guard let key = pairs[index].key.fieldName else {
                texts.append("")
                let keyNode = pairs[index].key
                reader.error("keys in \(what) must be plain text, found \(keyNode.kindDescription)", at: keyNode.mark)
                if entries == nil { entries = Array(0..<index) }
                continue
            }
            let earlier: Int? = if firstPlace == nil {
                texts.indices.first { (entries?.contains($0) ?? true) && texts[$0].isSameText(as: key) }
            } else {
                firstPlace?[key]
            }
            texts.append(key)
            if let earlier {
                let keyNode = pairs[index].key
                reader.error(
                    DuplicateKey.message(
                        key, context: " in \(what)", first: (pairs[earlier].key.line, pairs[earlier].key.mark.column), again: keyNode.line),
                    at: keyNode.mark)
                if entries == nil { entries = Array(0..<index) }
                continue
            }
            firstPlace?[key] = index
            entries?.append(index)
        }
        self.pairs = pairs
        keyTexts = texts
        entryIndices = entries
    }

    /// The indices of the entries, in the order written.
    private var entries: [Int] { entryIndices ?? Array(pairs.indices) }

    /// The keys present, in the order written (duplicates removed).
    public var keys: [String] { entries.map { keyTexts[$0] } }

    /// The entries present, in the order written (duplicates removed), marking each as known.
    /// Use this for mappings whose keys are names the author chooses, such as `inputs`.
    public func allEntries() -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        asked.append(contentsOf: keys)
        return entries.map { index in
            known.insert(index)
            return (keyTexts[index], pairs[index].key, pairs[index].value)
        }
    }

    /// The index of the entry for `key`, marking `key` as asked for and the entry as known.
    private func find(_ key: String) -> Int? {
        if asked.isEmpty { asked.reserveCapacity(16) }
        asked.append(key)
        let found: Int? = if let entryIndices {
            entryIndices.first { keyTexts[$0].isSameText(as: key) }
        } else {
            keyTexts.indices.first { keyTexts[$0].isSameText(as: key) }
        }
        guard let found else { return nil }
        known.insert(found)
        return found
    }

    /// Whether `key` is present. Marks `key` as known.
    public func contains(_ key: String) -> Bool {
        find(key) != nil
    }

    /// The node under `key`, or `nil` when absent. Marks `key` as known.
    public func node(_ key: String) -> YAMLNode? {
        find(key).map { pairs[$0].value }
    }

    /// The node under `key`, or `nil` with a "missing required key" error. When a key written
    /// here looks like a misspelling of `key` (`severty` for `severity`), the error waits: if that
    /// key turns out unknown, its own "unknown key …; did you mean 'severity'?" says it all, and
    /// the missing-key message is not repeated.
    public func requiredNode(_ key: String) -> YAMLNode? {
        guard let value = node(key) else {
            let message = "missing required key '\(key)' in \(what)"
            if let similar = entries.first(where: { !known.contains($0) && Suggestion.closest(to: keyTexts[$0], among: [key]) != nil }) {
                deferred.append((message, similar))
            } else {
                reader.error(message, at: node.mark)
            }
            return nil
        }
        return value
    }

    /// Missing-key errors waiting on a key that may be their misspelling, with its index.
    @exclusivity(unchecked) private var deferred: [(message: String, similar: Int)] = []

    /// Reports the missing-key errors whose look-alike key turned out to be a real one.
    private func settleDeferred(unknownReported: Bool, alsoKnown: [String] = []) {
        for (message, similar) in deferred
        where known.contains(similar) || alsoKnown.contains(keyTexts[similar]) || !unknownReported {
            reader.error(message, at: node.mark)
        }
        deferred = []
    }

    deinit {
        // A reader that never checked for unknown keys still reports every missing key.
        settleDeferred(unknownReported: false)
    }

    /// The value under `key` read as `T`; a missing key is an error, and so is required text
    /// that is empty or only spaces (a title or label that would print as nothing).
    // Inlinable (as are the other typed reads) so that each is specialised for the type read
    // where it is called, instead of going through generic witnesses for every field.
    @inlinable
    public func required<T: YAMLReadable>(_ key: String, as type: T.Type = T.self) -> T? {
        guard let node = requiredNode(key), let value = reader.read(T.self, from: node) else { return nil }
        if let text = value as? String, text.isBlank {
            reader.error("'\(key)' in \(what) is empty; write the text it should show", at: node.mark)
            return nil
        }
        return value
    }

    /// The value under `key` read as `T`; a missing key answers `nil` silently.
    @inlinable
    public func optional<T: YAMLReadable>(_ key: String, as type: T.Type = T.self) -> T? {
        node(key).flatMap { reader.read(T.self, from: $0) }
    }

    /// The value under `key` read as `T` and checked against `range`; missing is an error.
    @inlinable
    public func required<T: YAMLReadable & Comparable>(
        _ key: String, as type: T.Type = T.self, in range: some RangeExpression<T>
    ) -> T? {
        requiredNode(key).flatMap { reader.read(T.self, from: $0, in: range, named: key) }
    }

    /// The value under `key` read as `T` and checked against `range`; missing answers `nil`.
    @inlinable
    public func optional<T: YAMLReadable & Comparable>(
        _ key: String, as type: T.Type = T.self, in range: some RangeExpression<T>
    ) -> T? {
        node(key).flatMap { reader.read(T.self, from: $0, in: range, named: key) }
    }

    /// A reader for the mapping under `key`; a missing key or a non-mapping is an error.
    public func requiredMapping(_ key: String, of what: String) -> MappingReader? {
        requiredNode(key).flatMap { reader.mapping($0, of: what) }
    }

    /// A reader for the mapping under `key`, or `nil` when absent (an error when not a mapping).
    public func optionalMapping(_ key: String, of what: String) -> MappingReader? {
        node(key).flatMap { reader.mapping($0, of: what) }
    }

    /// Words one kind of document uses where another uses the other.
    private static let otherWord = ["title": "name", "name": "title"]

    /// Why a key of digits is there: a decimal comma in `{...}` ended the number before it.
    /// Names that number's field when the pair before is one (`extensor_hold: 50,5` reads as
    /// 50 and a key '5': write extensor_hold: 50.5); a thousands group gets no decimal guess.
    private func decimalCommaHint(digits: String, at index: Int) -> String {
        let before = index > 0 ? pairs[index - 1] : nil
        guard let name = before?.key.scalar?.text, let whole = before?.value.scalar?.text,
              NumberHint.decimal(whole: whole, fraction: "0") != nil else {
            return "; a decimal comma splits a number in {...} (left: 8,5 reads as 8 and a key '5'): write a decimal point, 8.5"
        }
        let reading = "\(name): \(whole),\(digits) reads as \(whole) and a key '\(digits)'"
        guard let decimal = NumberHint.decimal(whole: whole, fraction: digits) else {
            return "; a comma splits a number in {...} (\(reading)): write the number without it"
        }
        // `25,0` is the whole number 25, which a field of whole numbers takes and 25.0 it does not.
        if digits.allSatisfy({ $0 == "0" }) { return "; a decimal comma splits a number in {...} (\(reading)): write \(name): \(whole)" }
        return "; a decimal comma splits a number in {...} (\(reading)): write a decimal point, \(name): \(decimal)"
    }

    /// Reports every key that was never asked for and is not in `alsoKnown`, suggesting the
    /// closest known key: `unknown key 'scorng' in an assessment; did you mean 'scoring'?`.
    /// Call it after reading all fields.
    public func rejectUnknownKeys(alsoKnown: [String] = []) {
        func check(_ index: Int) {
            guard !known.contains(index) else { return }
            let key = keyTexts[index]
            guard !alsoKnown.contains(key) else { return }
            var hint = Suggestion.hint(for: key, among: asked + alsoKnown)
            // Not a typo but the other document kind's word for it (an exercise has a name, an
            // assessment a title).
            if hint.isEmpty, let other = Self.otherWord[key], asked.contains(other) { hint = "; did you mean '\(other)'?" }
            // In `{left: 8,5, right: 11}` the comma ends the value and `5` reads as a key.
            if hint.isEmpty, !key.isEmpty, key.allSatisfy({ $0.isASCII && $0.isNumber }) {
                hint = decimalCommaHint(digits: key, at: index)
            }
            reader.error("unknown key '\(VisibleText.excerpt(key))' in \(what)\(hint)", at: pairs[index].key.mark)
        }
        // Nearly every mapping has all its pairs as entries: walk them without listing them.
        if let entryIndices { entryIndices.forEach(check) } else { pairs.indices.forEach(check) }
        settleDeferred(unknownReported: true, alsoKnown: alsoKnown)
    }
}

/// A set of pair indices: a bit mask for the first 64, which is nearly every mapping.
struct PairSet {
    private var first: UInt64 = 0
    private var rest: Set<Int> = []

    mutating func insert(_ index: Int) {
        if index < 64 { first |= 1 << UInt64(index) } else { rest.insert(index) }
    }

    func contains(_ index: Int) -> Bool {
        index < 64 ? first & (1 << UInt64(index)) != 0 : rest.contains(index)
    }
}

extension String {
    /// `==`, telling strings of different lengths apart without calling the standard library's
    /// full comparison: most keys a reader compares differ in length.
    @inline(__always) package func isSameText(as other: String) -> Bool {
        utf8.count == other.utf8.count && self == other
    }

    /// Whether the text is empty or only white space. Text that starts with a visible ASCII
    /// character (nearly all of it) is answered at its first byte, without the Unicode lookup.
    @usableFromInline var isBlank: Bool {
        for byte in utf8 {
            if byte >= 0x80 { return allSatisfy(\.isWhitespace) }
            if byte != 0x20, !(0x09...0x0D).contains(byte) { return false }
        }
        return true
    }
}
