import BackCheckExpressions
import Testing

@Suite("Rules that do not apply")
struct NotApplicableTests {
    @Test("division by zero names the divisor")
    func divisionByZero() throws {
        let bindings: Bindings = ["flexor_hold": number(120), "extensor_hold": number(0)]
        #expect(try outcome("flexor_hold / extensor_hold > 1", bindings) == .notApplicable(
            reason: "flexor_hold / extensor_hold: extensor_hold is 0, so the division does not apply"))
        #expect(try outcome("1 / (2 - 2)") == .notApplicable(
            reason: "1 / (2 - 2): (2 - 2) is 0, so the division does not apply"))
    }

    @Test("a skipped optional input never counts as zero")
    func skippedOptional() throws {
        let skipped: Bindings = ["extra_hold": number(nil)]
        #expect(try outcome("extra_hold + 1", skipped) == .notApplicable(reason: "extra_hold was skipped"))
        #expect(try outcome("extra_hold * 0", skipped) == .notApplicable(reason: "extra_hold was skipped"))
        #expect(try outcome("min(extra_hold, 3)", skipped) == .notApplicable(reason: "extra_hold was skipped"))
    }

    @Test("an input with no binding at all was not answered")
    func missing() throws {
        #expect(try outcome("flexor_hold > 1") == .notApplicable(reason: "flexor_hold was not answered"))
        #expect(try outcome("hip_angle.right > 1") == .notApplicable(reason: "hip_angle.right was not answered"))
    }

    @Test("a profile field left out of the profile")
    func missingProfile() throws {
        #expect(try outcome("profile.age > 40") == .notApplicable(reason: "profile.age is not in the profile"))
        #expect(try outcome("profile.sex == 'male'", ["profile.sex": .single(nil)]) == .notApplicable(
            reason: "profile.sex is not in the profile"))
    }

    @Test("a value of the wrong kind at run time is reported, not coerced")
    func runtimeMismatch() throws {
        #expect(try outcome("flexor_hold > 1", ["flexor_hold": .single(.string("ten"))]) == .notApplicable(
            reason: "flexor_hold should be a number, found a string (ten)"))
        #expect(try outcome("hip_angle > 1", ["hip_angle": .bilateral(left: .bool(true), right: nil)], side: .left)
            == .notApplicable(reason: "hip_angle.left should be a number, found true or false (true)"))
        #expect(try outcome("asymmetry(side_bridge)", ["side_bridge": .bilateral(left: .number(1), right: .string("x"))])
            == .notApplicable(reason: "side_bridge.right should be a number, found a string (x)"))
        #expect(try outcome("weaker_side(side_bridge)", ["side_bridge": number(4)]) == .notApplicable(
            reason: "weaker_side(side_bridge): side_bridge has one value, not one per side"))
    }

    @Test("a result too large to represent does not apply")
    func overflow() throws {
        #expect(try outcome("flexor_hold * flexor_hold", ["flexor_hold": number(1e200)]) == .notApplicable(
            reason: "flexor_hold * flexor_hold: the result is too large to use"))
        #expect(try outcome("ratio(flexor_hold, 1e-200)", ["flexor_hold": number(1e200)]) == .notApplicable(
            reason: "ratio(flexor_hold, 1e-200): the result is too large to use"))
    }

    @Test("and/or: a side that decides the result wins over one that does not apply")
    func shortCircuit() throws {
        let painFree: Bindings = ["pain": .single(.bool(false))]
        #expect(try outcome("pain and flexor_hold > 3", painFree) == .value(.bool(false)))
        #expect(try outcome("flexor_hold > 3 and pain", painFree) == .value(.bool(false)))
        #expect(try outcome("flexor_hold > 3 or not pain", painFree) == .value(.bool(true)))
        #expect(try outcome("not pain or flexor_hold > 3", painFree) == .value(.bool(true)))
        let painful: Bindings = ["pain": .single(.bool(true))]
        #expect(try outcome("pain and flexor_hold > 3", painful) == .notApplicable(reason: "flexor_hold was not answered"))
        #expect(try outcome("flexor_hold > 3 and pain", painful) == .notApplicable(reason: "flexor_hold was not answered"))
        #expect(try outcome("pain or flexor_hold > 3", painful) == .value(.bool(true)))
        #expect(try outcome("not pain or flexor_hold > 3", painful) == .notApplicable(reason: "flexor_hold was not answered"))
    }

    @Test("comparisons and not pass a non-applying operand on")
    func propagation() throws {
        #expect(try outcome("not (flexor_hold > 3)") == .notApplicable(reason: "flexor_hold was not answered"))
        #expect(try outcome("grip == 'strong'") == .notApplicable(reason: "grip was not answered"))
        #expect(try outcome("-flexor_hold") == .notApplicable(reason: "flexor_hold was not answered"))
    }
}
