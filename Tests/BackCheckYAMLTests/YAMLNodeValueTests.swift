import BackCheckYAML
import Testing

/// A parsed node lives in its file's arena; one built in code holds arrays. Both must read
/// the same, and changing a parsed node must not change the document it came from.
@Suite("Nodes: parsed and built alike")
struct YAMLNodeValueTests {
    private let text = """
        base: &base {a: 1, b: 2}
        list: [x, y, z]
        merged:
          <<: *base
          b: 3
        """

    @Test func parsedCollectionsReadLikeArrays() throws {
        let document = try #require(root(text))
        let list = try #require(document["list"]?.sequence)
        #expect(list.count == 3)
        #expect(list.map { $0.scalar?.text } == ["x", "y", "z"])
        #expect(list[2].scalar?.text == "z")
        #expect(Array(list.reversed()).compactMap { $0.scalar?.text } == ["z", "y", "x"])
        #expect(place(list[1].mark) == "2:11")
        // The explicit `b` wins over the merged one, and `a` arrives where the `<<` was.
        let merged = try #require(document["merged"])
        #expect(merged.keys == ["a", "b"])
        #expect(merged["b"]?.scalar?.text == "3")
        #expect(merged["a"]?.scalar?.text == "1")
        #expect(place(merged["a"]?.mark) == "1:17")
        #expect(merged["missing"] == nil)
    }

    @Test func anAliasIsTheAnchoredNodeItself() throws {
        let document = try #require(root("first: &one [1, 2]\nsecond: *one\n"))
        let first = try #require(document["first"])
        let second = try #require(document["second"])
        #expect(first.anchor == "one")
        #expect(place(second.mark) == place(first.mark))
        #expect(second.sequence?.map { $0.scalar?.text } == ["1", "2"])
    }

    /// A check that looks for words in a whole block walks the texts in the arena; it must see
    /// what the walk through nodes sees (aliases and merged entries too, in document order),
    /// for a node built in code as well, and stop when told to.
    @Test func aWalkOverScalarTextsSeesWhatTheNodeWalkSees() throws {
        let document = try #require(root(text))
        var built = document
        built.mark = SourceMark(file: "moved.yaml", line: 1, column: 1)
        for includingKeys in [false, true] {
            var viaNodes: [String] = []
            document.forEachScalar(includingKeys: includingKeys) { scalar, _ in viaNodes.append(scalar.text) }
            for node in [document, built] {
                var viaTexts: [String] = []
                #expect(node.forEachScalarText(includingKeys: includingKeys) { viaTexts.append($0); return true })
                #expect(viaTexts == viaNodes)
            }
        }
        var all: [String] = []
        _ = document.forEachScalarText(includingKeys: true) { all.append($0); return true }
        #expect(all == ["base", "a", "1", "b", "2", "list", "x", "y", "z", "merged", "a", "1", "b", "3"])
        var seen = 0
        #expect(!document.forEachScalarText { _ in seen += 1; return seen < 3 })
        #expect(seen == 3)
    }

    @Test func builtNodesReadTheSame() {
        let mark = SourceMark(file: "b.yaml", line: 4, column: 2)
        let key = YAMLNode(.scalar(YAMLScalar(text: "b", style: .plain)), mark: mark)
        let value = YAMLNode(.scalar(YAMLScalar(text: "3", style: .plain)), mark: mark)
        let node = YAMLNode(.mapping([YAMLPair(key: key, value: value)]), mark: mark)
        #expect(node.keys == ["b"])
        #expect(node["b"]?.scalar?.text == "3")
        #expect(node.mapping?.count == 1)
        let items = YAMLNode(.sequence(YAMLNode.Items([value, value])), mark: mark)
        #expect(items.sequence?.count == 2)
        #expect(items.sequence?.last?.scalar?.text == "3")
    }

    @Test func changingAParsedNodeLeavesTheDocumentAlone() throws {
        let document = try #require(root(text))
        var list = try #require(document["list"])
        let extra = YAMLNode(.scalar(YAMLScalar(text: "w", style: .plain)), mark: list.mark)
        list.content = .sequence(YAMLNode.Items(Array(list.sequence ?? []) + [extra]))
        list.mark = SourceMark(file: "moved.yaml", line: 9, column: 9)
        list.anchor = "mine"
        #expect(list.sequence?.compactMap { $0.scalar?.text } == ["x", "y", "z", "w"])
        #expect(list.mark.file == "moved.yaml")
        #expect(list.anchor == "mine")
        #expect(document["list"]?.sequence?.count == 3)
        #expect(document["list"]?.mark.file == "test.yaml")
        #expect(document["list"]?.anchor == nil)
    }

    @Test func aScalarKeepsItsLineMarksInTheArena() throws {
        let document = try #require(root("note: |\n  one\n  two\nplain: 'quoted'\n"))
        #expect(document["note"]?.scalar?.lineMarks.prefix(2).map(place) == ["2:3", "3:3"])
        #expect(document["plain"]?.scalar?.lineMarks.map(place) == ["4:9"])
        #expect(document["plain"]?.scalar?.style == .singleQuoted)
    }
}
