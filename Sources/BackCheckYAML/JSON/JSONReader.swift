/// A strict JSON reader (RFC 8259) that builds ``YAMLNode`` trees with marks, so that JSON
/// input gets the same typed reading and `FILE:LINE:COLUMN` diagnostics as YAML.
///
/// Strings become double-quoted scalars; numbers, `true`, `false` and `null` become plain
/// scalars holding their text as written, which ``YAMLNode/jsonValue`` and the typed
/// readers resolve as they would the same YAML. A repeated object key is reported naming
/// both lines, and the first one is kept. A leading byte order mark is skipped.
///
/// ```swift
/// let (node, diagnostics) = JSONReader.parse(#"{"age": 41}"#, file: "answers.json")
/// ```
///
/// It works on UTF-8 bytes without Foundation, for batches of many thousand JSON Lines.
public enum JSONReader {
    /// Reads exactly one JSON value from `bytes`; anything but white space after it is an
    /// error. `line` is the line number of the first byte (for one line of a JSON Lines file).
    public static func parse(
        _ bytes: [UInt8], file: String, line: Int = 1, maxDepth: Int = YAMLLimits.default.maxDepth
    ) -> (node: YAMLNode?, diagnostics: DiagnosticLog) {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer, file: file, line: line, maxDepth: maxDepth)
            let node = scanner.value()
            if node != nil { scanner.expectEnd() }
            return (scanner.failed ? nil : node, scanner.diagnostics)
        }
    }

    /// Reads exactly one JSON value from `text`.
    public static func parse(
        _ text: some StringProtocol, file: String, line: Int = 1, maxDepth: Int = YAMLLimits.default.maxDepth
    ) -> (node: YAMLNode?, diagnostics: DiagnosticLog) {
        parse(Array(text.utf8), file: file, line: line, maxDepth: maxDepth)
    }

    /// Reads every JSON value in `bytes`, one after another, separated by white space or
    /// nothing (JSON Lines, or a stream of documents). Reading stops at the first syntax
    /// error; the values before it are returned.
    public static func parseSequence(
        _ bytes: [UInt8], file: String, line: Int = 1, maxDepth: Int = YAMLLimits.default.maxDepth
    ) -> (nodes: [YAMLNode], diagnostics: DiagnosticLog) {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer, file: file, line: line, maxDepth: maxDepth)
            var nodes: [YAMLNode] = []
            while scanner.hasMore {
                scanner.nodeCount = 0  // the limit is per value, as for one line of JSON Lines
                guard let node = scanner.value() else { break }
                nodes.append(node)
            }
            return (nodes, scanner.diagnostics)
        }
    }

    /// Reads every JSON value in `text`, one after another.
    public static func parseSequence(
        _ text: some StringProtocol, file: String, line: Int = 1, maxDepth: Int = YAMLLimits.default.maxDepth
    ) -> (nodes: [YAMLNode], diagnostics: DiagnosticLog) {
        parseSequence(Array(text.utf8), file: file, line: line, maxDepth: maxDepth)
    }
}
