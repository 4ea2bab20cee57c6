extension Expression {
    /// The expression's value against `bindings` on `side`, or `nil` when it does not apply.
    ///
    /// Gives the same value as ``evaluate(_:side:)`` but writes no reason when the expression
    /// does not apply, so it is the cheaper call for code that only branches on the value
    /// (for example when the same rules are run for many trial answers).
    public func value(_ bindings: Bindings, side: Side?) -> Value? {
        if isPerSide, side == nil { return nil }
        if let program {
            let result = program.run(bindings, side: side)
            guard !result.isNaN else { return nil }
            return root.kind == .number ? .number(result) : .bool(result == 1)
        }
        // No reason is written, so the evaluator needs no source text to quote.
        var evaluator = Evaluator(bindings: bindings, side: side, source: "")
        evaluator.explains = false
        return try? evaluator.value(root)
    }
}
