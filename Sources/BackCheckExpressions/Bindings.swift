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
    private var values: [String: Binding]

    /// Creates bindings from a table of names.
    public init(_ values: [String: Binding] = [:]) {
        self.values = values
    }

    /// The binding of `name`, or `nil` when it has none.
    public subscript(name: String) -> Binding? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// The names that have a binding, sorted.
    public var names: [String] {
        values.keys.sorted()
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
