import BackCheckExpressions
import BackCheckYAML
import Testing

/// A lone number (most `severity` values are one) is compiled without the lexer, parser and
/// resolver. It must be the expression the whole way gives, and text that is nearly a lone
/// number must still go the whole way, to its value or its error.
@Suite("Lone numbers")
struct LoneNumberTests {
    @Test(arguments: ["0", "7", "0.6", "12.50", "007", "3.14159", "100000000000000000000"])
    func aLoneNumberIsTheNumberWritten(source: String) throws {
        let expression = try compiled(source)
        let written = try #require(Double(source))
        #expect(expression.description == source)
        #expect(expression.resultKind == .number)
        #expect(expression.names.isEmpty && expression.perSideNames.isEmpty && !expression.isPerSide)
        #expect(try outcome(source) == .value(.number(written)))
        #expect(expression.value(Bindings(), side: nil) == .number(written))
        // Inside a larger expression the number goes the whole way: the two agree.
        #expect(try outcome("\(source) + 0") == .value(.number(written)))
    }

    @Test(arguments: [("1e2", 100.0), ("1.5E1", 15), (" 2", 2), ("2 ", 2), ("(3)", 3), ("-4", -4)])
    func nearlyALoneNumberGoesTheWholeWay(source: String, value: Double) throws {
        #expect(try outcome(source) == .value(.number(value)))
        #expect(try compiled(source).description == source)
    }

    @Test(arguments: [
        ("5.", "'5.' is not a number; names start with a letter"),
        ("1.2.3", "'1.2.3' is not a number; names start with a letter"),
        (".5", "unexpected character '.'; write a digit before the point, like 0.5"),
    ])
    func nearlyALoneNumberKeepsItsError(source: String, message: String) {
        #expect(problems(source).first?.message == message)
    }

    /// Lone numbers are shared by text: one written two ways keeps each way, and a process
    /// compiling more texts than are kept still gets each one right.
    @Test func aSharedLoneNumberKeepsItsOwnText() throws {
        let first = try compiled("0.45"), again = try compiled("0.45"), padded = try compiled("0.450")
        #expect(first == again)
        #expect(padded.description == "0.450" && first.description == "0.45")
        #expect(padded.value(Bindings(), side: nil) == first.value(Bindings(), side: nil))
        for number in 0..<5_000 {
            let source = "\(number).25"
            let expression = try compiled(source)
            #expect(expression.description == source)
            #expect(expression.value(Bindings(), side: nil) == .number(Double(number) + 0.25))
        }
    }
}
