import BackCheckExpressions
import Testing

/// Which expressions read the varied input, and besides it only whether some conditions hold
/// (`ChangePoints.heldConditions`): what the input's values raise is then shared by everyone
/// whose conditions come out the same way.
@Suite("Conditions held apart from the input")
struct HeldConditionsTests {
    static func held(
        _ source: String, varying variation: Variation = Variation(name: "flexor_hold", side: nil),
        derived: [(name: String, source: String, kind: ValueKind)] = []
    ) throws -> HeldConditions? {
        var scope = testScope
        var expressions: [String: Expression] = [:]
        for (name, source, kind) in derived {
            expressions[name] = try compiled(source, scope: scope)
            scope.declare(name, NameInfo(kind: kind))
        }
        let expression = try compiled(source, scope: scope)
        return ChangePoints.heldConditions(
            in: [(expression, expression.isPerSide ? [.left, .right] : [nil])], varying: variation, derived: expressions)
    }

    @Test("the input with numbers holds nothing apart; a truth value that does not read it is held")
    func conditionsBesideTheInput() throws {
        #expect(try Self.held("flexor_hold > 12.5")?.count == 0)
        #expect(try Self.held("answered(flexor_hold) and flexor_hold >= 4")?.count == 0)
        #expect(try Self.held("extensor_hold > 3 and flexor_hold > 5")?.count == 1)
        #expect(try Self.held("not (pain or extensor_hold > 3) or flexor_hold > 5")?.count == 1)
        #expect(try Self.held("answered(extra_hold) and extra_hold > 2 and flexor_hold < 9")?.count == 1)
        // Through a derived truth value, and one held inside it.
        #expect(try Self.held("tired and flexor_hold > 5", derived: [("tired", "extensor_hold < 20", .boolean)])?.count == 1)
        #expect(try Self.held("both", derived: [("both", "extensor_hold < 20 and flexor_hold > 5", .boolean)])?.count == 1)
        // Per side: the other side's comparison, where the rule reads each side in turn.
        let left = Variation(name: "side_bridge", side: .left)
        #expect(try Self.held("side_bridge < 30", varying: left)?.count == 1)
    }

    @Test("an input mixed with another answer's value, or its other side's, is not held apart")
    func theInputMixedWithOtherValues() throws {
        #expect(try Self.held("flexor_hold > extensor_hold") == nil)
        #expect(try Self.held("flexor_hold - extensor_hold > 30 and pain") == nil)
        #expect(try Self.held("ratio > 1", derived: [("ratio", "flexor_hold / extensor_hold", .number)]) == nil)
        let left = Variation(name: "side_bridge", side: .left)
        #expect(try Self.held("asymmetry(side_bridge) > 0.15", varying: left) == nil)
        #expect(try Self.held("weaker_side(side_bridge) == 'left'", varying: left) == nil)
    }

    @Test("each held condition comes out true, false or not applying")
    func outcomes() throws {
        // A run of held parts joined together is one condition: only how it comes out counts.
        #expect(try Self.held("extensor_hold > 30 and extra_hold > 2 and pain and flexor_hold > 5")?.count == 1)
        let held = try #require(try Self.held(
            "(extensor_hold > 30 or flexor_hold > 5) and (extra_hold > 2 or flexor_hold < 1) and (pain or flexor_hold > 9)"))
        #expect(held.count == 3)
        let bindings = Bindings([
            "extensor_hold": .single(.number(40)), "extra_hold": .single(nil), "pain": .single(.bool(false)),
            "flexor_hold": .single(.number(1)),
        ])
        #expect(held.outcomes(in: bindings) == [1, 2, 0])
    }
}
