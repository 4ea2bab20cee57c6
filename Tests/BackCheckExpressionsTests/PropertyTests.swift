import BackCheckYAML
import BackCheckExpressions
import Testing
import TestSupport

/// Laws that must hold for any numbers, checked on seeded random samples.
@Suite("Properties")
struct PropertyTests {
    let scope: Scope = [
        "a": NameInfo(kind: .number), "b": NameInfo(kind: .number), "c": NameInfo(kind: .number),
        "pair": NameInfo(kind: .number, bilateral: true),
    ]

    func check(_ source: String, seed: UInt64, samples: Int = 300, law: (Double, Double, Double, Outcome) -> Bool) throws {
        let expression = try compiled(source, scope: scope)
        var random = SeededGenerator(seed: seed)
        for _ in 0..<samples {
            let a = Double(Int.random(in: -50...50, using: &random))
            let b = Double(Int.random(in: -50...50, using: &random))
            let c = Double(Int.random(in: -50...50, using: &random))
            let result = expression.evaluate(["a": number(a), "b": number(b), "c": number(c)], side: nil)
            #expect(law(a, b, c, result), "\(source) with a=\(a) b=\(b) c=\(c) gave \(result)")
        }
    }

    @Test("min(a, b) <= max(a, b), and each is one of its arguments")
    func minBelowMax() throws {
        try check("min(a, b) <= max(a, b)", seed: 1) { _, _, _, result in result == .value(.bool(true)) }
        try check("min(a, b, c)", seed: 2) { a, b, c, result in
            guard case .value(.number(let m)) = result else { return false }
            return [a, b, c].contains(m) && m <= a && m <= b && m <= c
        }
        try check("max(a, b, c)", seed: 3) { a, b, c, result in
            guard case .value(.number(let m)) = result else { return false }
            return [a, b, c].contains(m) && m >= a && m >= b && m >= c
        }
    }

    @Test("clamp stays within its bounds and leaves values inside them alone")
    func clampWithinBounds() throws {
        try check("clamp(a, min(b, c), max(b, c))", seed: 4) { a, b, c, result in
            guard case .value(.number(let x)) = result else { return false }
            let (lower, upper) = (Swift.min(b, c), Swift.max(b, c))
            return x >= lower && x <= upper && (a < lower || a > upper || x == a)
        }
    }

    @Test("comparisons agree with Swift's")
    func comparisons() throws {
        try check("a < b", seed: 5) { a, b, _, result in result == .value(.bool(a < b)) }
        try check("a <= b", seed: 6) { a, b, _, result in result == .value(.bool(a <= b)) }
        try check("a == b or a != b", seed: 7) { _, _, _, result in result == .value(.bool(true)) }
        try check("not (a > b) == (a <= b)", seed: 8) { _, _, _, result in result == .value(.bool(true)) }
    }

    @Test("arithmetic follows precedence on random operands")
    func arithmetic() throws {
        try check("a + b * c - -a", seed: 9) { a, b, c, result in result == .value(.number(a + b * c + a)) }
        try check("(a - b) * c", seed: 10) { a, b, c, result in result == .value(.number((a - b) * c)) }
        try check("abs(a - b) == abs(b - a)", seed: 11) { _, _, _, result in result == .value(.bool(true)) }
    }

    @Test("ratio and division apply exactly when the divisor is not zero")
    func division() throws {
        try check("ratio(a, b)", seed: 12) { a, b, _, result in
            b == 0 ? result.reason != nil : result == .value(.number(a / b))
        }
        try check("a / b", seed: 13) { a, b, _, result in
            b == 0 ? result.reason != nil : result == .value(.number(a / b))
        }
    }

    @Test("asymmetry of non-negative sides lies in [0, 1] and weaker_side picks the lower side")
    func bilateral() throws {
        let asymmetry = try compiled("asymmetry(pair)", scope: scope)
        let weaker = try compiled("weaker_side(pair)", scope: scope)
        var random = SeededGenerator(seed: 14)
        for _ in 0..<300 {
            let left = Double(Int.random(in: 0...120, using: &random))
            let right = Double(Int.random(in: 0...120, using: &random))
            let bindings: Bindings = ["pair": sides(left, right)]
            guard case .value(.number(let spread)) = asymmetry.evaluate(bindings, side: nil) else {
                Issue.record("asymmetry did not apply to \(left), \(right)")
                continue
            }
            #expect(spread >= 0 && spread <= 1)
            let expected: Outcome = left == right
                ? .notApplicable(reason: "weaker_side(pair): no weaker side: both sides are \(Value.format(left))")
                : .value(.string(left < right ? "left" : "right"))
            #expect(weaker.evaluate(bindings, side: nil) == expected)
        }
    }

    @Test("random text never traps the compiler, and what compiles evaluates")
    func fuzz() {
        let pieces = ["a", "b", "pair", "pair.left", "1", "0", "2.5", "'x'", "true", "not", "and", "or", "+", "-", "*",
                      "/", "<", "==", "!=", "(", ")", ",", "min(", "clamp(", "ratio(", "weaker_side(", "answered(",
                      "first(", "index(", "'", "#", ".", " "]
        var random = SeededGenerator(seed: 15)
        var compiledCount = 0
        for _ in 0..<3000 {
            let length = Int.random(in: 1...12, using: &random)
            let source = (0..<length).map { _ in pieces.randomElement(using: &random) ?? "" }.joined(separator: " ")
            let (expression, diagnostics) = Expression.compile(source, scope: scope, markAt: lineOne)
            #expect((expression == nil) != diagnostics.isEmpty, "\(source)")
            if let expression {
                compiledCount += 1
                _ = expression.evaluate(["a": number(0), "b": number(nil), "pair": sides(1, 0)], side: .left)
                _ = expression.evaluate(Bindings(), side: nil)
            }
            for diagnostic in diagnostics {
                let column = diagnostic.mark?.column ?? 0
                #expect(column >= 1 && column <= source.unicodeScalars.count + 1, "\(source): \(diagnostic)")
            }
        }
        #expect(compiledCount > 0)
    }
}
