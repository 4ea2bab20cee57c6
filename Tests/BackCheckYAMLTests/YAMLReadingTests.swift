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
}
