/// The functions an expression may call.
enum Function: String, CaseIterable, Sendable {
    case min, max, abs, clamp, ratio, first, index, answered
    case weakerSide = "weaker_side"
    case asymmetry

    /// How many arguments the function takes: an exact count, or at least `lowerBound`
    /// when `upperBound` is `nil`.
    var arity: (lowerBound: Int, upperBound: Int?) {
        switch self {
        case .min, .max: (2, nil)
        case .abs, .first, .answered, .weakerSide, .asymmetry: (1, 1)
        case .ratio, .index: (2, 2)
        case .clamp: (3, 3)
        }
    }

    /// Whether the function's argument is a name rather than a value.
    var takesName: Bool {
        self == .answered || self == .weakerSide || self == .asymmetry
    }

    /// The kind the argument at `position` must have.
    func parameterKind(at position: Int) -> ValueKind {
        switch self {
        case .first: .sequence
        case .index: position == 0 ? .sequence : .string
        default: .number
        }
    }

    /// The kind of the function's result.
    var resultKind: ValueKind {
        switch self {
        case .min, .max, .abs, .clamp, .ratio, .index, .asymmetry: .number
        case .first, .weakerSide: .string
        case .answered: .boolean
        }
    }

    /// How the function is written, for messages: `clamp(x, lo, hi)`.
    var signature: String {
        switch self {
        case .min, .max: "\(rawValue)(a, b, ...)"
        case .abs: "abs(x)"
        case .clamp: "clamp(x, lo, hi)"
        case .ratio: "ratio(a, b)"
        case .first: "first(sequence)"
        case .index: "index(sequence, 'item')"
        case .answered: "answered(input)"
        case .weakerSide: "weaker_side(input)"
        case .asymmetry: "asymmetry(input)"
        }
    }

    /// `clamp takes 3 arguments, found 2`, or `nil` when `count` fits.
    func arityProblem(_ count: Int) -> String? {
        let (lower, upper) = arity
        if let upper, count != upper || count < lower {
            let noun = upper == 1 ? "argument" : "arguments"
            return "\(rawValue) takes \(upper) \(noun), found \(count)"
        }
        if upper == nil, count < lower {
            var message = "\(rawValue) takes at least \(lower) arguments, found \(count)"
            if count == 1 { message += "; to compare the sides of an input write \(rawValue)(x.left, x.right)" }
            return message
        }
        return nil
    }
}
