import BackCheckYAML
import Testing

/// An example's answers are kept as a copy of their subtree (`YAMLNode.detached`), so the
/// file's tree can go: the copy must be the same nodes, aliases and all.
@Suite struct DetachedNodeTests {
    static let text = """
        base: &base {a: 1, b: [x, "y"]}
        word: &word hello
        examples:
          - answers:
              first: *word
              nested: {k: [1, 2, {deep: *base}]}
              again: *base
              anchored: &inside [p, 'q']
              reused: *inside
              text: |
                two
                lines
          - answers: {}
        """

    /// Whether `a` and `b` are the same nodes: content, scalar styles, places, tags and anchors.
    static func same(_ a: YAMLNode, _ b: YAMLNode) -> Bool {
        guard place(a.mark) == place(b.mark), a.mark.file == b.mark.file, a.tag == b.tag, a.anchor == b.anchor else { return false }
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)): return x.text == y.text && x.style == y.style
        case (.sequence(let x), .sequence(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.mapping(let x), .mapping(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0.key, $1.key) && same($0.value, $1.value) }
        default: return false
        }
    }

    @Test("a detached subtree is the same nodes, whether an alias starts it, ends it or sits inside")
    func detachedIsTheSame() throws {
        let document = try #require(root(Self.text))
        let examples = try #require(document["examples"]?.sequence)
        let answers = try #require(examples.first?["answers"])
        // Each of these starts its run of the arena differently: an alias first (`answers`),
        // an alias to a node outside the run (`nested`, `again`), a plain leaf, an empty mapping.
        let parts = [answers, answers["nested"], answers["again"], answers["reused"], answers["text"], examples.last?["answers"], document]
        for part in parts {
            let node = try #require(part)
            #expect(Self.same(node.detached, node), "\(node.mark)")
        }
        #expect(answers.detached["first"]?.scalar?.text == "hello")
        #expect(answers.detached["again"]?["b"]?.sequence?.count == 2)
        #expect(answers.detached["text"]?.scalar?.text == "two\nlines\n")
    }
}
