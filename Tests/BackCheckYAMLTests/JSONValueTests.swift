import BackCheckYAML
import Testing

@Suite("JSON values and their serialization")
struct JSONValueTests {
    static let sample: JSONValue = .object([
        ("zeta", .integer(3)),
        ("alpha", .array([.number(1.5), .null, .bool(true), .string("x")])),
        ("empty", .object([])),
        ("none", .array([])),
    ])

    @Test func compactFormKeepsMemberOrder() {
        #expect(Self.sample.serialized() == #"{"zeta":3,"alpha":[1.5,null,true,"x"],"empty":{},"none":[]}"#)
        #expect(Self.sample.description == Self.sample.serialized())
    }

    @Test func prettyFormIndentsByTwoSpaces() {
        #expect(Self.sample.serialized(pretty: true) == """
            {
              "zeta": 3,
              "alpha": [
                1.5,
                null,
                true,
                "x"
              ],
              "empty": {},
              "none": []
            }
            """)
    }

    @Test func numbersPrintShortestAndIntegersWithoutAPoint() {
        #expect(JSONValue.integer(-42).serialized() == "-42")
        #expect(JSONValue.number(0.1).serialized() == "0.1")
        #expect(JSONValue.number(2).serialized() == "2.0")
        #expect(JSONValue.number(1e21).serialized() == "1e+21")
        #expect(JSONValue.number(.infinity).serialized() == "null")
        #expect(JSONValue.number(.nan).serialized() == "null")
    }

    @Test("whole numbers are written digit for digit at every length, both signs, and the ends of Int")
    func wholeNumbersAtEveryLength() {
        var numbers = [0, Int.max, Int.min, Int.min + 1]
        var power = 1
        for _ in 0..<18 {
            power *= 10
            numbers += [power - 1, power, power + 1, -(power - 1), -power]
        }
        for number in numbers {
            #expect(JSONValue.integer(number).serialized() == String(number))
        }
        // In an array, after other values, where the room for the digits is made as they are written.
        let many = (0..<300).map { $0 * 7_919 - 1_000_000 }
        #expect(JSONValue.array(many.map(JSONValue.integer)).serialized() == "[" + many.map(String.init).joined(separator: ",") + "]")
    }

    @Test func stringsAreEscaped() {
        let text = "quote \" backslash \\ newline \n tab \t bell \u{7} ø"
        #expect(JSONValue.string(text).serialized() == #""quote \" backslash \\ newline \n tab \t bell \u0007 ø""#)
    }

    /// A writer keeps its bytes in memory it grows itself; a copy of a writer must still
    /// write on its own, and a text many times the first allocation must come out whole.
    @Test func aCopiedWriterWritesOnItsOwnAndLongTextsComeOutWhole() {
        var first = JSONWriter()
        first.beginArray()
        first.write("shared")
        var second = first
        first.write(1)
        first.endArray()
        second.write("second")
        second.endArray()
        #expect(first.text == #"["shared",1]"#)
        #expect(second.text == #"["shared","second"]"#)

        let piece = "plain text, then a quote \" and on "
        let long = String(repeating: piece, count: 3_000)
        var writer = JSONWriter()
        writer.object { object in
            object.key(long)
            object.write(long)
        }
        let escaped = String(repeating: #"plain text, then a quote \" and on "#, count: 3_000)
        #expect(writer.text == "{\"" + escaped + "\":\"" + escaped + "\"}")
        #expect(writer.bytes == Array(writer.text.utf8))
    }

    @Test("every byte that needs an escape is escaped wherever it sits in a long string")
    func escapesAreFoundAtEveryPlace() {
        // The writer skips eight plain bytes at a time: put each character that needs an
        // escape at every offset of strings long enough to take that path, beside multibyte text.
        let needing: [Character] = ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\t"]
        let plain = Array("héllo wörld, a plain run of text ~}|{ ].")
        for special in needing {
            for length in [1, 3, 7, 8, 9, 16, 17, 40] {
                for offset in 0..<length {
                    var characters = Array(plain.prefix(length))
                    characters[offset] = special
                    let text = String(characters)
                    let written = JSONValue.string(text).serialized()
                    let expected = "\"" + text.map { character -> String in
                        switch character {
                        case "\"": "\\\""
                        case "\\": "\\\\"
                        case "\n": "\\n"
                        case "\t": "\\t"
                        case "\u{1}": "\\u0001"
                        case "\u{1F}": "\\u001f"
                        default: String(character)
                        }
                    }.joined() + "\""
                    #expect(written == expected, "\(special.debugDescription) at \(offset) of \(length)")
                }
            }
        }
    }

    @Test func equalityIsStructuralAndEquivalenceIgnoresOrder() {
        let a: JSONValue = .object([("x", .integer(1)), ("y", .integer(2))])
        let b: JSONValue = .object([("y", .integer(2)), ("x", .number(1))])
        #expect(a != b)
        #expect(a.isEquivalent(to: b))
        #expect(!a.isEquivalent(to: .object([("x", .integer(1))])))
        #expect(JSONValue.number(.nan) == .number(.nan))
        #expect(a["y"] == .integer(2))
    }

    /// A document with every kind of value, nested empty containers, and objects inside arrays,
    /// written into whatever sink is given.
    static func writeDocument(into sink: inout some JSONSink) {
        sink.object { root in
            root.member("id", "p-1")
            root.member("line", 7)
            root.member("rows") { rows in
                rows.array {
                    $0.object { $0.member("ok", true); $0.key("none"); $0.writeNull(); $0.key("x"); $0.write(1.5) }
                    $0.object { _ in }
                    $0.array { _ in }
                    $0.write(strings: ["a", "quote \" here"])
                    $0.write(Double.nan)
                }
            }
            root.member("empty") { $0.object { _ in } }
            root.key("nothing")
            root.write(nil as String?)
            root.key("built")
            root.write(JSONValueTests.sample)
        }
    }

    @Test("a document written straight to text reads as its tree serialized, compact and pretty")
    func theWriterAndTheTreeAgree() {
        var builder = JSONTreeBuilder()
        Self.writeDocument(into: &builder)
        let tree = builder.value
        #expect(tree["line"] == .integer(7))
        #expect(tree["rows"] == .array([
            .object([("ok", .bool(true)), ("none", .null), ("x", .number(1.5))]), .object([]), .array([]),
            .array([.string("a"), .string("quote \" here")]), .number(.nan),
        ]))
        #expect(tree["built"] == Self.sample)
        for pretty in [false, true] {
            var writer = JSONWriter(pretty: pretty)
            Self.writeDocument(into: &writer)
            #expect(writer.text == tree.serialized(pretty: pretty))
        }
        var compact = JSONWriter()
        Self.writeDocument(into: &compact)
        #expect(compact.text == #"{"id":"p-1","line":7,"rows":[{"ok":true,"none":null,"x":1.5},{},[],["a","quote \" here"],null],"empty":{},"nothing":null,"built":{"zeta":3,"alpha":[1.5,null,true,"x"],"empty":{},"none":[]}}"#)
    }

    @Test func yamlNodesConvertByTheCoreSchema() throws {
        let document = try #require(root("""
            - [null, ~, true, False, 12, -7, 0x1F, 0o17, 1.5e3, .inf]
            - [no, on, 1:30, 0b101, "12", '1.5', "true"]
            - [!!str 12, !!int "12", !!float 1, !!bool true, !!null x, !custom 5, ! true]
            - {1: a, ~: b, [x]: c}
            """))
        let rows = try #require(document.sequence).map(\.jsonValue)
        #expect(rows[0] == .array([.null, .null, .bool(true), .bool(false), .integer(12), .integer(-7), .integer(31),
                                   .integer(15), .number(1500), .number(.infinity)]))
        #expect(rows[1] == .array(["no", "on", "1:30", "0b101", "12", "1.5", "true"].map(JSONValue.string)))
        #expect(rows[2] == .array([.string("12"), .integer(12), .number(1), .bool(true), .null, .string("5"), .string("true")]))
        #expect(rows[3] == .object([("1", .string("a")), ("~", .string("b")), (#"["x"]"#, .string("c"))]))
    }
}
