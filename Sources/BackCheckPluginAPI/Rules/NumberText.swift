public import BackCheckExpressions

/// Formats numbers for sentences a person reads: at most two decimals, no trailing zeros.
public enum NumberText {
    /// `8`, `0.53`, `-12.5`.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        // Rounding to hundredths means nothing this large, and would overflow near the limit.
        guard abs(value) < 1e15 else { return Value.format(value) }
        return Value.format((value * 100).rounded() / 100)
    }

    /// `8`, `20.004`, `0.333333`: to millionths, for a sentence that shows a value beside the
    /// rule it met, where hundredths could print `20` beside `> 20` and contradict it.
    static func precise(_ value: Double) -> String {
        guard value.isFinite else { return "?" }
        guard abs(value) < 1e9 else { return Value.format(value) }
        return Value.format((value * 1e6).rounded() / 1e6)
    }

    /// A value as a person reads it: numbers via ``format(_:)``, strings as they are,
    /// sequences joined with commas, booleans as yes/no.
    public static func format(_ value: Value) -> String {
        switch value {
        case .number(let number): format(number)
        case .string(let text): text
        case .bool(let flag): flag ? "yes" : "no"
        case .sequence(let items): items.joined(separator: ", ")
        }
    }
}
