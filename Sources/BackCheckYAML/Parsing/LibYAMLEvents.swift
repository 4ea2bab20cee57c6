internal import CYAML

/// A libyaml position: 0-based line and column (in characters) and character index.
struct RawMark {
    var line: Int
    var column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: yaml_mark_t) {
        line = mark.line
        column = mark.column
    }

    /// The 1-based mark authors see.
    func sourceMark(in file: String) -> SourceMark {
        SourceMark(file: file, line: line + 1, column: column + 1)
    }
}

/// One libyaml event, copied into Swift values so that the C event is freed at once.
struct ParseEvent {
    /// What happened, with the event's own data.
    enum Kind {
        case streamStart, streamEnd, documentEnd, sequenceEnd, mappingEnd
        case documentStart
        case alias(String)
        case scalar(text: String, style: YAMLScalar.Style, anchor: String?, tag: String?)
        case sequenceStart(anchor: String?, tag: String?)
        case mappingStart(anchor: String?, tag: String?)
    }

    var kind: Kind
    var start: RawMark
    var end: RawMark
}

/// What libyaml reported when it gave up.
struct LibYAMLFailure: Error {
    /// The problem, context and where each is, as libyaml words them.
    var problem: String
    var problemMark: RawMark?
    var context: String?
    var contextMark: RawMark?
    /// For a failure of libyaml's reader (bad encoding, control characters): the byte
    /// offset and, when it is one, the offending value.
    var readerOffset: Int?
    var readerValue: Int?
}

/// libyaml's event parser over a byte buffer: one `yaml_parser_t`, freed when this is.
///
/// The buffer must outlive the reader; ``YAMLParser`` keeps both inside one
/// `withUnsafeBufferPointer` call.
final class LibYAMLEvents {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private var isInitialised = false

    /// Starts reading `buffer`, which must not be empty.
    init(buffer: UnsafeBufferPointer<UInt8>) {
        parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        guard let base = buffer.baseAddress, yaml_parser_initialize(parser) != 0 else { return }
        isInitialised = true
        yaml_parser_set_input_string(parser, base, buffer.count)
    }

    deinit {
        if isInitialised { yaml_parser_delete(parser) }
        parser.deallocate()
    }

    /// The next event, or why there is none.
    func next() -> Result<ParseEvent, LibYAMLFailure> {
        guard isInitialised else {
            return .failure(LibYAMLFailure(problem: "libyaml could not start (out of memory)"))
        }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else { return .failure(failure()) }
        defer { yaml_event_delete(&event) }
        return .success(ParseEvent(
            kind: Self.kind(of: event), start: RawMark(event.start_mark), end: RawMark(event.end_mark)))
    }

    private static func kind(of event: yaml_event_t) -> ParseEvent.Kind {
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        case YAML_ALIAS_EVENT: return .alias(string(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = data.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self)
            } ?? ""
            return .scalar(text: text, style: style(data.style), anchor: string(data.anchor), tag: string(data.tag))
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            return .sequenceStart(anchor: string(data.anchor), tag: string(data.tag))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            return .mappingStart(anchor: string(data.anchor), tag: string(data.tag))
        default:
            // YAML_NO_EVENT: libyaml answers it only after the stream has ended.
            return .streamEnd
        }
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private func failure() -> LibYAMLFailure {
        let state = parser.pointee
        let problem = Self.string(state.problem) ?? "the YAML could not be read"
        if state.error == YAML_READER_ERROR {
            return LibYAMLFailure(
                problem: problem, readerOffset: state.problem_offset,
                readerValue: state.problem_value >= 0 ? Int(state.problem_value) : nil)
        }
        if state.error == YAML_MEMORY_ERROR {
            return LibYAMLFailure(problem: "libyaml ran out of memory")
        }
        return LibYAMLFailure(
            problem: problem, problemMark: RawMark(state.problem_mark),
            context: Self.string(state.context), contextMark: RawMark(state.context_mark))
    }
}
