import BackCheckExpressions
import Testing

/// Which change points depend on the varied input alone, so one person's can serve everyone
/// answering the same assessment (`ChangePoints.dependsOnTheInputAlone`).
@Suite("Change points that depend on the input alone")
struct InputAloneTests {
    static func alone(
        _ source: String, varying variation: Variation = Variation(name: "flexor_hold", side: nil),
        derived: [(name: String, source: String)] = []
    ) throws -> Bool {
        var scope = testScope
        var expressions: [String: Expression] = [:]
        for (name, source) in derived {
            expressions[name] = try compiled(source, scope: scope)
            scope.declare(name, NameInfo(kind: .number))
        }
        let expression = try compiled(source, scope: scope)
        return ChangePoints.dependsOnTheInputAlone(
            [(expression, expression.isPerSide ? [.left, .right] : [nil])], varying: variation, derived: expressions)
    }

    @Test("a comparison of the input with numbers, and parts that do not read it, depend on the input alone")
    func theInputWithNumbers() throws {
        #expect(try Self.alone("flexor_hold > 12.5"))
        #expect(try Self.alone("answered(flexor_hold) and flexor_hold >= 4"))
        #expect(try Self.alone("abs(flexor_hold - 30) * 2 > 10 or not (flexor_hold < 3)"))
        // The analysis never evaluates a part that does not read the input.
        #expect(try Self.alone("extensor_hold > 3 and flexor_hold > 5"))
        // An expression that does not read the input at all.
        #expect(try Self.alone("extensor_hold > 40"))
        #expect(try Self.alone("double > 4", derived: [("double", "flexor_hold * 2")]))
    }

    @Test("a comparison that reads another answer, or the input's other side, depends on more")
    func theInputWithOtherAnswers() throws {
        #expect(try !Self.alone("flexor_hold > extensor_hold"))
        #expect(try !Self.alone("flexor_hold / extensor_hold > 1.5"))
        #expect(try !Self.alone("ratio > 1", derived: [("ratio", "flexor_hold / extensor_hold")]))
        let left = Variation(name: "side_bridge", side: .left)
        #expect(try !Self.alone("asymmetry(side_bridge) > 0.15", varying: left))
        #expect(try !Self.alone("side_bridge.left > side_bridge.right", varying: left))
        #expect(try !Self.alone("weaker_side(side_bridge) == 'left'", varying: left))
        // A bilateral input's own side alone, in a rule applied per side.
        #expect(try Self.alone("side_bridge < 30", varying: left))
    }
}
