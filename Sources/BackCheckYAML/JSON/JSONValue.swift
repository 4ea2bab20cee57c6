/// A JSON value whose object members keep the order they were written or built in.
///
/// Integers and other numbers are kept apart so that `3` prints as `3`, not `3.0`.
///
/// ```swift
/// let value: JSONValue = .object([("id", .string("thomas")), ("age", .integer(41))])
/// print(value.serialized())           // {"id":"thomas","age":41}
/// ```
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A whole number that fits in `Int`.
    case integer(Int)
    /// Any other number; non-finite values serialize as `null`.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object: members in order. Keys are not required to be unique here; a reader that
    /// cares (``JSONReader``) reports repeats.
    case object([(key: String, value: JSONValue)])

    /// Structural equality: members in the same order, `.integer(1)` and `.number(1)`
    /// different, and NaN equal to NaN (so that a value always equals itself).
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.integer(a), .integer(b)): return a == b
        case let (.number(a), .number(b)): return a == b || (a.isNaN && b.isNaN)
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    /// Whether the two values are equal as JSON data: like `==`, but object members may
    /// come in any order, and an integer equals the same number written as a decimal.
    public func isEquivalent(to other: JSONValue) -> Bool {
        switch (self, other) {
        case let (.integer(a), .number(b)), let (.number(b), .integer(a)): return Double(a) == b
        case let (.array(a), .array(b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.isEquivalent(to: $1) }
        case let (.object(a), .object(b)):
            guard a.count == b.count else { return false }
            var unmatched = b
            for member in a {
                guard let index = unmatched.firstIndex(where: { $0.key == member.key && $0.value.isEquivalent(to: member.value) })
                else { return false }
                unmatched.remove(at: index)
            }
            return true
        default: return self == other
        }
    }

    /// The value of the first member named `key`, when this is an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}
