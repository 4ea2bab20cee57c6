import BackCheckExpressions
import BackCheckYAML
import Testing

/// Expressions compiled against one scope share the parts that never change (the node reading
/// a name, a list of names, a number written). Sharing must never let one expression's reading
/// of a name stand for another's: whole, per side and on one side are different readings, and
/// an optional name is read differently from a required one.
@Suite("Shared parts of expressions")
struct SharedPartsTests {
    /// One scope, used by every expression below, as an assessment's expressions use theirs.
    let scope: Scope = [
        "hip_angle": NameInfo(kind: .number, bilateral: true),
        "extra_hold": NameInfo(kind: .number, optional: true),
        "flexor_hold": NameInfo(kind: .number),
    ]
    let bindings = Bindings([
        "hip_angle": sides(8, -12), "extra_hold": number(nil), "flexor_hold": number(90),
    ])

    @Test func eachReadingOfANameKeepsItsOwnMeaning() throws {
        // The same name read per side, on each side, and as a whole, in one scope.
        let perSide = try compiled("hip_angle > 0", scope: scope)
        let left = try compiled("hip_angle.left > 0", scope: scope)
        let right = try compiled("hip_angle.right > 0", scope: scope)
        let worst = try compiled("min(hip_angle.left, hip_angle.right)", scope: scope)
        #expect(perSide.evaluate(bindings, side: .left) == .value(.bool(true)))
        #expect(perSide.evaluate(bindings, side: .right) == .value(.bool(false)))
        #expect(left.evaluate(bindings, side: nil) == .value(.bool(true)))
        #expect(right.evaluate(bindings, side: nil) == .value(.bool(false)))
        #expect(worst.value(bindings, side: nil) == .number(-12))
        #expect(perSide.isPerSide && !left.isPerSide && !worst.isPerSide)
        #expect(perSide.perSideNames == ["hip_angle"] && left.perSideNames.isEmpty)
        // An optional name that is not answered: `answered` says so, and a rule reading it
        // does not apply, however many expressions read it.
        #expect(try compiled("answered(extra_hold)", scope: scope).value(bindings, side: nil) == .bool(false))
        if case .notApplicable = try compiled("extra_hold > 30", scope: scope).evaluate(bindings, side: nil) {} else {
            Issue.record("a rule reading an unanswered optional input applied")
        }
    }

    @Test func listsOfNamesAndNumbersAreEachExpressionsOwn() throws {
        let both = try compiled("flexor_hold / 2 > hip_angle.left + 16", scope: scope)
        let one = try compiled("flexor_hold > 16", scope: scope)
        let again = try compiled("flexor_hold > 16", scope: scope)
        #expect(both.sortedNames == ["flexor_hold", "hip_angle"])
        #expect(one.sortedNames == ["flexor_hold"] && one.names == ["flexor_hold"])
        #expect(one == again && one != both)
        #expect(both.value(bindings, side: nil) == .bool(true))
        #expect(one.value(bindings, side: nil) == .bool(true))
        // More numbers than are kept: each is still the number written.
        for number in 0..<5_000 {
            let expression = try compiled("flexor_hold - \(number).5", scope: scope)
            #expect(expression.value(bindings, side: nil) == .number(90 - (Double(number) + 0.5)))
        }
    }
}
