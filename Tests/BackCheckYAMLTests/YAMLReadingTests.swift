import BackCheckYAML
import Testing

@Suite("Typed reading of parsed YAML")
struct YAMLReadingTests {
    @Test func theNorwayProblemDoesNotHappen() throws {
        let document = try #require(root("country: no\nready: no\n"))
        let reader = NodeReader()
        let fields = try #require(reader.mapping(document, of: "a profile"))
        #expect(fields.required("country", as: String.self) == "no")
        #expect(fields.required("ready", as: Bool.self) == nil)
        #expect(reader.diagnostics.all.map(\.description) == [
            "test.yaml:2:8: error: expected true or false, found the string \"no\"; write false",
        ])
    }

    @Test func anUnknownKeyGetsTheClosestKnownKey() throws {
        let document = try #require(root("id: squat\nscorng: 3\n"))
        let reader = NodeReader()
        let fields = try #require(reader.mapping(document, of: "an assessment"))
        _ = fields.required("id", as: String.self)
        _ = fields.optional("scoring", as: Int.self)
        fields.rejectUnknownKeys()
        #expect(reader.diagnostics.all.map(\.description) == [
            "test.yaml:2:1: error: unknown key 'scorng' in an assessment; did you mean 'scoring'?",
        ])
    }

    @Test("numbers written by hand with a decimal comma, a unit or quotes get a hint that says how to write them")
    func handWrittenNumbersGetAHint() throws {
        let document = try #require(root("""
            a: "3,5"
            b: 3,5
            c: 8cm
            d: 3 min
            e: 15%
            f: "11"
            g: 3,5
            h: eight
            i: "thirty"
            m: {left: 8,5, right: 11}
            n: {left: 25,0, right: 11}

            """))
        let reader = NodeReader()
        let fields = try #require(reader.mapping(document, of: "answers"))
        for key in ["a", "b", "c", "d", "e", "f", "h", "i"] { _ = fields.required(key, as: Double.self) }
        _ = fields.required("g", as: Int.self)
        for key in ["m", "n"] {
            guard let sides = fields.requiredMapping(key, of: "left and right") else { continue }
            _ = sides.required("left", as: Double.self)
            _ = sides.required("right", as: Double.self)
            sides.rejectUnknownKeys()
        }
        let messages = reader.diagnostics.all.map(\.description)
        #expect(messages.contains { $0.hasPrefix("test.yaml:1:4:") && $0.hasSuffix("; use a decimal point: 3.5, without the quotes") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("test.yaml:2:4:") && $0.hasSuffix("; use a decimal point: 3.5") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("test.yaml:3:4:") && $0.contains("write only the number, measured in the unit this field asks for") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("test.yaml:4:4:") && $0.contains("write only the number, measured in the unit this field asks for") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("test.yaml:5:4:") && $0.contains("write only the number, measured in the unit this field asks for") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("test.yaml:6:4:") && $0.hasSuffix("; remove the quotes to give a number") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("test.yaml:7:4:") && $0.hasSuffix("; this field takes whole numbers only (3,5 reads as 3.5)") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("test.yaml:8:4:") && $0.hasSuffix("found the string \"eight\"") }, "no hint that fits: \(messages)")
        // Taking the quotes off a word leaves a word: no hint to do so (a review found one).
        #expect(messages.contains { $0.hasPrefix("test.yaml:9:4:") && $0.hasSuffix("found the string \"thirty\"") }, "\(messages)")
        // The number's own field is named, as a review asked: the generic example did not say which.
        #expect(messages.contains { $0.contains("unknown key '5'") && $0.hasSuffix("(left: 8,5 reads as 8 and a key '5'): write a decimal point, left: 8.5") }, "\(messages)")
        // A zero fraction is the whole number, which a field of whole numbers takes.
        #expect(messages.contains { $0.contains("unknown key '0'") && $0.hasSuffix("(left: 25,0 reads as 25 and a key '0'): write left: 25") }, "\(messages)")
    }

    /// Found by a review: `fuel: 1.5e7` was refused as not whole, though it is 15 000 000.
    @Test func aWholeNumberInExponentFormIsToldItsDigits() throws {
        let document = try #require(parseYAML("fuel: 1.5e7\nreps: 3.5\n").documents.first?.root)
        let reader = NodeReader()
        let fields = try #require(reader.mapping(document, of: "limits"))
        #expect(fields.required("fuel", as: Int.self) == nil)
        #expect(fields.required("reps", as: Int.self) == nil)
        let messages = reader.diagnostics.all.map(\.message)
        #expect(messages == [
            "expected an integer, found the number 1.5e7; this field takes whole numbers written in digits: 15000000",
            "expected an integer, found the number 3.5; this field takes whole numbers only",
        ], "\(messages)")
    }

    @Test func everyProblemInAFileIsReported() throws {
        let text = """
            id: one
            id: two
            count: many
            tags: [a, *missing]
            nested:
              value: 1
              value: 2
            """
        let result = parseYAML(text)
        #expect(result.diagnostics.errors.map { place($0.mark) } == ["2:1", "4:11", "7:3"])
        let document = try #require(result.documents.first?.root)
        let reader = NodeReader()
        reader.report(contentsOf: result.diagnostics)
        let fields = try #require(reader.mapping(document, of: "a thing"))
        _ = fields.required("count", as: Int.self)
        _ = fields.required("missing", as: String.self)
        fields.rejectUnknownKeys(alsoKnown: ["id", "tags", "nested"])
        #expect(reader.diagnostics.errors.map(\.message) == [
            "duplicate key 'id': first at line 1, again at line 2",
            "unknown alias '*missing': no anchor '&missing' comes before it in this document; to write text that starts with '*', put it in quotes",
            "duplicate key 'value': first at line 6, again at line 7",
            "expected an integer, found the string \"many\"",
            "missing required key 'missing' in a thing",
        ])
    }

    enum Unit: String, YAMLEnumeration { case deg, s, cm, none }

    @Test("a name written out in full is told the short one it starts with", arguments: [
        ("degrees", "; did you mean 'deg'?"), ("seconds", "; did you mean 's'?"), ("Degrees", "; did you mean 'deg'?"),
        ("dg", "; did you mean 'deg'?"),  // a spelling match still comes first
        ("inches", ""),  // nothing it starts with
    ])
    func aFullWordGetsItsShortName(written: String, hint: String) throws {
        let document = try #require(root("unit: \(written)\n"))
        let reader = NodeReader()
        let fields = try #require(reader.mapping(document, of: "an input"))
        #expect(fields.required("unit", as: Unit.self) == nil)
        #expect(reader.diagnostics.all.map(\.description) == [
            "test.yaml:1:7: error: expected one of deg, s, cm, none, found the string \"\(written)\"\(hint)",
        ])
    }
}
