import BackCheckExpressions
import Testing

@Suite("Functions")
struct FunctionTests {
    @Test("min and max take two or more numbers", arguments: [
        ("min(3, 1)", 1.0), ("min(3, 1, 2)", 1), ("min(-4, 0)", -4), ("max(3, 1)", 3), ("max(3, 1, 7, 2)", 7),
        ("max(-4, -9)", -4), ("min(2, 2)", 2),
    ])
    func minMax(source: String, expected: Double) throws {
        #expect(try outcome(source) == .value(.number(expected)))
    }

    @Test("abs", arguments: [("abs(-4)", 4.0), ("abs(4)", 4), ("abs(0)", 0), ("abs(2 - 7.5)", 5.5)])
    func absolute(source: String, expected: Double) throws {
        #expect(try outcome(source) == .value(.number(expected)))
    }

    @Test("clamp keeps a value within its bounds", arguments: [
        ("clamp(5, 0, 3)", 3.0), ("clamp(-1, 0, 3)", 0), ("clamp(2, 0, 3)", 2), ("clamp(0.2, 0.3, 1)", 0.3),
        ("clamp(3, 3, 3)", 3),
    ])
    func clamp(source: String, expected: Double) throws {
        #expect(try outcome(source) == .value(.number(expected)))
    }

    @Test("clamp with its bounds the wrong way round does not apply")
    func clampInverted() throws {
        #expect(try outcome("clamp(2, 5, 1)") == .notApplicable(
            reason: "clamp(2, 5, 1): the lower bound 5 is above the upper bound 1"))
    }

    @Test("ratio divides, and does not apply when the divisor is 0")
    func ratio() throws {
        let holds: Bindings = ["flexor_hold": number(120), "extensor_hold": number(80)]
        #expect(try outcome("ratio(flexor_hold, extensor_hold)", holds) == .value(.number(1.5)))
        let zero: Bindings = ["flexor_hold": number(120), "extensor_hold": number(0)]
        #expect(try outcome("ratio(flexor_hold, extensor_hold) >= 1.0", zero) == .notApplicable(
            reason: "ratio(flexor_hold, extensor_hold): extensor_hold is 0, so the ratio does not apply"))
    }

    @Test("first gives the first item of a sequence")
    func first() throws {
        let order: Bindings = ["firing_order": .single(.sequence(["erectors", "glute_max"]))]
        #expect(try outcome("first(firing_order)", order) == .value(.string("erectors")))
        #expect(try outcome("first(firing_order) == 'erectors'", order) == .value(.bool(true)))
        let empty: Bindings = ["firing_order": .single(.sequence([]))]
        #expect(try outcome("first(firing_order)", empty) == .notApplicable(
            reason: "first(firing_order): firing_order is empty"))
    }

    @Test("index gives the 0-based position, -1 when absent", arguments: [
        ("index(firing_order, 'erectors')", 0.0), ("index(firing_order, 'glute_max')", 1),
        ("index(firing_order, 'hamstrings')", 2), ("index(firing_order, 'obliques')", -1),
    ])
    func index(source: String, expected: Double) throws {
        let order: Bindings = ["firing_order": .single(.sequence(["erectors", "glute_max", "hamstrings"]))]
        #expect(try outcome(source, order) == .value(.number(expected)))
    }

    @Test("answered is false for a skipped or absent input, and never makes a rule not apply")
    func answered() throws {
        let skipped: Bindings = ["extra_hold": number(nil)]
        #expect(try outcome("answered(extra_hold)", skipped) == .value(.bool(false)))
        #expect(try outcome("answered(extra_hold)") == .value(.bool(false)))
        #expect(try outcome("answered(extra_hold)", ["extra_hold": number(30)]) == .value(.bool(true)))
        #expect(try outcome("answered(extra_hold) and extra_hold > 20", skipped) == .value(.bool(false)))
        #expect(try outcome("not answered(extra_hold) or extra_hold > 20", skipped) == .value(.bool(true)))
        #expect(try outcome("answered(extra_hold) and extra_hold > 20", ["extra_hold": number(30)]) == .value(.bool(true)))
    }

    @Test("answered on a bilateral input means both sides; a pinned side checks that side")
    func answeredBilateral() throws {
        let oneSide: Bindings = ["balance": .bilateral(left: .bool(true), right: nil)]
        let expression = try compiled("answered(balance)")
        #expect(!expression.isPerSide)
        #expect(expression.evaluate(oneSide, side: nil) == .value(.bool(false)))
        #expect(try outcome("answered(balance.left)", oneSide) == .value(.bool(true)))
        #expect(try outcome("answered(balance.right)", oneSide) == .value(.bool(false)))
        let both: Bindings = ["balance": .bilateral(left: .bool(true), right: .bool(false))]
        #expect(expression.evaluate(both, side: nil) == .value(.bool(true)))
    }

    @Test("weaker_side names the side with the lower value")
    func weakerSide() throws {
        let expression = try compiled("weaker_side(side_bridge)")
        #expect(!expression.isPerSide)
        #expect(expression.evaluate(["side_bridge": sides(60, 85)], side: nil) == .value(.string("left")))
        #expect(expression.evaluate(["side_bridge": sides(85, 60)], side: nil) == .value(.string("right")))
        #expect(expression.evaluate(["side_bridge": sides(85, 60)], side: .left) == .value(.string("right")))
        #expect(expression.evaluate(["side_bridge": sides(60, 60)], side: nil) == .notApplicable(
            reason: "weaker_side(side_bridge): no weaker side: both sides are 60"))
        #expect(expression.evaluate(["side_bridge": sides(60, nil)], side: nil) == .notApplicable(
            reason: "side_bridge.right was not answered"))
        #expect(try outcome("weaker_side(side_bridge) == 'left'", ["side_bridge": sides(50, 85)]) == .value(.bool(true)))
    }

    @Test("asymmetry is the difference over the larger side", arguments: [
        (60.0, 80.0, 0.25), (80, 60, 0.25), (50, 50, 0), (0, 0, 0), (0, 10, 1), (-10, 10, 2),
    ])
    func asymmetry(left: Double, right: Double, expected: Double) throws {
        let expression = try compiled("asymmetry(side_bridge)")
        #expect(!expression.isPerSide)
        #expect(expression.evaluate(["side_bridge": sides(left, right)], side: nil) == .value(.number(expected)))
    }

    @Test("functions nest and take expressions as arguments")
    func nesting() throws {
        let bindings: Bindings = ["hip_angle": sides(6, -3)]
        #expect(try outcome("clamp(hip_angle / 15, 0.3, 1)", bindings, side: .left) == .value(.number(0.4)))
        #expect(try outcome("clamp(hip_angle / 15, 0.3, 1)", bindings, side: .right) == .value(.number(0.3)))
        #expect(try outcome("max(abs(hip_angle.left), abs(hip_angle.right), min(1, 2))", bindings) == .value(.number(6)))
        #expect(try outcome("round_off == 1", scope: ["round_off": NameInfo(kind: .number)]) == .notApplicable(
            reason: "round_off was not answered"))
    }
}
