import BackCheckYAML
import Testing

@Suite("Reading JSON into nodes with marks")
struct JSONReaderTests {
    @Test func valuesBecomeNodesWithMarks() throws {
        let text = """
            {
              "name": "Sørensen",
              "hold": [90, 1.5e2, true, null],
              "nested": {"k": -0}
            }
            """
        let (node, diagnostics) = JSONReader.parse(text, file: "a.json")
        #expect(diagnostics.isEmpty)
        let object = try #require(node)
        #expect(object.keys == ["name", "hold", "nested"])
        let name = try #require(object["name"])
        #expect(place(name.mark) == "2:11")
        #expect(name.scalar?.style == .doubleQuoted)
        #expect(place(name.scalar?.lineMarks.first) == "2:12")
        #expect(object["hold"]?.sequence?.map { place($0.mark) } == ["3:12", "3:16", "3:23", "3:29"])
        #expect(object["hold"]?.sequence?.map { $0.scalar?.style } == [.plain, .plain, .plain, .plain])
        #expect(object.jsonValue == .object([
            ("name", .string("Sørensen")),
            ("hold", .array([.integer(90), .number(150), .bool(true), .null])),
            ("nested", .object([("k", .integer(0))])),
        ]))
        #expect(place(object["nested"]?["k"]?.mark) == "4:19")
    }

    @Test func escapesAreDecoded() throws {
        let (node, diagnostics) = JSONReader.parse(#""a\"b\\c\/d\b\f\n\r\t\u00e9\ud83d\ude00""#, file: "s.json")
        #expect(diagnostics.isEmpty)
        #expect(node?.scalar?.text == "a\"b\\c/d\u{8}\u{c}\n\r\té😀")
    }

    @Test(arguments: [
        ("[1, 2,]", "1:7: error: expected a JSON value, found ']'; remove the trailing comma"),
        ("{\"a\": 1,}", "1:9: error: expected a member name in double quotes, found '}'; remove the trailing comma"),
        // A decimal comma, as typed by hand in much of Europe; three digits could be thousands.
        ("{\"a\": 50,5}", "1:10: error: expected a member name in double quotes, found '5'; JSON numbers take a decimal point: 50.5"),
        ("{\"a\": 1,000}", "1:9: error: expected a member name in double quotes, found '0'"),
        ("{'a': 1}", "1:2: error: expected a member name in double quotes, found '''"),
        ("[01]", "1:2: error: a JSON number may not start with 0 followed by digits"),
        ("[1.]", "1:4: error: expected digits after the decimal point, found ']'"),
        ("[tru]", "1:2: error: expected a JSON value, found 't'; strings need double quotes"),
        ("\"tab\there\"", "1:5: error: a raw control character is not allowed in a string; write it as an escape such as \\n"),
        ("{\"a\" 1}", "1:6: error: expected ':' after the member name, found '1'"),
        ("[1]\n[2]", "2:1: error: unexpected '[' after the JSON value; a file holds one value"),
        ("\"open", "1:1: error: the string starting here has no closing '\"'"),
        ("\"\\x\"", "1:2: error: unknown escape '\\x' in a string"),
        ("\"\\ud800\"", "1:2: error: \\ud800 starts a surrogate pair that is not completed"),
        ("", "1:1: error: expected a JSON value, found the end of the input"),
    ])
    func syntaxErrorsPointAtTheProblem(input: String, expected: String) {
        let (node, diagnostics) = JSONReader.parse(input, file: "bad.json")
        #expect(node == nil)
        #expect(diagnostics.all.map(\.description) == ["bad.json:" + expected])
    }

    @Test func invalidUTF8InAStringIsReported() {
        let (node, diagnostics) = JSONReader.parse([0x22, 0x61, 0xFF, 0x22], file: "b.json")
        #expect(node == nil)
        #expect(diagnostics.all.map(\.description) == ["b.json:1:3: error: the string is not valid UTF-8 (byte 0xFF)"])
    }

    @Test func duplicateMembersAreReportedAndTheFirstKept() throws {
        let (node, diagnostics) = JSONReader.parse("{\"id\": 1,\n \"id\": 2}", file: "d.json")
        #expect(diagnostics.all.map(\.description) == ["d.json:2:2: error: duplicate key 'id': first at line 1, again at line 2"])
        #expect(node?["id"]?.scalar?.text == "1")
        let line = JSONReader.parse(#"{"a": 1, "b": 2, "a": 3}"#, file: "r.jsonl", line: 4).diagnostics
        #expect(line.all.map(\.description) == ["r.jsonl:4:18: error: duplicate key 'a': first at column 2 of line 4, again here"])
    }

    @Test("a repeated member is found in an object of any size, before and after its keys go into a table")
    func duplicateMembersOfLargeObjects() throws {
        // (At most 20, the repeats of one problem a log lists before folding the rest.)
        for count in [2, 15, 16, 17, 20] {
            let keys = (0..<count).map { "k\($0)" }
            // Each key repeated once, at the end, in order: every repeat is an error at its own
            // line, naming the line of the first.
            let members = (keys.enumerated().map { "\"\($1)\": \($0)" } + keys.map { "\"\($0)\": -1" })
            let (node, diagnostics) = JSONReader.parse("{" + members.joined(separator: ",\n") + "}", file: "d.json")
            let expected = keys.indices.map { index in
                "d.json:\(count + index + 1):1: error: duplicate key 'k\(index)': first at line \(index + 1), again at line \(count + index + 1)"
            }
            #expect(diagnostics.all.map(\.description) == expected, "\(count) members")
            #expect(node?.mapping?.count == count)
            #expect(node?["k\(count - 1)"]?.scalar?.text == "\(count - 1)")
        }
    }

    @Test func sequencesOfValuesAndLineOffsets() {
        let (nodes, diagnostics) = JSONReader.parseSequence("{\"a\": 1}\n[2]\n3 \"four\"\n", file: "many.json")
        #expect(diagnostics.isEmpty)
        #expect(nodes.map(\.jsonValue) == [.object([("a", .integer(1))]), .array([.integer(2)]), .integer(3), .string("four")])
        #expect(nodes.map { place($0.mark) } == ["1:1", "2:1", "3:1", "3:3"])
        let (line, _) = JSONReader.parse("  {\"x\": true}", file: "batch.jsonl", line: 5000)
        #expect(place(line?["x"]?.mark) == "5000:9")
        let (partial, problems) = JSONReader.parseSequence("1 2 ] 3", file: "p.json")
        #expect(partial.count == 2)
        #expect(problems.all.map(\.description) == ["p.json:1:5: error: expected a JSON value, found ']'"])
    }

    @Test func nestingIsLimited() {
        let (node, diagnostics) = JSONReader.parse(String(repeating: "[", count: 100_000), file: "deep.json")
        #expect(node == nil)
        #expect(diagnostics.all.map(\.description) == ["deep.json:1:101: error: nesting is deeper than 100 levels; flatten the structure"])
        #expect(JSONReader.parse("[[[1]]]", file: "x.json", maxDepth: 3).diagnostics.isEmpty)
        #expect(JSONReader.parse("[[[[1]]]]", file: "x.json", maxDepth: 3).diagnostics.count == 1)
    }

    @Test func serializedValuesReadBack() throws {
        let value = JSONValueTests.sample
        let (node, diagnostics) = JSONReader.parse(value.serialized(pretty: true), file: "round.json")
        #expect(diagnostics.isEmpty)
        #expect(node?.jsonValue == value)
    }
}
