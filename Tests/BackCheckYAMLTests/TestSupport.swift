import BackCheckYAML

/// Parses `text` as the file `test.yaml`.
func parseYAML(_ text: String, limits: YAMLLimits = .default) -> YAMLParseResult {
    YAMLParser(limits: limits).parse(text, file: "test.yaml")
}

/// The root of the only document of `text`, which must parse without diagnostics.
func root(_ text: String) -> YAMLNode? {
    let result = parseYAML(text)
    guard result.diagnostics.isEmpty, result.documents.count == 1 else { return nil }
    return result.documents[0].root
}

/// `line:column` of a mark, for compact expectations.
func place(_ mark: SourceMark?) -> String {
    guard let mark else { return "none" }
    return "\(mark.line):\(mark.column)"
}

extension YAMLNode {
    /// The keys of a mapping, in order.
    var keys: [String] { (mapping ?? []).compactMap { $0.key.scalar?.text } }
}
