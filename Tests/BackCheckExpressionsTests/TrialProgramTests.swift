import BackCheckExpressions
import Testing
import TestSupport

/// A change-point search runs each part it looks at as a program compiled for the input it
/// varies: the trial value read straight in and derived values computed in line. On random
/// expressions, derived values and answers, that program must give what the tree walk gives
/// once the trial value is bound and the derived values are computed again, as a trial does.
@Suite("Programs compiled for a search")
struct TrialProgramTests {
    /// The inputs, the profile field, and three derived values: a number for the whole
    /// person, a number per side, and a truth value.
    let scope: Scope = [
        "a": NameInfo(kind: .number), "b": NameInfo(kind: .number), "c": NameInfo(kind: .number, optional: true),
        "flag": NameInfo(kind: .boolean, optional: true), "pair": NameInfo(kind: .number, bilateral: true),
        "profile.age": NameInfo(kind: .number, optional: true),
        "whole": NameInfo(kind: .number, optional: true), "each": NameInfo(kind: .number, bilateral: true, optional: true),
        "high": NameInfo(kind: .boolean, optional: true),
    ]

    /// A random number reading the inputs, and the derived values when `derived`; with
    /// `perSide` false, nothing read on the side being evaluated (a whole-person value).
    static func number(_ depth: Int, derived: Bool, perSide: Bool = true, _ random: inout SeededGenerator) -> String {
        var leaves = ["a", "b", "c", "3", "-1.5", "pair.left", "pair.right", "asymmetry(pair)", "profile.age"]
        if perSide { leaves.append("pair") }
        if derived { leaves += perSide ? ["whole", "each", "each.left", "each.right"] : ["whole", "each.left", "each.right"] }
        return RandomExpressions.number(depth, leaves: leaves, &random)
    }

    /// A random condition over such numbers.
    static func condition(_ depth: Int, _ random: inout SeededGenerator) -> String {
        guard depth > 0 else { return ["flag", "high", "answered(c)", "answered(pair)", "answered(pair.left)"].randomElement(using: &random)! }
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return "(\(condition(depth - 1, &random)) and \(condition(depth - 1, &random)))"
        case 1: return "(\(condition(depth - 1, &random)) or \(condition(depth - 1, &random)))"
        default:
            let op = ["<", "<=", ">", ">=", "=="].randomElement(using: &random)!
            return "(\(number(2, derived: true, &random)) \(op) \(number(2, derived: true, &random)))"
        }
    }

    static func answers(_ random: inout SeededGenerator) -> Bindings {
        func value() -> Value? { RandomExpressions.answer(&random) }
        var bindings: Bindings = ["a": .single(value()), "b": .single(value())]
        if Bool.random(using: &random) { bindings["c"] = .single(value()) }
        if Bool.random(using: &random) { bindings["flag"] = .single(.bool(Bool.random(using: &random))) }
        bindings["pair"] = .bilateral(left: value(), right: value())
        if Bool.random(using: &random) { bindings["profile.age"] = .single(.number(40)) }
        return bindings
    }

    /// `answers` with `variation`'s input at `value` and the derived values computed again, in
    /// order, as a trial binds them.
    static func trial(_ answers: Bindings, _ variation: Variation, _ value: Double, derived: [(String, Expression)]) -> Bindings {
        var bindings = answers
        switch (answers[variation.name], variation.side) {
        case (.bilateral(_, let right)?, .left?): bindings[variation.name] = .bilateral(left: .number(value), right: right)
        case (.bilateral(let left, _)?, .right?): bindings[variation.name] = .bilateral(left: left, right: .number(value))
        default: bindings[variation.name] = .single(.number(value))
        }
        for (name, expression) in derived {
            bindings[name] = expression.isPerSide
                ? .bilateral(left: expression.value(bindings, side: .left), right: expression.value(bindings, side: .right))
                : .single(expression.value(bindings, side: nil))
        }
        return bindings
    }

    @Test func aSearchsProgramGivesWhatATrialGives() throws {
        var random = SeededGenerator(seed: 1212)
        var tally = Tally()
        for round in 0..<1_500 {
            let wholeSource = Self.number(2, derived: false, perSide: false, &random)
            let eachSource = "(pair + " + Self.number(2, derived: false, &random) + ") * whole"
            let highSource = "whole > " + Self.number(1, derived: false, perSide: false, &random) + " or pair.left < 0"
            let whole = try #require(Expression.compile(wholeSource, scope: scope) { _ in nil }.0, "\(wholeSource)")
            let each = try #require(Expression.compile(eachSource, scope: scope) { _ in nil }.0, "\(eachSource)")
            let high = try #require(Expression.compile(highSource, scope: scope) { _ in nil }.0, "\(highSource)")
            let derived = [("whole", whole), ("each", each), ("high", high)]
            let source = round.isMultiple(of: 2) ? Self.condition(2, &random) : Self.number(3, derived: true, &random)
            let expression = try #require(Expression.compile(source, scope: scope) { _ in nil }.0, "\(source)")
            let answers = Self.answers(&random)
            for variation in [Variation(name: "a", side: nil), Variation(name: "pair", side: .left), Variation(name: "pair", side: .right)] {
                let sides: [Side?] = expression.isPerSide ? [.left, .right] : [nil]
                for side in sides {
                    let compiled = try #require(
                        ChangePoints.trialValue(of: expression, side: side, varying: variation, derived: Dictionary(uniqueKeysWithValues: derived)),
                        "\(source)")
                    // Held bindings have some other trial value bound, as a search's do.
                    let held = Self.trial(answers, variation, 7.25, derived: derived)
                    for value in [-10.0, -0.5, 0, 2, 9.5] {
                        // The tree walk, as the search looked before it compiled.
                        let walked = expression.evaluate(Self.trial(answers, variation, value, derived: derived), side: side).value
                        let expected: Double? = switch walked {
                        case .number(let number)?: number
                        case .bool(let flag)?: flag ? 1 : 0
                        default: nil
                        }
                        #expect(compiled(held, value) == expected, "\(source) with \(variation) at \(value), on \(side.map(\.rawValue) ?? "no side")")
                        tally.count(applies: expected != nil)
                    }
                }
            }
        }
        #expect(tally.compared > 20_000)
        #expect(tally.applied > tally.compared / 5 && tally.applied < tally.compared * 4 / 5)
    }

    @Test func whatASearchCannotCompileIsSaid() throws {
        let scope: Scope = ["pair": NameInfo(kind: .number, bilateral: true), "whole": NameInfo(kind: .number, optional: true)]
        let whole = try #require(Expression.compile("pair.left * 2", scope: scope) { _ in nil }.0)
        let asks = try #require(Expression.compile("answered(whole)", scope: scope) { _ in nil }.0)
        let texts = try #require(Expression.compile("weaker_side(pair) == 'left'", scope: scope) { _ in nil }.0)
        for expression in [asks, texts] {
            #expect(ChangePoints.trialValue(of: expression, side: nil, varying: Variation(name: "pair", side: .left), derived: ["whole": whole]) == nil)
        }
    }

    /// Derived values are compiled one inside another down a chain, up to a depth: a longer
    /// chain keeps the tree walk rather than recursing as deep as the chain is long.
    @Test func aLongChainOfDerivedValuesKeepsTheWalk() throws {
        var scope: Scope = ["x": NameInfo(kind: .number)]
        var derived: [String: Expression] = [:]
        var previous = "x"
        for level in 1...40 {
            derived["d\(level)"] = try #require(Expression.compile("\(previous) + 1", scope: scope) { _ in nil }.0)
            scope.declare("d\(level)", NameInfo(kind: .number))
            previous = "d\(level)"
        }
        let held: Bindings = ["x": .single(.number(0))]
        let short = try #require(Expression.compile("d10 * 2", scope: scope) { _ in nil }.0)
        let compiled = try #require(ChangePoints.trialValue(of: short, side: nil, varying: Variation(name: "x", side: nil), derived: derived))
        #expect(compiled(held, 5) == 30)
        let long = try #require(Expression.compile("d40 > 3", scope: scope) { _ in nil }.0)
        #expect(ChangePoints.trialValue(of: long, side: nil, varying: Variation(name: "x", side: nil), derived: derived) == nil)
    }
}
