import BackCheckYAML
import Testing

@Suite("Marks: every node knows its line and column")
struct YAMLMarkTests {
    @Test func blockAndFlowNodesCarryTheirFirstCharacter() throws {
        let document = try #require(root("""
            name: thomas
            items: [a, "b c", {k: v}]
            nested:
              - x
              -   y
            """))
        #expect(place(document.mark) == "1:1")
        #expect(place(document.mapping?[0].key.mark) == "1:1")
        #expect(place(document["name"]?.mark) == "1:7")
        let items = try #require(document["items"])
        #expect(place(items.mark) == "2:8")
        #expect(items.sequence?.map { place($0.mark) } == ["2:9", "2:12", "2:19"])
        #expect(place(items.sequence?[1].scalar?.lineMarks.first) == "2:13")
        #expect(place(items.sequence?[2]["k"]?.mark) == "2:23")
        #expect(document["nested"]?.sequence?.map { place($0.mark) } == ["4:5", "5:7"])
    }

    @Test func quotedScalarsPointPastTheQuoteAndProperties() throws {
        let document = try #require(root(#"""
            plain: a + b
            single: 'it''s'
            tagged: !!str &x "hi"
            """#))
        #expect(place(document["plain"]?.scalar?.lineMarks.first) == "1:8")
        #expect(place(document["single"]?.scalar?.lineMarks.first) == "2:10")
        let tagged = try #require(document["tagged"])
        #expect(place(tagged.mark) == "3:9")
        #expect(place(tagged.scalar?.lineMarks.first) == "3:19")
        // A position inside the text maps to its column in the file.
        #expect(place(document["plain"]?.scalar?.mark(atOffset: 4)) == "1:12")
    }

    @Test("a position after an escape or a folded line break maps to where it is written")
    func positionsStepOverEscapesAndFoldedBreaks() throws {
        let document = try #require(root(#"""
            single: 'a ''b'' c'
            double: "\x41\u00e9\t z"
            folded: >-
              one and
              two
            plain: one and
              two
            quoted: "one and
              two"
            """#))
        // 'c' is text offset 6 but column 18: each '' is one character of text.
        #expect(place(document["single"]?.scalar?.mark(atOffset: 6)) == "1:18")
        // 'z' follows three escapes written in 4, 6 and 2 characters.
        #expect(place(document["double"]?.scalar?.mark(atOffset: 4)) == "2:23")
        // "two" comes after the break folded into a space, on the next line.
        #expect(place(document["folded"]?.scalar?.mark(atOffset: 8)) == "5:3")
        #expect(place(document["plain"]?.scalar?.mark(atOffset: 8)) == "7:3")
        #expect(place(document["quoted"]?.scalar?.mark(atOffset: 8)) == "9:3")
        #expect(place(document["quoted"]?.scalar?.mark(atOffset: 4)) == "8:14")
    }

    @Test func literalBlocksAreExactLineByLine() throws {
        let document = try #require(root("""
            text: |
              line one
                line two

              line four
            next: 1
            """))
        let scalar = try #require(document["text"]?.scalar)
        #expect(scalar.text == "line one\n  line two\n\nline four\n")
        #expect(place(document["text"]?.mark) == "1:7")
        #expect(scalar.lineMarks.prefix(4).map { place($0) } == ["2:3", "3:3", "4:3", "5:3"])
        // Offset 12 is the 'l' of "line two", after its two spaces of content.
        #expect(place(scalar.mark(atOffset: 11)) == "3:5")
    }

    @Test func foldedAndMultiLinePlainScalarsFollowFolding() throws {
        let document = try #require(root("""
            folded: >
              a
              b

              c
            plain: first
              second

              third
            """))
        let folded = try #require(document["folded"]?.scalar)
        #expect(folded.text == "a b\nc\n")
        #expect(folded.lineMarks.prefix(2).map { place($0) } == ["2:3", "5:3"])
        let plain = try #require(document["plain"]?.scalar)
        #expect(plain.text == "first second\nthird")
        #expect(plain.lineMarks.map { place($0) } == ["6:8", "9:3"])
    }

    @Test func marksCountCharactersNotBytes() throws {
        let document = try #require(root("name: \"Sørensen\" # ø is two bytes\nnext: x"))
        #expect(place(document["name"]?.mark) == "1:7")
        let nonASCII = try #require(root("ø: [é, x]"))
        #expect(place(nonASCII["ø"]?.sequence?[1].mark) == "1:8")
    }
}
