import BackCheckExpressions
import BackCheckYAML

/// Puts `--set` overrides into an answers tree before it is read, so an overridden value
/// is checked exactly like one written in the file (with its marks in `--set`).
enum OverrideApplier {
    static func apply(_ overrides: [AnswerOverride], to root: YAMLNode, catalogue: Catalogue, reader: NodeReader) -> YAMLNode {
        var document = root
        for override in overrides {
            let mark = SourceMark(file: "--set '\(override.text)'", line: 1, column: 1)
            guard let assessment = catalogue.assessment(override.assessment) else {
                var hint = Suggestion.hint(for: override.assessment, among: catalogue.everyAssessmentID)
                if override.assessment == "profile" { hint = "; --set changes answers only: change the profile in the answers file" }
                reader.error("unknown assessment '\(override.assessment)'\(hint)", at: mark)
                continue
            }
            guard let input = assessment.input(override.input) else {
                let hint = Suggestion.hint(for: override.input, among: assessment.inputs.map(\.name))
                reader.error("'\(assessment.id)' has no input '\(override.input)'\(hint)", at: mark)
                continue
            }
            if override.side != nil, !input.bilateral {
                reader.error("'\(assessment.id)' input '\(input.name)' is not measured per side; drop the side", at: mark)
                continue
            }
            guard document.mapping != nil else { return document }
            var path = ["answers", assessment.id, input.name]
            if let side = override.side { path.append(side.rawValue) }
            document = setting(override.value, at: path[...], in: document, mark: mark)
        }
        return document
    }

    /// `node` with the value at `path` replaced (or added), creating mappings on the way.
    /// A mapping created here carries the mark of the file's nearest block it was added to, so
    /// a problem with the rest of that block (another side, another input the file lacks) points
    /// into the answers file, not at the command line.
    private static func setting(_ value: YAMLNode, at path: ArraySlice<String>, in node: YAMLNode, mark: SourceMark) -> YAMLNode {
        guard let key = path.first else { return value }
        var pairs = Array(node.mapping ?? [])
        var updated = node.mapping == nil ? YAMLNode(.mapping([]), mark: mark) : node
        if let index = pairs.firstIndex(where: { $0.key.scalar?.text == key }) {
            pairs[index].value = setting(value, at: path.dropFirst(), in: pairs[index].value, mark: mark)
        } else {
            let keyNode = YAMLNode(.scalar(YAMLScalar(text: key, style: .plain)), mark: mark)
            let child = setting(value, at: path.dropFirst(), in: YAMLNode(.mapping([]), mark: updated.mark), mark: mark)
            pairs.append(YAMLPair(key: keyNode, value: child))
        }
        updated.content = .mapping(YAMLNode.Pairs(pairs))
        return updated
    }
}
