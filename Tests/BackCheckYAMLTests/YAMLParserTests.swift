import BackCheckYAML
import Testing

@Suite("Parsing: styles, tags, anchors, merge keys, streams")
struct YAMLParserTests {
    @Test func scalarsKeepTheirTextAndStyle() throws {
        let document = try #require(root("""
            - plain
            - 'single'
            - "double\\tescaped"
            - |
              literal
            - >
              folded
            """))
        let scalars = try #require(document.sequence).compactMap(\.scalar)
        #expect(scalars.map(\.style) == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
        #expect(scalars.map(\.text) == ["plain", "single", "double\tescaped", "literal\n", "folded"])
    }

    @Test func tagsAreResolvedToTheirFullForm() throws {
        let document = try #require(root("""
            %TAG !e! tag:example.com,2000:
            ---
            - !!str 12
            - !e!point 1
            - !local x
            - ! 12
            - untagged
            """))
        let tags = document.sequence?.map(\.tag)
        #expect(tags == ["tag:yaml.org,2002:str", "tag:example.com,2000:point", "!local", "!", nil])
    }

    @Test func nullsAreUntaggedOrTaggedNull() throws {
        let document = try #require(root("[~, null, '', !!null x, ! null, \"null\", a]"))
        #expect(document.sequence?.map(\.isNull) == [true, true, false, true, false, false, false])
    }

    @Test func mappingsKeepKeyOrder() throws {
        let document = try #require(root("zebra: 1\napple: 2\nmango: 3"))
        #expect(document.keys == ["zebra", "apple", "mango"])
    }

    @Test func aliasesAreTheAnchoredNodeAndMergeKeysApply() throws {
        let document = try #require(root("""
            base: &base {a: 1, b: 2}
            derived:
              <<: *base
              b: 3
              c: 4
            multi:
              <<: [*base, {b: 9, d: 5}]
            copy: *base
            """))
        let derived = try #require(document["derived"])
        #expect(derived.keys == ["a", "b", "c"])
        #expect(derived["b"]?.scalar?.text == "3")
        let multi = try #require(document["multi"])
        #expect(multi.keys == ["a", "b", "d"])
        #expect(multi["b"]?.scalar?.text == "2")
        let copy = try #require(document["copy"])
        #expect(copy.keys == ["a", "b"])
        #expect(copy.mark == document["base"]?.mark)
        #expect(copy.anchor == "base")
    }

    @Test func aMergeKeyNeedsMappings() {
        let result = parseYAML("base: &b [1]\nthing:\n  <<: *b\n  x: 1")
        #expect(result.diagnostics.errors.map(\.message) == [
            "the merge key '<<' takes a mapping or a sequence of mappings (such as '<<: *base'), found a sequence",
        ])
        #expect(result.documents.first?.root["thing"]?.keys == ["x"])
    }

    @Test func duplicateKeysNameBothLinesAndKeepTheFirst() throws {
        let result = parseYAML("id: one\nname: x\n\"id\": two\n")
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.description == "test.yaml:3:1: error: duplicate key 'id': first at line 1, again at line 3")
        let document = try #require(result.documents.first?.root)
        #expect(document.keys == ["id", "name"])
        #expect(document["id"]?.scalar?.text == "one")
        // On one line "first at line 1, again at line 1" would say nothing; the mark is the second.
        let flow = parseYAML("a: {b: 1, c: 2, b: 3}\n")
        #expect(flow.diagnostics.errors.map(\.description) == ["test.yaml:1:17: error: duplicate key 'b': twice on line 1"])
    }

    @Test func keysOfDifferentTypesAreDifferentKeys() {
        #expect(parseYAML("1: a\n'1': b\ntrue: c\n'true': d").diagnostics.isEmpty)
        #expect(parseYAML("0x10: a\n16: b").diagnostics.errors.count == 1)
        // An integer and a float are different keys by the core schema, even when equal in value.
        #expect(parseYAML("10: a\n10e0: b").diagnostics.isEmpty)
    }

    @Test func tagsAreRefusedOnlyWhenTheParserIsToldTo() {
        #expect(YAMLParser().parse("a: !!null 90", file: "t.yaml").diagnostics.isEmpty)
        let strict = YAMLParser(allowsTags: false).parse("a: !!null 90\nb: !thing [1]", file: "t.yaml")
        #expect(strict.diagnostics.errors.map(\.description) == [
            "t.yaml:1:4: error: tags such as '!!null' are not used in BackCheck files: a value is typed by the field it goes into; remove the tag",
            "t.yaml:2:4: error: tags such as '!thing' are not used in BackCheck files: a value is typed by the field it goes into; remove the tag",
        ])
    }

    @Test func unknownAndRecursiveAliasesAreErrorsWithMarks() {
        let unknown = parseYAML("anchor: &base 1\nuse: *bsae\n")
        #expect(unknown.diagnostics.errors.map(\.description) == [
            "test.yaml:2:6: error: unknown alias '*bsae': no anchor '&bsae' comes before it in this document; did you mean 'base'?",
        ])
        let recursive = parseYAML("a: &a [1, *a]")
        #expect(recursive.diagnostics.errors.first?.message.contains("recursive structures are not supported") == true)
        #expect(place(recursive.diagnostics.errors.first?.mark) == "1:11")
        let otherDocument = parseYAML("a: &x 1\n---\nb: *x\n")
        #expect(place(otherDocument.diagnostics.errors.first?.mark) == "3:4")
    }

    @Test func libyamlErrorsKeepProblemContextAndMark() throws {
        let result = parseYAML("a: 1\nb: [1, 2\nc: 3\n")
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.description == "test.yaml:3:2: error: did not find expected ',' or ']' "
            + "(while parsing a flow sequence that started at line 2 column 4); "
            + "separate the list's items with commas and close it with ']'; a value with a comma or bracket needs quotes")
        let block = try #require(parseYAML("a:\n  b: 1\n c: 2\n").diagnostics.errors.first)
        #expect(block.description == "test.yaml:3:2: error: did not find expected key "
            + "(while parsing a block mapping that started at line 1 column 1); "
            + "this line is indented differently from the keys around it; line it up with them")
    }

    @Test func invalidUTF8IsReportedWhereItIs() throws {
        let result = YAMLParser().parse(Array("a: ok\nb: caf".utf8) + [0xE9, 0x0A], file: "latin1.yaml")
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.message.hasPrefix("the file is not valid UTF-8: "))
        #expect(error.message.hasSuffix("; save it with UTF-8 encoding"))
        #expect(place(error.mark) == "2:7")
        #expect(result.documents.isEmpty)
        // Followed by text, libyaml blames the next byte; the message points at and names é's.
        let inText = YAMLParser().parse(Array("a: ok\nb: \"caf".utf8) + [0xE9] + Array("\" au lait\n".utf8), file: "latin1.yaml")
        let unfinished = try #require(inText.diagnostics.errors.first)
        #expect(place(unfinished.mark) == "2:8")
        #expect(unfinished.message.contains("byte 0xE9 starts a character that is not finished"), "\(unfinished.message)")
    }

    @Test func aTabAndAColonInAValueSayHowToFixThem() throws {
        let tab = try #require(parseYAML("steps:\n\t- a\n").diagnostics.errors.first)
        #expect(tab.message.hasSuffix("; a tab cannot indent YAML or start a value; use spaces"), "\(tab.message)")
        #expect(place(tab.mark) == "2:1")
        let inIndentation = try #require(parseYAML("a:\n  b: one\n\t two\n").diagnostics.errors.first)
        #expect(inIndentation.message.hasSuffix("; a tab cannot indent YAML; indent with spaces (set your editor to insert spaces for tabs)"), "\(inIndentation.message)")
        #expect(place(inIndentation.mark) == "3:1")
        let colon = try #require(parseYAML("name: Hip flexor: kneeling\n").diagnostics.errors.first)
        #expect(colon.message.hasSuffix("put the value in quotes, or check this line's indentation"), "\(colon.message)")
        let noColon = try #require(parseYAML("kind: exercise\nname y\nother: z\n").diagnostics.errors.first)
        #expect(noColon.message.hasSuffix("; a key needs a colon and a space after it (key: value); a value on several lines needs quotes, or | or > after the key"))
        let open = try #require(parseYAML("name: \"y\n").diagnostics.errors.first)
        #expect(open.message.hasSuffix("; a quote was opened and never closed; add the closing quote"), "\(open.message)")
    }

    @Test("libyaml's rarer messages say how to fix the mistake", arguments: [
        ("items:\n  - a\n  b: 1\n", "3:3", "each item of this list starts with '- ' at the same indentation"),
        ("key: - item\n", "1:6", "a list cannot start on its key's line"),
        ("a: [1, 2\nb: 3\n", "2:2", "separate the list's items with commas and close it with ']'"),
        ("a: {x: 1, y: 2\nb: 3\n", "2:2", "separate the mapping's entries with commas and close it with '}'"),
        ("path: \"C:\\data\"\n", "1:10", "inside double quotes a backslash starts an escape such as \\n"),
        ("a: @home\n", "1:4", "'@' and '`' cannot start a value; put the value in quotes"),
        ("a: `cmd`\n", "1:4", "'@' and '`' cannot start a value"),
        ("a: & x\n", "1:5", "'&' starts an anchor name; to write text that starts with '&', put it in quotes"),
        ("a: [1, 2]]\n", "1:10", "the value before column 10 is complete; remove what follows it"),
        ("a:\n  b: 1\n c: 2\n", "3:2", "this line is indented differently from the keys around it"),
    ])
    func rareLibYAMLMessagesHaveHints(text: String, place expected: String, hint: String) throws {
        let error = try #require(parseYAML(text).diagnostics.errors.first)
        #expect(error.message.contains("; " + hint), "\(error.message)")
        #expect(place(error.mark) == expected, "\(error.message)")
    }

    @Test func anUnknownAliasSaysTextStartingWithAStarNeedsQuotes() throws {
        let error = try #require(parseYAML("a: *star\n").diagnostics.errors.first)
        #expect(error.message.hasSuffix("to write text that starts with '*', put it in quotes"), "\(error.message)")
        #expect(place(error.mark) == "1:4")
    }

    @Test func controlCharactersAreNamed() throws {
        let error = try #require(parseYAML("a: b\u{1}c").diagnostics.errors.first)
        #expect(error.message.contains("U+0001"))
        #expect(place(error.mark) == "1:5")
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        let result = YAMLParser().parse([0xEF, 0xBB, 0xBF] + Array("a: 1\nb: \"x\"".utf8), file: "bom.yaml")
        #expect(result.diagnostics.isEmpty)
        let document = try #require(result.documents.first?.root)
        #expect(place(document.mapping?[0].key.mark) == "1:1")
        #expect(place(document["b"]?.scalar?.lineMarks.first) == "2:5")
    }

    @Test func emptyAndCommentOnlyStreamsHaveNoDocuments() {
        for text in ["", "# only a comment\n", "\n\n"] {
            let result = parseYAML(text)
            #expect(result.documents.isEmpty)
            #expect(result.diagnostics.isEmpty)
        }
    }

    @Test func multiDocumentStreamsGiveOneDocumentEach() {
        let result = parseYAML("a: 1\n---\nb: 2\n...\n---\n- x\n--- \n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.count == 4)
        #expect(result.documents.map { place($0.mark) } == ["1:1", "2:1", "5:1", "7:1"])
        #expect(result.documents[3].root.isNull)
    }

    @Test func documentsBeforeASyntaxErrorAreKept() {
        let result = parseYAML("a: 1\n---\nb: [\n")
        #expect(result.documents.count == 1)
        #expect(result.diagnostics.errors.count == 1)
    }

    @Test func aSecondMergeKeyIsADuplicate() {
        let result = parseYAML("base: &b {a: 1}\nm:\n  <<: *b\n  <<: *b\n  c: 2\n")
        #expect(result.diagnostics.errors.map(\.description) == [
            "test.yaml:4:3: error: duplicate key '<<': first at line 3, again at line 4",
        ])
        #expect(result.documents.first?.root["m"]?.keys == ["a", "c"])
    }

    @Test func aBrokenAliasIsReportedOnceNotAgainByItsReader() throws {
        let result = parseYAML("count: *nope\nlist: &l [1, *l]\n")
        #expect(result.diagnostics.errors.count == 2)
        let document = try #require(result.documents.first?.root)
        let reader = NodeReader()
        #expect(reader.read(Int.self, from: try #require(document["count"])) == nil)
        #expect(reader.mapping(try #require(document["list"]?.sequence?.last), of: "a list item") == nil)
        #expect(reader.diagnostics.isEmpty, "\(reader.diagnostics.map(\.description))")
        // A null written as such is still a wrong type.
        #expect(reader.read(Int.self, from: try #require(root("x: ~")?["x"])) == nil)
        #expect(reader.diagnostics.count == 1)
    }
}
