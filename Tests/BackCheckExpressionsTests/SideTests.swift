import BackCheckExpressions
import Testing

@Suite("Per-side evaluation and pinned sides")
struct SideTests {
    let thomas: Bindings = ["hip_angle": sides(8, -12), "knee_flexion": sides(60, 85)]

    @Test("a bare bilateral name is evaluated once per side")
    func perSide() throws {
        let rule = try compiled("hip_angle > 0")
        #expect(rule.isPerSide)
        #expect(rule.perSideNames == ["hip_angle"])
        #expect(rule.evaluate(thomas, side: .left) == .value(.bool(true)))
        #expect(rule.evaluate(thomas, side: .right) == .value(.bool(false)))
    }

    @Test("a per-side expression without a side does not apply, and says why")
    func perSideWithoutSide() throws {
        let rule = try compiled("hip_angle > 0")
        #expect(rule.evaluate(thomas, side: nil) == .notApplicable(
            reason: "hip_angle > 0: hip_angle has a value per side, so it needs a side to be evaluated"))
    }

    @Test("inside functions a bare bilateral name is still per side")
    func perSideInFunctions() throws {
        let severity = try compiled("clamp(hip_angle / 4, 0, 1) + min(knee_flexion, 70) / 4")
        #expect(severity.isPerSide)
        #expect(severity.perSideNames == ["hip_angle", "knee_flexion"])
        #expect(severity.evaluate(thomas, side: .left) == .value(.number(16)))
        #expect(severity.evaluate(thomas, side: .right) == .value(.number(17.5)))
    }

    @Test(".left and .right pin a side, whatever side is being evaluated")
    func pinned() throws {
        let worst = try compiled("max(hip_angle.left, hip_angle.right)")
        #expect(!worst.isPerSide)
        #expect(worst.perSideNames.isEmpty)
        #expect(worst.evaluate(thomas, side: nil) == .value(.number(8)))
        #expect(worst.evaluate(thomas, side: .right) == .value(.number(8)))
        let mixed = try compiled("hip_angle - hip_angle.right")
        #expect(mixed.isPerSide)
        #expect(mixed.evaluate(thomas, side: .left) == .value(.number(20)))
        #expect(mixed.evaluate(thomas, side: .right) == .value(.number(0)))
    }

    @Test("a side given to an expression without bilateral names is ignored")
    func sideIgnored() throws {
        let rule = try compiled("flexor_hold > 60")
        #expect(!rule.isPerSide)
        #expect(rule.evaluate(["flexor_hold": number(90)], side: .right) == .value(.bool(true)))
    }

    @Test("a missing side only stops that side")
    func oneSideSkipped() throws {
        let rule = try compiled("hip_angle > 0")
        let halfAnswered: Bindings = ["hip_angle": sides(nil, 4)]
        #expect(rule.evaluate(halfAnswered, side: .left) == .notApplicable(reason: "hip_angle.left was not answered"))
        #expect(rule.evaluate(halfAnswered, side: .right) == .value(.bool(true)))
    }

    @Test("one value bound to a bilateral name stands for both sides")
    func singleForBilateral() throws {
        let rule = try compiled("hip_angle + hip_angle.right")
        #expect(rule.evaluate(["hip_angle": number(3)], side: .left) == .value(.number(6)))
    }

    @Test("two values bound to a single-valued name do not apply")
    func bilateralForSingle() throws {
        #expect(try outcome("flexor_hold > 1", ["flexor_hold": sides(1, 2)]) == .notApplicable(
            reason: "flexor_hold has a value per side, but the expression reads it as one value"))
    }

    @Test("sides order left before right")
    func sideOrder() {
        #expect(Side.left < Side.right)
        #expect(!(Side.right < Side.left))
        #expect([Side.right, .left].sorted() == [.left, .right])
        #expect(Side.allCases == [.left, .right])
        #expect(Side.left.opposite == .right)
    }
}
