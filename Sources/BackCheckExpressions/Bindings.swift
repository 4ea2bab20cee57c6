/// The value, or values per side, a name has in one evaluation. A `nil` value means the
/// input was skipped or not answered.
public enum Binding: Sendable, Hashable {
    /// One value for the whole person.
    case single(Value?)
    /// One value per side.
    case bilateral(left: Value?, right: Value?)

    /// The value on `side`; a single value stands for both sides.
    public func value(on side: Side) -> Value? {
        switch self {
        case .single(let value): value
        case .bilateral(let left, let right): side == .left ? left : right
        }
    }
}

/// The values an evaluation sees, by name. A name that is absent counts as unanswered.
///
/// ```swift
/// var bindings = Bindings(["hip_angle": .bilateral(left: .number(8), right: .number(-12))])
/// bindings["profile.age"] = .single(.number(29))
/// ```
public struct Bindings: Sendable {
    // Every evaluation looks names up many times, and the report evaluates each assessment
    // hundreds of times, so names are found through a small open-addressing table with a
    // cheap byte hash rather than a Dictionary (whose seeded hasher dominated the lookups).
    // Plain arrays, not a class holding them: a class's stored properties are checked for
    // exclusive access at run time on every lookup, which cost more than it saved.
    /// Names in the order they were first bound.
    private var keys: [String] = []
    /// The binding of each key; `nil` once a name is unbound (its place is kept).
    private var values: [Binding?] = []
    /// Positions of `keys` plus one (0: free), by hash; its size is a power of two at least
    /// twice the number of keys.
    private var table: [Int32] = []

    /// Creates bindings from a table of names.
    public init(_ values: [String: Binding] = [:]) {
        reserve(values.count)
        for (name, binding) in values { self[name] = binding }
    }

    /// The binding of `name`, or `nil` when it has none.
    public subscript(name: String) -> Binding? {
        get {
            guard let index = position(of: name) else { return nil }
            return values[index]
        }
        set {
            // Hashed once, for the lookup and for a new key's place alike.
            let hash = Self.hash(name)
            if let index = position(of: name, hash: hash) {
                values[index] = newValue
            } else if let newValue {
                if table.count < 2 * (keys.count + 1) { reserve(keys.count + 1) }
                keys.append(name)
                values.append(newValue)
                insert(keys.count - 1, hash: hash)
            }
        }
    }

    /// Where `name` is kept, made (unbound) if it has no place yet. A place stays the same for
    /// these bindings and every copy of them, so an engine that sets one value thousands of
    /// times finds it once, then reads and writes ``subscript(slot:)`` with no name lookup.
    package mutating func slot(for name: String) -> Int {
        let hash = Self.hash(name)
        if let index = position(of: name, hash: hash) { return index }
        if table.count < 2 * (keys.count + 1) { reserve(keys.count + 1) }
        keys.append(name)
        values.append(nil)
        insert(keys.count - 1, hash: hash)
        return keys.count - 1
    }

    /// The binding kept at `slot`, a place ``slot(for:)`` gave; `nil` unbinds it.
    package subscript(slot slot: Int) -> Binding? {
        get { values[slot] }
        set { values[slot] = newValue }
    }

    /// The names that have a binding, sorted.
    public var names: [String] {
        keys.indices.filter { values[$0] != nil }.map { keys[$0] }.sorted()
    }

    /// The binding of `name`, whose ``hash(_:)`` the caller worked out once beforehand (a
    /// compiled expression does so when it is compiled).
    func binding(named name: String, hash: Int) -> Binding? {
        guard let index = position(of: name, hash: hash) else { return nil }
        return values[index]
    }

    // The three readings below are a compiled program's: each looks at the binding where it
    // is kept and takes out numbers only, so no text a value holds is retained and released.

    /// The number, or 1 or 0 for a truth value, that `name` (whose hash is `hash`) has on
    /// `side` (`nil`: read whole, so a bilateral name has none); NaN when it has no value of `kind`.
    func number(named name: String, hash: Int, on side: Side?, kind: ValueKind) -> Double {
        guard let index = position(of: name, hash: hash) else { return .nan }
        switch (values[index], side) {
        case (.single(.number(let number)?)?, _), (.bilateral(.number(let number)?, _)?, .left?),
             (.bilateral(_, .number(let number)?)?, .right?):
            return kind == .number ? number : .nan
        case (.single(.bool(let flag)?)?, _), (.bilateral(.bool(let flag)?, _)?, .left?), (.bilateral(_, .bool(let flag)?)?, .right?):
            return kind == .boolean ? (flag ? 1 : 0) : .nan
        default:
            return .nan
        }
    }

    /// Whether `name` has a value: on `pinned` when given, else its one value or both sides'.
    func isAnswered(named name: String, hash: Int, pinned: Side?) -> Bool {
        guard let index = position(of: name, hash: hash) else { return false }
        switch (values[index], pinned) {
        case (nil, _), (.single(nil)?, _), (.bilateral(nil, _)?, .left?), (.bilateral(_, nil)?, .right?),
             (.bilateral(nil, _)?, nil), (.bilateral(_, nil)?, nil):
            return false
        default:
            return true
        }
    }

    /// The two numbers of bilateral `name`, when it has a number on each side.
    func numbers(named name: String, hash: Int) -> (left: Double, right: Double)? {
        guard let index = position(of: name, hash: hash),
              case .bilateral(.number(let left)?, .number(let right)?)? = values[index]
        else { return nil }
        return (left, right)
    }

    private func position(of name: String) -> Int? {
        position(of: name, hash: Self.hash(name))
    }

    private func position(of name: String, hash: Int) -> Int? {
        guard !table.isEmpty else { return nil }
        let mask = table.count - 1
        var slot = hash & mask
        while true {
            let entry = Int(table[slot])
            if entry == 0 { return nil }
            if keys[entry - 1] == name { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Puts key number `index`, whose hash is `hash` (worked out again when not given), in the table.
    private mutating func insert(_ index: Int, hash: Int? = nil) {
        let mask = table.count - 1
        var slot = (hash ?? Self.hash(keys[index])) & mask
        while table[slot] != 0 { slot = (slot + 1) & mask }
        table[slot] = Int32(index + 1)
    }

    /// Makes room for `count` keys, rebuilding the table.
    private mutating func reserve(_ count: Int) {
        var size = 8
        while size < 2 * count { size *= 2 }
        guard size > table.count else { return }
        table = Array(repeating: 0, count: size)
        for index in keys.indices { insert(index) }
    }

    /// A multiply-xor hash over the name's UTF-8 bytes, eight at a time: names are short, and
    /// a collision only costs a probe.
    static func hash(_ name: String) -> Int {
        var name = name
        name.makeContiguousUTF8()  // a no-op for native strings
        // Everything stays inside the closure: a local it captured and changed would be boxed
        // and checked for exclusive access on every byte.
        let hash = name.utf8.withContiguousStorageIfAvailable { bytes -> UInt64 in
            let raw = UnsafeRawBufferPointer(bytes)
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(raw.count)
            var offset = 0
            while offset + 8 <= raw.count {
                hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
                hash ^= hash >> 32
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < raw.count {
                tail |= UInt64(raw[offset]) << shift
                shift += 8
                offset += 1
            }
            hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
            return hash ^ (hash >> 32)
        }
        return Int(truncatingIfNeeded: hash ?? 0)
    }
}

extension Bindings: ExpressibleByDictionaryLiteral {
    /// Creates bindings from the listed names.
    public init(dictionaryLiteral elements: (String, Binding)...) {
        self.init(Dictionary(elements) { _, last in last })
    }
}

/// What evaluating an expression gives: a value, or the reason it does not apply.
public enum Outcome: Sendable, Hashable {
    /// The expression's value.
    case value(Value)
    /// The expression does not apply to these answers; `reason` is a sentence for the
    /// report, e.g. "ratio(flexor_hold, extensor_hold): extensor_hold is 0, so the ratio does not apply".
    case notApplicable(reason: String)

    /// The value, when there is one.
    public var value: Value? {
        if case .value(let value) = self { return value }
        return nil
    }

    /// The reason the expression does not apply, when it does not.
    public var reason: String? {
        if case .notApplicable(let reason) = self { return reason }
        return nil
    }
}
