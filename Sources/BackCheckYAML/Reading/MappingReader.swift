/// Reads the fields of one YAML mapping, remembering which keys were asked for so that
/// every other key can be reported as unknown, with the closest known key suggested.
public final class MappingReader {
    /// The mapping node being read.
    public let node: YAMLNode
    /// What the mapping is, for messages: `an assessment`, `input 'hip_angle'`.
    public let what: String
    /// The reader that collects diagnostics.
    public let reader: NodeReader

    private var entries: [(key: String, pair: YAMLPair)] = []
    /// Per entry, whether a read asked for its key (so it is not unknown).
    private var known: [Bool] = []
    /// Every key asked for, present or not: the candidates for "did you mean".
    private var asked: [String] = []

    init(node: YAMLNode, what: String, reader: NodeReader) {
        self.node = node
        self.what = what
        self.reader = reader
        let pairs = node.mapping ?? []
        entries.reserveCapacity(pairs.count)
        // Mappings are small: searching the entries so far is cheaper than hashing every key.
        var firstPlace: [String: SourceMark]? = pairs.count > 32 ? [:] : nil
        for pair in pairs {
            guard let key = pair.key.scalarText, !pair.key.isNull || pair.key.scalar?.style != .plain else {
                reader.error("keys in \(what) must be plain text, found \(pair.key.kindDescription)", at: pair.key.mark)
                continue
            }
            let earlier = firstPlace == nil ? entries.first { $0.key == key }?.pair.key.mark : firstPlace?[key]
            if let earlier {
                reader.error(
                    "duplicate key '\(key)' in \(what): first at line \(earlier.line), again at line \(pair.key.line)",
                    at: pair.key.mark)
                continue
            }
            firstPlace?[key] = pair.key.mark
            entries.append((key, pair))
        }
        known = Array(repeating: false, count: entries.count)
    }

    /// The keys present, in the order written (duplicates removed).
    public var keys: [String] { entries.map(\.key) }

    /// The entries present, in the order written (duplicates removed), marking each as known.
    /// Use this for mappings whose keys are names the author chooses, such as `inputs`.
    public func allEntries() -> [(key: String, keyNode: YAMLNode, value: YAMLNode)] {
        asked.append(contentsOf: keys)
        for index in known.indices { known[index] = true }
        return entries.map { ($0.key, $0.pair.key, $0.pair.value) }
    }

    /// The index of the entry for `key`, marking `key` as asked for and the entry as known.
    private func find(_ key: String) -> Int? {
        asked.append(key)
        guard let index = entries.firstIndex(where: { $0.key == key }) else { return nil }
        known[index] = true
        return index
    }

    /// Whether `key` is present. Marks `key` as known.
    public func contains(_ key: String) -> Bool {
        find(key) != nil
    }

    /// The node under `key`, or `nil` when absent. Marks `key` as known.
    public func node(_ key: String) -> YAMLNode? {
        find(key).map { entries[$0].pair.value }
    }

    /// The node under `key`, or `nil` with a "missing required key" error.
    public func requiredNode(_ key: String) -> YAMLNode? {
        guard let value = node(key) else {
            reader.error("missing required key '\(key)' in \(what)", at: node.mark)
            return nil
        }
        return value
    }

    /// The value under `key` read as `T`; a missing key is an error.
    public func required<T: YAMLReadable>(_ key: String, as type: T.Type = T.self) -> T? {
        requiredNode(key).flatMap { reader.read(T.self, from: $0) }
    }

    /// The value under `key` read as `T`; a missing key answers `nil` silently.
    public func optional<T: YAMLReadable>(_ key: String, as type: T.Type = T.self) -> T? {
        node(key).flatMap { reader.read(T.self, from: $0) }
    }

    /// The value under `key` read as `T` and checked against `range`; missing is an error.
    public func required<T: YAMLReadable & Comparable>(
        _ key: String, as type: T.Type = T.self, in range: some RangeExpression<T>
    ) -> T? {
        requiredNode(key).flatMap { reader.read(T.self, from: $0, in: range, named: key) }
    }

    /// The value under `key` read as `T` and checked against `range`; missing answers `nil`.
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

    /// Reports every key that was never asked for and is not in `alsoKnown`, suggesting the
    /// closest known key: `unknown key 'scorng' in an assessment; did you mean 'scoring'?`.
    /// Call it after reading all fields.
    public func rejectUnknownKeys(alsoKnown: [String] = []) {
        for (index, entry) in entries.enumerated() where !known[index] && !alsoKnown.contains(entry.key) {
            let hint = Suggestion.hint(for: entry.key, among: asked + alsoKnown)
            reader.error("unknown key '\(entry.key)' in \(what)\(hint)", at: entry.pair.key.mark)
        }
    }
}
