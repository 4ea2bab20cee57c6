/// One step of a ``Program``: it pops its operands off the stack and pushes its result.
/// Every payload is a plain value, so running a program copies no references.
enum Instruction: Hashable, Sendable {
    /// Pushes a number (a truth value is 1 or 0).
    case constant(Double)
    /// Pushes the value of the program's name number `index` (see ``Program/names``).
    case load(Int)
    /// Pushes whether name number `index` has a value (both sides, for a bilateral name read whole).
    case answered(Int)
    /// Pushes `asymmetry` of bilateral name number `index`.
    case asymmetry(Int)
    /// Pushes the trial value of the input a program compiled for a trial varies (see
    /// `Program+Varied.swift`).
    case varied
    /// Pushes `asymmetry` of the varied bilateral input, name number `index`: the trial value
    /// on the varied side (the left one when `left`), the bound value on the other.
    case variedAsymmetry(Int, left: Bool)
    case negate, not
    case add, subtract, multiply, divide
    case less, lessOrEqual, greater, greaterOrEqual
    /// Numbers equal within ``NumericTolerance``; truth values exactly.
    case equal(numbers: Bool), notEqual(numbers: Bool)
    case and, or
    /// `min` or `max` of the top `count` values.
    case minimum(count: Int), maximum(count: Int)
    case absolute, clamp, ratio
}

/// A name a program reads, resolved when it is compiled: how it is read, its kind and the
/// hash the bindings find it by.
struct ProgramName: Hashable, Sendable {
    var reference: NameReference
    var hash: Int
}
