/// One side of the body, for inputs measured on both sides.
///
/// `left` sorts before `right`, so reports list sides in a stable order.
public enum Side: String, Sendable, Hashable, CaseIterable, Comparable {
    /// The left side.
    case left
    /// The right side.
    case right

    /// `left` comes before `right`.
    public static func < (lhs: Side, rhs: Side) -> Bool { lhs == .left && rhs == .right }

    /// The side across from this one.
    public var opposite: Side { self == .left ? .right : .left }
}

/// The kind of a value an expression works with.
public enum ValueKind: String, Sendable, Hashable {
    /// A number (integers, decimals, durations in seconds).
    case number
    /// `true` or `false`.
    case boolean
    /// A text, such as a choice id.
    case string
    /// An ordered list of choice ids.
    case sequence

    /// How the kind is named in messages: `a number`, `true or false`.
    public var phrase: String {
        switch self {
        case .number: "a number"
        case .boolean: "true or false"
        case .string: "a string"
        case .sequence: "a sequence"
        }
    }
}

/// A value an expression reads or produces.
///
/// Printed the way a person writes it: numbers without a trailing `.0` (`8`, `0.53`),
/// strings as their text, sequences as `a, b`.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    /// A number.
    case number(Double)
    /// `true` or `false`.
    case bool(Bool)
    /// A text.
    case string(String)
    /// An ordered list of choice ids.
    case sequence([String])

    /// The value's kind.
    public var kind: ValueKind {
        switch self {
        case .number: .number
        case .bool: .boolean
        case .string: .string
        case .sequence: .sequence
        }
    }

    /// The number, when the value is one.
    public var numberValue: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// The boolean, when the value is one.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The text, when the value is a string.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The items, when the value is a sequence.
    public var sequenceValue: [String]? {
        if case .sequence(let items) = self { return items }
        return nil
    }

    /// `8`, `0.53`, `true`, `glute-max`, `glute-max, erectors`.
    public var description: String {
        switch self {
        case .number(let number): Value.format(number)
        case .bool(let flag): flag ? "true" : "false"
        case .string(let text): text
        case .sequence(let items): items.joined(separator: ", ")
        }
    }

    /// Formats a number without a trailing `.0`: whole numbers as integers, others in the
    /// shortest form that reads back as the same number.
    public static func format(_ number: Double) -> String {
        // Whole numbers well within Int's range print as integers; -0 prints as 0. (Comparing
        // with the truncated value rather than calling rounded() keeps libm out of the link.)
        if number.isFinite, abs(number) < 1e15, Double(Int(number)) == number {
            return String(Int(number))
        }
        return number.description
    }
}
