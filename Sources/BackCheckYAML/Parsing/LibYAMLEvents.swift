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

/// One libyaml event, read in place: valid only inside the ``LibYAMLEvents/next(_:)`` call that
/// hands it out.
///
/// Copying each event into an enum of Swift strings cost the parser a copy, a retain and a
/// release of every payload per event; the builder now takes from the C event only what it
/// keeps, and an absent anchor or tag costs nothing.
struct ParseEvent: ~Copyable {
    /// What happened; the data that goes with it is read through the properties below.
    enum Kind {
        case streamStart, streamEnd, documentStart, documentEnd
        case alias, scalar, sequenceStart, sequenceEnd, mappingStart, mappingEnd
    }

    fileprivate let event: UnsafePointer<yaml_event_t>
    let kind: Kind

    fileprivate init(_ event: UnsafePointer<yaml_event_t>) {
        self.event = event
        kind = switch event.pointee.type {
        case YAML_STREAM_START_EVENT: .streamStart
        case YAML_DOCUMENT_START_EVENT: .documentStart
        case YAML_DOCUMENT_END_EVENT: .documentEnd
        case YAML_ALIAS_EVENT: .alias
        case YAML_SCALAR_EVENT: .scalar
        case YAML_SEQUENCE_START_EVENT: .sequenceStart
        case YAML_SEQUENCE_END_EVENT: .sequenceEnd
        case YAML_MAPPING_START_EVENT: .mappingStart
        case YAML_MAPPING_END_EVENT: .mappingEnd
        // YAML_NO_EVENT: libyaml answers it only after the stream has ended.
        default: .streamEnd
        }
    }

    var start: RawMark { RawMark(event.pointee.start_mark) }
    var end: RawMark { RawMark(event.pointee.end_mark) }

    /// A scalar's text.
    var scalarText: String {
        let data = event.pointee.data.scalar
        guard let value = data.value else { return "" }
        return String(decoding: UnsafeBufferPointer(start: value, count: data.length), as: UTF8.self)
    }

    /// How a scalar was written.
    var scalarStyle: YAMLScalar.Style {
        switch event.pointee.data.scalar.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// The anchor an alias names.
    var aliasName: String { Self.string(event.pointee.data.alias.anchor) ?? "" }

    /// The anchor written on a scalar or a collection's start, if any.
    var anchor: String? { Self.string(properties.anchor) }

    /// The tag written on a scalar or a collection's start, if any.
    var tag: String? { Self.string(properties.tag) }

    /// The C strings of the anchor and tag, from the event's own kind of data (null when not
    /// written): no string is made unless one is asked for.
    private var properties: (anchor: UnsafeMutablePointer<yaml_char_t>?, tag: UnsafeMutablePointer<yaml_char_t>?) {
        let data = event.pointee.data
        return switch kind {
        case .scalar: (data.scalar.anchor, data.scalar.tag)
        case .sequenceStart: (data.sequence_start.anchor, data.sequence_start.tag)
        case .mappingStart: (data.mapping_start.anchor, data.mapping_start.tag)
        default: (nil, nil)
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
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

    /// Hands the next event to `body` and answers what it did, or why there is no event.
    /// The event is freed when `body` returns.
    func next<Answer>(_ body: (borrowing ParseEvent) -> Answer) -> Result<Answer, LibYAMLFailure> {
        guard isInitialised else {
            return .failure(LibYAMLFailure(problem: "libyaml could not start (out of memory)"))
        }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else { return .failure(failure()) }
        defer { yaml_event_delete(&event) }
        return withUnsafePointer(to: &event) { .success(body(ParseEvent($0))) }
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
