import BackCheckExpressions
import Dispatch
import Foundation
import Synchronization
import Testing
import TestSupport

/// `value(_:side:)` runs an expression's compiled form; `evaluate(_:side:)` walks its tree to
/// write reasons. On random expressions and answers — missing values, zero divisors, sides,
/// Kleene logic — the two must agree on every value and on where nothing applies.
@Suite("Compiled expressions")
struct CompiledProgramTests {
    let scope: Scope = [
        "a": NameInfo(kind: .number), "b": NameInfo(kind: .number), "c": NameInfo(kind: .number, optional: true),
        "flag": NameInfo(kind: .boolean, optional: true), "pair": NameInfo(kind: .number, bilateral: true),
        "grip": NameInfo(kind: .string),
    ]

    /// A random expression giving a number (`depth` levels deep at most).
    static func number(_ depth: Int, _ random: inout SeededGenerator) -> String {
        RandomExpressions.number(
            depth, leaves: ["a", "b", "c", "0", "2", "-1.5", "pair", "pair.left", "pair.right", "asymmetry(pair)", "profile.age"], &random)
    }

    /// A random condition.
    static func condition(_ depth: Int, _ random: inout SeededGenerator) -> String {
        let leaves = ["flag", "answered(c)", "answered(flag)", "answered(pair)", "true", "false"]
        guard depth > 0 else { return leaves.randomElement(using: &random)! }
        switch Int.random(in: 0..<7, using: &random) {
        case 0: return "(\(condition(depth - 1, &random)) and \(condition(depth - 1, &random)))"
        case 1: return "(\(condition(depth - 1, &random)) or \(condition(depth - 1, &random)))"
        case 2: return "not \(condition(depth - 1, &random))"
        case 3: return "((\(condition(depth - 1, &random))) == (\(condition(depth - 1, &random))))"
        default:
            let op = ["<", "<=", ">", ">=", "==", "!="].randomElement(using: &random)!
            return "(\(number(depth - 1, &random)) \(op) \(number(depth - 1, &random)))"
        }
    }

    static func bindings(_ random: inout SeededGenerator) -> Bindings {
        func value() -> Value? { RandomExpressions.answer(&random) }
        var bindings: Bindings = ["a": .single(value()), "b": .single(value()), "grip": .single(.string("x"))]
        if Bool.random(using: &random) { bindings["c"] = .single(value()) }
        if Bool.random(using: &random) { bindings["flag"] = .single(Bool.random(using: &random) ? .bool(true) : nil) }
        bindings["pair"] = Int.random(in: 0..<4, using: &random) == 0 ? .single(value()) : .bilateral(left: value(), right: value())
        if Bool.random(using: &random) { bindings["profile.age"] = .single(.number(40)) }
        return bindings
    }

    @Test func theCompiledFormAgreesWithTheTreeWalk() throws {
        var random = SeededGenerator(seed: 2026)
        var tally = Tally()
        for round in 0..<3_000 {
            let source = round.isMultiple(of: 2) ? Self.condition(3, &random) : Self.number(3, &random)
            let (expression, diagnostics) = Expression.compile(source, scope: scope) { _ in nil }
            let compiled = try #require(expression, "\(source): \(diagnostics)")
            for _ in 0..<8 {
                let bindings = Self.bindings(&random)
                for side in [nil, Side.left, .right] {
                    let fast = compiled.value(bindings, side: side)
                    let tree = compiled.evaluate(bindings, side: side).value
                    #expect(fast == tree, "\(source) on \(side.map(\.rawValue) ?? "no side")")
                    tally.count(applies: tree != nil)
                }
            }
        }
        // Both kinds of outcome are well represented.
        #expect(tally.compared == 72_000)
        #expect(tally.applied > 15_000 && tally.applied < 60_000)
    }

    /// An expression is compiled to its flat form when first run; several threads running a
    /// new one at the same moment (a batch's workers) each get the tree walk's value. (Run
    /// under `--sanitize=thread`, this also finds any unguarded write of the program.)
    @Test func aFirstRunOnManyThreadsAtOnceAgrees() throws {
        var random = SeededGenerator(seed: 5)
        let threads = 4
        for round in 0..<100 {
            let source = round.isMultiple(of: 2) ? Self.condition(3, &random) : Self.number(3, &random)
            let compiled = try #require(Expression.compile(source, scope: scope) { _ in nil }.0)
            let bindings = Self.bindings(&random)
            let expected = compiled.evaluate(bindings, side: .left).value
            let arrived = Atomic<Int>(0)
            let differing = Atomic<Int>(0)
            let finished = DispatchGroup()
            for _ in 0..<threads {
                finished.enter()
                Thread.detachNewThread {
                    // Every thread waits for the others, so their first runs overlap.
                    arrived.add(1, ordering: .relaxed)
                    while arrived.load(ordering: .relaxed) < threads {}
                    if compiled.value(bindings, side: .left) != expected { differing.add(1, ordering: .relaxed) }
                    finished.leave()
                }
            }
            finished.wait()
            #expect(differing.load(ordering: .relaxed) == 0, "\(source)")
        }
    }

    @Test func textsAndSequencesStillEvaluate() throws {
        let scope: Scope = ["grip": NameInfo(kind: .string), "pair": NameInfo(kind: .number, bilateral: true)]
        let bindings: Bindings = ["grip": .single(.string("wide")), "pair": .bilateral(left: .number(3), right: .number(5))]
        for (source, expected) in [("grip == 'wide'", Value.bool(true)), ("weaker_side(pair)", .string("left"))] {
            let (expression, _) = Expression.compile(source, scope: scope) { _ in nil }
            #expect(try #require(expression).value(bindings, side: nil) == expected)
        }
    }
}
