import BackCheckExpressions
import BackCheckYAML
import Testing

/// Expressions read from YAML nodes report problems at the character in the author's file.
@Suite("Expressions from YAML nodes")
struct YAMLNodeTests {
    /// A scalar node whose value starts at 7:11 of a.yaml (for a quoted scalar, past the quote).
    func scalarNode(_ text: String, style: YAMLScalar.Style = .plain, lineMarks: [SourceMark]? = nil) -> YAMLNode {
        let marks = lineMarks ?? [SourceMark(file: "a.yaml", line: 7, column: 11)]
        let nodeMark = style == .plain ? marks[0] : marks[0].advanced(byColumns: -1)
        return YAMLNode(.scalar(YAMLScalar(text: text, style: style, lineMarks: marks)), mark: nodeMark)
    }

    @Test("a compile error is reported at the line and column inside the file")
    func columnInFile() {
        let reader = NodeReader()
        let expression = Expression(node: scalarNode("hip_angle > 'x'"), scope: testScope, reader: reader)
        #expect(expression == nil)
        #expect(reader.diagnostics.all.map(\.description) == [
            "a.yaml:7:23: error: expected a number after '>', found a string",
        ])
    }

    @Test("an unknown name in a quoted scalar is reported past the opening quote")
    func quoted() {
        let reader = NodeReader()
        let node = scalarNode("knee_flexion < 80 and hip_angel > 0", style: .singleQuoted,
                              lineMarks: [SourceMark(file: "a.yaml", line: 3, column: 15)])
        #expect(Expression(node: node, scope: testScope, reader: reader) == nil)
        #expect(reader.diagnostics.all.map(\.description) == [
            "a.yaml:3:37: error: unknown name 'hip_angel'; did you mean 'hip_angle'?",
        ])
    }

    @Test("a problem on the second line of a block scalar is at that line")
    func blockScalar() {
        let reader = NodeReader()
        let node = scalarNode("hip_angle > 0 and\n  knee_flexon < 80\n", style: .literal, lineMarks: [
            SourceMark(file: "a.yaml", line: 8, column: 5), SourceMark(file: "a.yaml", line: 9, column: 5),
        ])
        #expect(Expression(node: node, scope: testScope, reader: reader) == nil)
        #expect(reader.diagnostics.all.map(\.description) == [
            "a.yaml:9:7: error: unknown name 'knee_flexon'; did you mean 'knee_flexion'?",
        ])
    }

    @Test("a missing ')' names the column of its '(' in the file")
    func missingParen() {
        let reader = NodeReader()
        #expect(Expression(node: scalarNode("min(hip_angle, 3"), scope: testScope, reader: reader) == nil)
        #expect(reader.diagnostics.all.map(\.description) == [
            "a.yaml:7:27: error: missing ')' to close 'min(' at column 14",
        ])
    }

    @Test("plain numbers and booleans are expressions too")
    func plainScalars() throws {
        let reader = NodeReader()
        let severity = try #require(Expression(node: scalarNode("0.5"), scope: testScope, reader: reader))
        #expect(severity.evaluate(Bindings(), side: nil) == .value(.number(0.5)))
        let always = try #require(Expression(node: scalarNode("true"), scope: testScope, reader: reader))
        #expect(always.evaluate(Bindings(), side: nil) == .value(.bool(true)))
        #expect(reader.diagnostics.isEmpty)
    }

    @Test("a mapping, a sequence or nothing is not an expression")
    func notScalar() {
        let reader = NodeReader()
        let mark = SourceMark(file: "a.yaml", line: 4, column: 9)
        let key = YAMLNode(.scalar(YAMLScalar(text: "a", style: .plain)), mark: mark)
        let mapping = YAMLNode(.mapping([YAMLPair(key: key, value: key)]), mark: mark)
        let sequence = YAMLNode(.sequence([key]), mark: mark)
        let null = YAMLNode(.scalar(YAMLScalar(text: "", style: .plain)), mark: mark)
        for node in [mapping, sequence, null] {
            #expect(Expression(node: node, scope: testScope, reader: reader) == nil)
        }
        #expect(reader.diagnostics.all.map(\.description) == [
            "a.yaml:4:9: error: expected an expression, found a mapping",
            "a.yaml:4:9: error: expected an expression, found a sequence",
            "a.yaml:4:9: error: expected an expression, found nothing (null)",
        ])
    }
}
