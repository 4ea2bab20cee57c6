import BackCheckYAML
import Testing

/// `JSONCursor`, the plain-case reader batch records are taken with first: it reads what
/// `JSONReader` reads the same way, and answers `nil` for anything it would have to explain.
@Suite struct JSONCursorTests {
    /// What the cursor makes of `text` as one value: the token's description, or `nil`.
    static func token(_ text: String) -> String? {
        Array(text.utf8).withUnsafeBufferPointer { buffer -> String? in
            var cursor = JSONCursor(buffer)
            let description: String
            switch cursor.token() {
            case .string(let bytes)?: description = "string " + String(decoding: bytes, as: UTF8.self)
            case .number(let text)?: description = "number " + text
            case .bool(let value)?: description = "bool \(value)"
            case .null?: description = "null"
            case .objectStart?: description = "{"
            case .arrayStart?: description = "["
            case nil: return nil
            }
            // A value this cursor takes is a whole value: nothing but white space after it.
            return cursor.atEnd ? description : description + " then more"
        }
    }

    @Test(arguments: [
        ("12", "number 12"), ("-0", "number -0"), ("0.5", "number 0.5"), ("1e5", "number 1e5"), ("1E+5", "number 1E+5"),
        ("-12.25e-2", "number -12.25e-2"), (" true ", "bool true"), ("false", "bool false"), ("null", "null"),
        (#""glutes""#, "string glutes"), (#""a/b (c) 'd'""#, "string a/b (c) 'd'"), (#""""#, "string "),
        ("\t\r\n{", "{"), ("[", "["),
    ])
    func plainValuesAreTakenAsWritten(text: String, expected: String) {
        #expect(Self.token(text) == expected)
    }

    @Test(arguments: [
        // Numbers JSON does not allow, or that run on into other characters.
        "012", "-", "1.", ".5", "1e", "1e+", "+1", "12abc", "1.5.2", "1_000", "12é",
        // Words that are not quite JSON's.
        "True", "nul", "truex", "null0",
        // Strings with an escape, a byte that is not printable ASCII, or no end.
        #""a\"b""#, #""\u0041""#, "\"Zoë\"", "\"tab\there\"", "\"open",
        // Not values.
        "}", "]", ",", ":", "'single'", "", "   ",
    ])
    func anythingElseIsNotTaken(text: String) {
        #expect(Self.token(text) == nil, "\(text) was taken as \(Self.token(text) ?? "")")
    }

    @Test func membersAndStructureAreReadInOrder() {
        let text = #" { "left" : 8.5 , "right":null } "#
        var seen: [String] = []
        Array(text.utf8).withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(buffer)
            if case .objectStart? = cursor.token() { seen.append("{") }
            if let left = cursor.memberName(), JSONCursor.equals(left, "left") { seen.append("left") }
            if case .number(let number)? = cursor.token() { seen.append(number) }
            if cursor.take(UInt8(ascii: ",")) { seen.append(",") }
            if let right = cursor.memberName(), JSONCursor.equals(right, "right"), JSONCursor.equals(right, String("right")),
               !JSONCursor.equals(right, "righ") {
                seen.append("right")
            }
            if case .null? = cursor.token() { seen.append("null") }
            if !cursor.take(UInt8(ascii: ",")), cursor.take(UInt8(ascii: "}")) { seen.append("}") }
            if cursor.atEnd { seen.append("end") }
        }
        #expect(seen == ["{", "left", "8.5", ",", "right", "null", "}", "end"])
    }

    @Test func aMemberNameMustBeAPlainStringFollowedByAColon() {
        for text in [#""a" 1"#, "a: 1", #""a\n": 1"#, "1: 2"] {
            let taken = Array(text.utf8).withUnsafeBufferPointer { buffer in
                var cursor = JSONCursor(buffer)
                return cursor.memberName() != nil
            }
            #expect(!taken, "\(text)")
        }
    }
}
