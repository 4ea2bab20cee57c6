public import BackCheckExpressions
public import BackCheckYAML

/// One `--set ID.input[.side]=VALUE` override of an answers file.
///
/// ```swift
/// let override = try AnswerOverride.parse("hip-flexor-thomas.hip_angle.left=6").get()
/// ```
/// VALUE is read as YAML (a scalar, or a flow list or mapping such as `{left: 8, right: -2}`),
/// so it is typed and checked exactly like the same value in a file; its marks name the file
/// `--set`.
public struct AnswerOverride: Sendable {
    /// The assessment id.
    public var assessment: String
    /// The input name.
    public var input: String
    /// The side, for one side of a bilateral input.
    public var side: Side?
    /// The value.
    public var value: YAMLNode
    /// The override as written, for messages.
    public var text: String

    /// Reads `ID.input[.side]=VALUE`, or says what is wrong with it.
    public static func parse(_ text: String) -> Result<AnswerOverride, Diagnostic> {
        // Every problem is marked with the argument itself, so it is clear which --set it was.
        let start = SourceMark(file: "--set '\(text)'", line: 1, column: 1)
        guard let equals = text.firstIndex(of: "=") else {
            return .failure(.error("it has no '='; write ID.input=VALUE or ID.input.left=VALUE", at: start))
        }
        let path = text[..<equals].split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let valueText = String(text[text.index(after: equals)...])
        guard path.count == 2 || path.count == 3, !path.contains(where: \.isEmpty) else {
            return .failure(.error("the name before '=' must be ID.input or ID.input.left/right", at: start))
        }
        var side: Side?
        if path.count == 3 {
            guard let named = Side(rawValue: path[2]) else {
                return .failure(.error("'\(path[2])' is not a side; use left or right", at: start))
            }
            side = named
        }
        let offset = text.distance(from: text.startIndex, to: equals) + 1
        let parsed = YAMLParser(allowsTags: false).parse(valueText, file: start.file)
        if let problem = parsed.diagnostics.errors.first {
            return .failure(.error(problem.message, at: problem.mark.map { shifted($0, by: offset) }))
        }
        guard let root = parsed.documents.first?.root, !(root.isNull && valueText.trimmingSpaces.isEmpty) else {
            return .failure(.error("it has no value after '='", at: start))
        }
        return .success(AnswerOverride(
            assessment: path[0], input: path[1], side: side, value: relocate(root, by: offset), text: text))
    }

    /// Marks count from the start of the whole `--set` argument, so a column points into it.
    private static func relocate(_ node: YAMLNode, by offset: Int) -> YAMLNode {
        var moved = node
        moved.mark = shifted(node.mark, by: offset)
        switch node.content {
        case .scalar: break
        case .sequence(let items): moved.content = .sequence(YAMLNode.Items(items.map { relocate($0, by: offset) }))
        case .mapping(let pairs):
            moved.content = .mapping(YAMLNode.Pairs(pairs.map {
                YAMLPair(key: relocate($0.key, by: offset), value: relocate($0.value, by: offset))
            }))
        }
        return moved
    }

    private static func shifted(_ mark: SourceMark, by offset: Int) -> SourceMark {
        mark.line == 1 ? mark.advanced(byColumns: offset) : mark
    }
}
