import BackCheckExpressions
import BackCheckYAML
import Testing

/// Each case: the expression, the 1-based column of the problem inside it, and the message.
@Suite("Compile errors point at the exact character")
struct CompileErrorTests {
    @Test("syntax errors", arguments: [
        ("hip_angle # 2", 11, "unexpected character '#'"),
        ("pain && pain", 6, "unexpected character '&'; write 'and'"),
        ("pain || pain", 6, "unexpected character '|'; write 'or'"),
        ("hip_angle.left = 3", 16, "unexpected character '='; write '==' to compare"),
        ("!pain", 1, "unexpected character '!'; write 'not', or '!=' to compare"),
        ("grip == \"x\"", 9, "unexpected character '\"'; strings use single quotes: 'like this'"),
        ("flexor_hold > .5", 15, "unexpected character '.'; write a digit before the point, like 0.5"),
        ("profile.sex == 'female", 16, "unterminated string: add a closing ' quote"),
        ("(1 + 2", 7, "missing ')' to close the '(' at column 1"),
        ("2 * (1 + (2 - 3)", 17, "missing ')' to close the '(' at column 5"),
        ("min(1, 2", 9, "missing ')' to close 'min(' at column 4"),
        ("min(1 2)", 7, "expected ',' or ')' in the arguments of min, found '2'"),
        ("hip_angle > 0 foo", 15, "unexpected 'foo' after the end of the expression"),
        ("(1 + 2))", 8, "unexpected ')' after the end of the expression"),
        ("1 'it''s'", 3, "unexpected 'it''s' after the end of the expression"),
        ("hip_angle >", 12, "expected a value after '>', found the end of the expression"),
        ("1 + * 2", 5, "expected a value after '+', found '*'"),
        (")", 1, "expected a value, found ')'"),
        ("", 1, "empty expression"),
        ("   ", 1, "empty expression"),
        ("1 < 2 < 3", 7, "comparisons cannot be chained; join them with 'and', as in a < b and b < c"),
        ("12abc > 1", 1, "'12abc' is not a number; names start with a letter"),
        ("1e999 > 1", 1, "the number 1e999 is too large"),
    ])
    func syntax(source: String, column: Int, message: String) {
        let found = problems(source)
        // A syntax error comes first; names the scope lacks follow it (the same pass).
        #expect(found.first?.message == message)
        #expect(found.dropFirst().allSatisfy { $0.message.hasPrefix("unknown name '") }, "\(found)")
        #expect(found.first?.mark == SourceMark(file: "x.yaml", line: 1, column: column))
        #expect(found.first?.severity == .error)
    }

    @Test("a syntax error does not hide a misspelt name")
    func syntaxErrorAndUnknownName() {
        let found = problems("hip_angel > 20%")
        #expect(found.map(\.message) == [
            "unexpected character '%'; write a percentage as a plain number (20, not 20%), in the unit the input is measured in",
            "unknown name 'hip_angel'; did you mean 'hip_angle'?",
        ])
        #expect(found.last?.mark == SourceMark(file: "x.yaml", line: 1, column: 1))
        #expect(problems("hip_angle > 0 foo").map(\.message).last == "unknown name 'foo'")
        #expect(problems("grip == \"x\"").count == 1)
    }

    @Test("name and function errors", arguments: [
        ("hip_angel > 0", 1, "unknown name 'hip_angel'; did you mean 'hip_angle'?"),
        ("1 + hip_angel.left", 5, "unknown name 'hip_angel'; did you mean 'hip_angle'?"),
        ("profile.agee > 40", 1, "unknown name 'profile.agee'; did you mean 'profile.age'?"),
        ("flexor_hold.left > 3", 12,
         "'flexor_hold' has one value, not one per side, so '.left' does not apply; write flexor_hold"),
        ("hip_angle.lft > 3", 10, "'hip_angle' has the sides .left and .right, not '.lft'; did you mean 'left'?"),
        ("min > 3", 1, "'min' is a function; call it as min(a, b, ...)"),
        ("mn(1, 2)", 1, "unknown function 'mn'; did you mean 'min'?"),
        ("2 * wobble(1)", 5,
         "unknown function 'wobble'; the functions are min, max, abs, clamp, ratio, first, index, answered, weaker_side, asymmetry"),
        ("hip_angle(1)", 1, "'hip_angle' is not a function; remove the parentheses after it"),
        ("clamp(1, 2)", 1, "clamp takes 3 arguments, found 2"),
        ("abs(1, 2)", 1, "abs takes 1 argument, found 2"),
        ("ratio(1)", 1, "ratio takes 2 arguments, found 1"),
        ("max(hip_angle)", 1,
         "max takes at least 2 arguments, found 1; to compare the sides of an input write max(x.left, x.right)"),
        ("answered(1 + 2)", 10, "answered takes the name of an input, as in answered(hip_angle)"),
        ("weaker_side(flexor_hold)", 13,
         "weaker_side compares the two sides of an input measured on both sides; 'flexor_hold' has one value"),
        ("asymmetry(side_bridge.left)", 11,
         "asymmetry compares both sides; write asymmetry(side_bridge) without '.left'"),
        ("weaker_side(balance)", 13, "weaker_side expects an input measured in numbers, found true or false"),
    ])
    func names(source: String, column: Int, message: String) {
        let found = problems(source)
        #expect(found.map(\.message) == [message])
        #expect(found.first?.mark == SourceMark(file: "x.yaml", line: 1, column: column))
    }

    @Test("kind errors", arguments: [
        ("hip_angle > 'x'", 13, "expected a number after '>', found a string"),
        ("'x' < 3", 1, "expected a number before '<', found a string"),
        ("not 3", 5, "expected true or false after 'not', found a number"),
        ("-pain", 2, "expected a number after '-', found true or false"),
        ("flexor_hold and pain", 1, "expected true or false before 'and', found a number"),
        ("pain or (1 + 2)", 9, "expected true or false after 'or', found a number"),
        ("grip + 1", 1, "expected a number before '+', found a string"),
        ("flexor_hold == pain", 13, "'==' cannot compare a number with true or false"),
        ("grip != 3", 6, "'!=' cannot compare a string with a number"),
        ("abs(grip)", 5, "abs expects a number, found a string"),
        ("clamp(1, 'a', 3)", 10, "clamp expects a number as argument 2, found a string"),
        ("first(grip)", 7, "first expects a sequence, found a string"),
        ("index(firing_order, 3)", 21, "index expects a string as argument 2, found a number"),
    ])
    func kinds(source: String, column: Int, message: String) {
        let found = problems(source)
        #expect(found.map(\.message) == [message])
        #expect(found.first?.mark == SourceMark(file: "x.yaml", line: 1, column: column))
    }

    @Test("every unknown name in one expression is reported")
    func several() {
        let found = problems("hip_angel + knee_flex > 0 and pian")
        #expect(found.map(\.mark?.column) == [1, 13, 31])
        #expect(found.map(\.message) == [
            "unknown name 'hip_angel'; did you mean 'hip_angle'?",
            "unknown name 'knee_flex'; did you mean 'knee_flexion'?",
            "unknown name 'pian'; did you mean 'pain'?",
        ])
    }

    @Test("an unknown name with no close match lists the names in scope")
    func listing() {
        let scope: Scope = ["hold": NameInfo(kind: .number), "pain": NameInfo(kind: .boolean)]
        #expect(problems("zzzzzz > 1", scope: scope).map(\.message) == [
            "unknown name 'zzzzzz'; the names here are hold, pain and profile.*",
        ])
    }

    @Test("columns count characters, not bytes")
    func unicodeColumns() {
        let found = problems("profile.sex == 'é✓' and hip_angel > 0")
        #expect(found.first?.mark?.column == 25)
    }

    @Test("an expression longer than 4096 characters is refused")
    func tooLong() throws {
        let longest = "1" + String(repeating: " ", count: Expression.maximumLength - 1)
        #expect(try outcome(longest) == .value(.number(1)))
        let found = problems(longest + " ")
        #expect(found.map(\.message) == [
            "the expression is too long: 4097 characters, at most 4096; move parts into derived values",
        ])
        #expect(found.first?.mark?.column == 1)
    }

    @Test("a mistake at the end of the longest expression points at its own column")
    func endOfTheLongest() {
        let source = "1" + String(repeating: " ", count: Expression.maximumLength - 12) + "+ hip_angel"
        #expect(source.count == Expression.maximumLength)
        let found = problems(source)
        #expect(found.first?.message.hasPrefix("unknown name 'hip_angel'") == true, "\(found)")
        #expect(found.first?.mark?.column == source.count - "hip_angel".count + 1)
    }

    @Test("nesting deeper than 64 levels is refused at the first level too many")
    func tooDeep() throws {
        let deepest = String(repeating: "(", count: 64) + "1" + String(repeating: ")", count: 64)
        #expect(try outcome(deepest) == .value(.number(1)))
        let found = problems(String(repeating: "(", count: 65) + "1" + String(repeating: ")", count: 65))
        #expect(found.map(\.message) == [
            "the expression is nested too deeply: at most 64 levels of parentheses, calls and unary operators",
        ])
        #expect(found.first?.mark?.column == 65)
        #expect(problems(String(repeating: "-", count: 2000) + "1").first?.mark?.column == 65)
        #expect(problems(String(repeating: "not ", count: 1000) + "true").first?.mark?.column == 257)
        #expect(problems(String(repeating: "abs(", count: 100) + "1" + String(repeating: ")", count: 100))
            .first?.mark?.column == 257)
    }

    @Test("without marks the diagnostics still carry their messages")
    func noMarks() {
        let (expression, diagnostics) = Expression.compile("(1", scope: testScope) { _ in nil }
        #expect(expression == nil)
        #expect(diagnostics.map(\.message) == ["missing ')' to close the '(' at column 1"])
        #expect(diagnostics.first?.mark == nil)
    }
}

/// A quoted id compared with a choice input must be one of its choices.
@Suite("Choice ids in comparisons")
struct ChoiceIDTests {
    let scope = Scope(["felt_in": NameInfo(kind: .string, choices: ["glutes", "hamstrings", "lower_back"])])

    @Test func misspeltChoiceIsAnErrorAtTheLiteral() {
        let (expression, problems) = Expression.compile("felt_in == 'lower_bak'", scope: scope) {
            SourceMark(file: "a.yaml", line: 3, column: 10 + $0)
        }
        #expect(expression == nil)
        #expect(problems.map(\.description) == [
            "a.yaml:3:21: error: 'lower_bak' is not a choice of felt_in (glutes, hamstrings, lower_back); did you mean 'lower_back'?",
        ])
    }

    @Test("index(sequence, 'id') checks the id against the sequence's choices, as == does")
    func indexChecksTheChoice() {
        let order = Scope(["order": NameInfo(kind: .sequence, choices: ["glute_max", "hamstrings", "erectors"])])
        let (wrong, problems) = Expression.compile("index(order, 'glute_mx')", scope: order) { SourceMark(file: "a.yaml", line: 1, column: 1 + $0) }
        #expect(wrong == nil)
        #expect(problems.map(\.description) == [
            "a.yaml:1:14: error: 'glute_mx' is not a choice of order (glute_max, hamstrings, erectors); did you mean 'glute_max'?",
        ])
        #expect(Expression.compile("index(order, 'erectors')", scope: order) { _ in nil }.0 != nil)
        // first(order) is one of order's choices too.
        let (first, firstProblems) = Expression.compile("first(order) == 'glute-maks'", scope: order) { _ in nil }
        #expect(first == nil)
        #expect(firstProblems.first?.message.hasPrefix("'glute-maks' is not a choice of order") == true, "\(firstProblems)")
    }

    @Test func knownChoiceCompilesEitherWayRound() {
        for source in ["felt_in == 'glutes'", "'hamstrings' != felt_in"] {
            let (expression, problems) = Expression.compile(source, scope: scope) { _ in nil }
            #expect(expression != nil && problems.isEmpty, "\(source)")
        }
    }
}
