import BackCheckExpressions
import BackCheckYAML
import Testing
import TestSupport

/// The names the tests compile against: bilateral and single numbers, a boolean, a
/// choice, a sequence and an optional input.
let testScope: Scope = [
    "hip_angle": NameInfo(kind: .number, bilateral: true),
    "knee_flexion": NameInfo(kind: .number, bilateral: true),
    "side_bridge": NameInfo(kind: .number, bilateral: true),
    "flexor_hold": NameInfo(kind: .number),
    "extensor_hold": NameInfo(kind: .number),
    "pain": NameInfo(kind: .boolean),
    "grip": NameInfo(kind: .string),
    "firing_order": NameInfo(kind: .sequence),
    "extra_hold": NameInfo(kind: .number, optional: true),
    "balance": NameInfo(kind: .boolean, bilateral: true, optional: true),
]

/// Marks on line 1 of `x.yaml`, one column per offset, so a test's expected column is the
/// 1-based position in the expression's text.
func lineOne(_ offset: Int) -> SourceMark? {
    SourceMark(file: "x.yaml", line: 1, column: offset + 1)
}

/// Compiles `source`, failing the test with the diagnostics when it does not compile.
func compiled(_ source: String, scope: Scope = testScope, sourceLocation: SourceLocation = #_sourceLocation) throws -> Expression {
    let (expression, diagnostics) = Expression.compile(source, scope: scope, markAt: lineOne)
    #expect(diagnostics.isEmpty, "\(diagnostics)", sourceLocation: sourceLocation)
    return try #require(expression, sourceLocation: sourceLocation)
}

/// The diagnostics of `source`, which must not compile.
func problems(_ source: String, scope: Scope = testScope, sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
    let (expression, diagnostics) = Expression.compile(source, scope: scope, markAt: lineOne)
    #expect(expression == nil, sourceLocation: sourceLocation)
    #expect(!diagnostics.isEmpty, sourceLocation: sourceLocation)
    return diagnostics
}

/// Compiles and evaluates `source`.
func outcome(
    _ source: String, _ bindings: Bindings = Bindings(), side: Side? = nil, scope: Scope = testScope,
    sourceLocation: SourceLocation = #_sourceLocation
) throws -> Outcome {
    try compiled(source, scope: scope, sourceLocation: sourceLocation).evaluate(bindings, side: side)
}

/// A bilateral binding of two numbers.
func sides(_ left: Double?, _ right: Double?) -> Binding {
    .bilateral(left: left.map(Value.number), right: right.map(Value.number))
}

/// A single number binding.
func number(_ value: Double?) -> Binding {
    .single(value.map(Value.number))
}

