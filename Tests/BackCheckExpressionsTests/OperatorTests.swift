import BackCheckExpressions
import Testing

@Suite("Literals, operators and precedence")
struct OperatorTests {
    @Test("literals", arguments: [
        ("12", Value.number(12)), ("0.5", .number(0.5)), ("1.5e2", .number(150)),
        ("true", .bool(true)), ("false", .bool(false)),
        ("'glute-max'", .string("glute-max")), ("'it''s'", .string("it's")), ("''", .string("")),
    ])
    func literal(source: String, expected: Value) throws {
        #expect(try outcome(source) == .value(expected))
    }

    @Test("arithmetic precedence and associativity", arguments: [
        ("1 + 2 * 3", 7.0), ("(1 + 2) * 3", 9), ("10 - 4 - 3", 3), ("10 - (4 - 3)", 9),
        ("12 / 4 / 3", 1), ("12 / (4 / 2)", 6), ("-2 * 3", -6), ("- 2 - -3", 1), ("--4", 4),
        ("2 * -3 + 1", -5), ("7 - 2 * 3 / 2", 4), ("-(1 + 2) * 2", -6),
    ])
    func arithmetic(source: String, expected: Double) throws {
        #expect(try outcome(source) == .value(.number(expected)))
    }

    @Test("logical precedence: or < and < not < comparison", arguments: [
        ("true or false and false", true),     // and binds tighter than or
        ("false and true or true", true),
        ("not false and false", false),        // not binds tighter than and
        ("not 1 > 2", true),                   // comparison binds tighter than not
        ("not not true", true),
        ("1 + 2 > 2 and 3 < 2 or true", true),
        ("1 + 2 > 2 and (3 < 2 or false)", false),
        ("2 * 3 == 6", true),
    ])
    func logic(source: String, expected: Bool) throws {
        #expect(try outcome(source) == .value(.bool(expected)))
    }

    @Test("comparisons", arguments: [
        ("1 < 2", true), ("2 < 2", false), ("2 <= 2", true), ("3 <= 2", false),
        ("3 > 2", true), ("2 > 2", false), ("2 >= 2", true), ("1 >= 2", false),
        ("2 == 2.0", true), ("2 != 2", false), ("'a' == 'a'", true), ("'a' != 'b'", true),
        ("true == true", true), ("true != false", true), ("(1 < 2) == (3 < 4)", true),
    ])
    func comparison(source: String, expected: Bool) throws {
        #expect(try outcome(source) == .value(.bool(expected)))
    }

    @Test("names of every kind read their bindings")
    func names() throws {
        let bindings: Bindings = [
            "flexor_hold": number(90), "pain": .single(.bool(true)), "grip": .single(.string("strong")),
            "firing_order": .single(.sequence(["glute_max", "erectors"])),
            "profile.age": number(29), "profile.sex": .single(.string("female")),
        ]
        #expect(try outcome("flexor_hold / 2", bindings) == .value(.number(45)))
        #expect(try outcome("pain", bindings) == .value(.bool(true)))
        #expect(try outcome("grip == 'strong'", bindings) == .value(.bool(true)))
        #expect(try outcome("firing_order", bindings) == .value(.sequence(["glute_max", "erectors"])))
        #expect(try outcome("profile.age >= 18 and profile.sex == 'female'", bindings) == .value(.bool(true)))
    }

    @Test("whitespace, tabs and line breaks separate tokens")
    func whitespace() throws {
        #expect(try outcome(" 1\t+\n2 ") == .value(.number(3)))
        #expect(try outcome("1+2*3") == .value(.number(7)))
    }

    @Test("the result kind is known from the expression")
    func resultKind() throws {
        #expect(try compiled("hip_angle > 0").resultKind == .boolean)
        #expect(try compiled("hip_angle + 1").resultKind == .number)
        #expect(try compiled("first(firing_order)").resultKind == .string)
        #expect(try compiled("weaker_side(side_bridge)").resultKind == .string)
        #expect(try compiled("answered(extra_hold)").resultKind == .boolean)
        #expect(try compiled("firing_order").resultKind == .sequence)
        #expect(try compiled("'x'").resultKind == .string)
    }

    @Test("names lists every name referred to, a pinned side under its input")
    func referredNames() throws {
        let expression = try compiled("hip_angle.left + knee_flexion > profile.age and answered(extra_hold)")
        #expect(expression.names == ["hip_angle", "knee_flexion", "profile.age", "extra_hold"])
        // Each once, in order, however often written.
        #expect(try compiled("knee_flexion.left + hip_angle > hip_angle and answered(extra_hold) or knee_flexion.right > 0").sortedNames == ["extra_hold", "hip_angle", "knee_flexion"])
        #expect(try compiled("1 + 2").names.isEmpty)
    }

    @Test("an expression prints and compares as its source")
    func identity() throws {
        let one = try compiled("hip_angle > 0")
        let again = try compiled("hip_angle > 0")
        #expect(one.description == "hip_angle > 0")
        #expect(one.source == "hip_angle > 0")
        #expect(one == again)
        #expect(one != (try compiled("hip_angle >= 0")))
    }

    @Test("a long flat chain within the length limit compiles and evaluates")
    func longChain() throws {
        let source = Array(repeating: "1", count: 2000).joined(separator: "+")
        #expect(try outcome(source) == .value(.number(2000)))
    }
}

/// Decimal measurements compare as an author means them, not as binary floating point does.
@Suite("Comparison of decimals")
struct DecimalComparisonTests {
    @Test(arguments: [("4.1 - 2.1 >= 2", true), ("4.1 - 2.1 > 2", false), ("4.1 - 2.1 == 2", true),
                      ("0.1 + 0.2 <= 0.3", true), ("0.1 + 0.2 < 0.3", false), ("4.1 - 2.1 != 2", false),
                      ("2.0001 > 2", true), ("1.9999 >= 2", false)])
    func decimalsCompareAsWritten(source: String, expected: Bool) throws {
        let (expression, problems) = Expression.compile(source, scope: Scope(), markAt: { _ in nil })
        #expect(problems.isEmpty)
        #expect(try #require(expression).evaluate(Bindings(), side: nil) == .value(.bool(expected)))
    }
}
