public import BackCheckExpressions

/// An assessment's input as a plugin sees it: what is measured and how it is typed.
public struct InputSpec: Sendable, Hashable {
    /// The kinds of answer an input takes.
    public enum InputType: String, Sendable, Hashable, CaseIterable {
        /// A decimal number.
        case number
        /// A whole number.
        case integer
        /// `true` or `false`.
        case boolean
        /// One id from `choices`.
        case choice
        /// Seconds, given as `95`, `95s`, `1:35` or `1m35s`.
        case duration
        /// An ordered list of distinct ids from `choices`.
        case sequence

        /// The kind of value expressions see for this input.
        public var valueKind: ValueKind {
            switch self {
            case .number, .integer, .duration: .number
            case .boolean: .boolean
            case .choice: .string
            case .sequence: .sequence
            }
        }
    }

    /// The input's name (snake_case).
    public var name: String
    /// The label shown at the prompt and in reports.
    public var label: String
    /// The answer type.
    public var type: InputType
    /// The unit (`deg`, `s`, `cm`, …), or `nil` for none.
    public var unit: String?
    /// The inclusive allowed range, for numeric inputs.
    public var range: ClosedRange<Double>?
    /// Whether one value is given per side.
    public var bilateral: Bool
    /// Whether the input may be skipped.
    public var optional: Bool
    /// The minimal detectable change in the input's unit, when known.
    public var mdc: Double?
    /// The allowed ids, for `choice` and `sequence` inputs.
    public var choices: [String]

    /// Creates an input description.
    public init(
        name: String, label: String, type: InputType, unit: String? = nil, range: ClosedRange<Double>? = nil,
        bilateral: Bool = false, optional: Bool = false, mdc: Double? = nil, choices: [String] = []
    ) {
        self.name = name
        self.label = label
        self.type = type
        self.unit = unit
        self.range = range
        self.bilateral = bilateral
        self.optional = optional
        self.mdc = mdc
        self.choices = choices
    }

    /// The sides the input is judged on: left and right when bilateral, otherwise one `nil`.
    public var scoredSides: [Side?] { bilateral ? [.left, .right] : [nil] }

    /// Whether the input's value is a number (number, integer or duration).
    public var isNumeric: Bool { type.valueKind == .number }

    /// How the expression compiler sees this input.
    public var nameInfo: NameInfo {
        NameInfo(kind: type.valueKind, bilateral: bilateral, optional: optional, choices: choices)
    }
}
