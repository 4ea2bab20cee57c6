/// What parsing one YAML stream produced: its documents and every problem found.
public struct YAMLParseResult: Sendable {
    /// The documents read, in order. A document that libyaml could not finish, or that hit
    /// a limit, is left out; documents before it are kept.
    public var documents: [YAMLDocument]
    /// Every problem found, in the order found.
    public var diagnostics: DiagnosticLog

    /// Creates a result.
    public init(documents: [YAMLDocument], diagnostics: DiagnosticLog) {
        self.documents = documents
        self.diagnostics = diagnostics
    }
}

/// Parses YAML into ``YAMLDocument``s whose every node carries its file, line and column.
///
/// The parser reads libyaml's events and builds the nodes itself, so that it can check
/// what libyaml does not: duplicate keys (reported naming both lines), unknown aliases,
/// and the limits in ``YAMLLimits``. It never stops at the first problem it can survive,
/// and it never traps on any input.
///
/// ```swift
/// let result = YAMLParser().parseFile(atPath: "Assessments/thomas.yaml")
/// for problem in result.diagnostics { print(problem) }
/// let root = result.documents.first?.root
/// ```
public struct YAMLParser: Sendable {
    /// The limits applied to every stream.
    public var limits: YAMLLimits
    /// Whether explicit tags (`!!null`, `!!str`, `!custom`) are accepted. BackCheck's own files
    /// refuse them: a value is typed by the field it goes into, and a tag that silently made
    /// `!!null 90` a missing answer while `!!str 90` stayed 90 would be one rule too many.
    public var allowsTags: Bool

    /// Creates a parser with `limits`; tags are allowed unless `allowsTags` is `false`.
    public init(limits: YAMLLimits = .default, allowsTags: Bool = true) {
        self.limits = limits
        self.allowsTags = allowsTags
    }

    /// Parses the text `text`, naming it `file` in marks.
    public func parse(_ text: String, file: String) -> YAMLParseResult {
        parse(Array(text.utf8), file: file)
    }

    /// Parses the bytes `bytes` (UTF-8, or UTF-16 with a byte order mark), naming them
    /// `file` in marks. An empty input is a valid stream of no documents.
    public func parse(_ bytes: [UInt8], file: String) -> YAMLParseResult {
        guard bytes.count <= limits.maxFileBytes else {
            let message = "the file is \(bytes.count) bytes, more than the limit of \(limits.maxFileBytes) bytes"
            return YAMLParseResult(
                documents: [], diagnostics: DiagnosticLog([.error(message, at: SourceMark(file: file, line: 1, column: 1))]))
        }
        guard !bytes.isEmpty else { return YAMLParseResult(documents: [], diagnostics: DiagnosticLog()) }
        let source = SourceText(bytes)
        var builder = TreeBuilder(file: file, limits: limits, source: source, allowsTags: allowsTags)
        bytes.withUnsafeBufferPointer { buffer in
            let events = LibYAMLEvents(buffer: buffer)
            while true {
                let goesOn = events.next { event in event.kind != .streamEnd && builder.consume(event) }
                switch goesOn {
                case .failure(let failure):
                    builder.fail(failure.diagnostic(file: file, source: source))
                    return
                case .success(let goesOn):
                    guard goesOn else { return }
                }
            }
        }
        return builder.finish()
    }

    /// Reads and parses the file at `path`. A file that is missing, unreadable or too
    /// large is reported as a diagnostic, not thrown.
    public func parseFile(atPath path: String) -> YAMLParseResult {
        switch FileBytes.load(path, limit: limits.maxFileBytes) {
        case .success(let bytes): return parse(bytes, file: path)
        case .failure(let problem):
            return YAMLParseResult(documents: [], diagnostics: DiagnosticLog([problem]))
        }
    }
}
