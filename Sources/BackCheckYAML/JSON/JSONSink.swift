/// Something a JSON value is written into piece by piece, in document order: ``JSONWriter``
/// writes the text straight away, ``JSONTreeBuilder`` builds a ``JSONValue``.
///
/// One description of a document written against a sink serves both: the tree for code that
/// reads it back, the text for output without building the tree first (a report is thousands
/// of members, and the batch writes one per person).
///
/// ```swift
/// var writer = JSONWriter()
/// writer.object { object in
///     object.key("id"); object.write("thomas")
///     object.key("sides"); object.array { $0.write("left"); $0.write("right") }
/// }
/// writer.text    // {"id":"thomas","sides":["left","right"]}
/// ```
///
/// Calls must make one well-formed value: inside an object every value follows its ``key(_:)``.
public protocol JSONSink {
    /// Writes `null`.
    mutating func writeNull()
    /// Writes `true` or `false`.
    mutating func write(_ value: Bool)
    /// Writes a whole number, without a decimal point.
    mutating func write(_ value: Int)
    /// Writes a number in the shortest form that reads back to the same `Double`; a
    /// non-finite one (which JSON cannot express) as `null`.
    mutating func write(_ value: Double)
    /// Writes a string.
    mutating func write(_ value: String)
    /// Opens an array; its items follow, then ``endArray()``.
    mutating func beginArray()
    /// Closes the innermost open array.
    mutating func endArray()
    /// Opens an object; its members follow, each a ``key(_:)`` and a value, then ``endObject()``.
    mutating func beginObject()
    /// Closes the innermost open object.
    mutating func endObject()
    /// Names the next member of the innermost open object.
    mutating func key(_ key: String)
    /// Names the next member with a name written in the program, which needs no escape: the
    /// `member` helpers pass their keys here, so a writer can copy them as they are (a report
    /// is some six hundred keys, and checking each for characters to escape was a fifth of
    /// writing it). The default passes the name to ``key(_:)-(String)``.
    mutating func key(_ key: StaticString)
}

extension JSONSink {
    /// Passes the name to ``key(_:)-(String)``: a sink that copies no text, such as
    /// ``JSONTreeBuilder``, gains nothing from knowing it needs no escape.
    public mutating func key(_ key: StaticString) {
        self.key(key.description)
    }
}

extension JSONSink {
    /// Writes an array whose items `body` writes.
    public mutating func array(_ body: (inout Self) -> Void) {
        beginArray()
        body(&self)
        endArray()
    }

    /// Writes an object whose members `body` writes.
    public mutating func object(_ body: (inout Self) -> Void) {
        beginObject()
        body(&self)
        endObject()
    }

    /// Writes an array of strings.
    public mutating func write(strings: some Sequence<String>) {
        beginArray()
        for text in strings { write(text) }
        endArray()
    }

    /// Writes `text`, or `null` when there is none.
    public mutating func write(_ text: String?) {
        if let text { write(text) } else { writeNull() }
    }

    /// Writes a value already built.
    public mutating func write(_ value: JSONValue) {
        switch value {
        case .null: writeNull()
        case .bool(let flag): write(flag)
        case .integer(let number): write(number)
        case .number(let number): write(number)
        case .string(let text): write(text)
        case .array(let items):
            beginArray()
            for item in items { write(item) }
            endArray()
        case .object(let members):
            beginObject()
            for member in members {
                key(member.key)
                write(member.value)
            }
            endObject()
        }
    }
}

// MARK: Members

// The keys are names written in the program (see ``JSONSink/key(_:)-(StaticString)``); a key
// made at run time is written with ``JSONSink/key(_:)-(String)`` and the value after it.
extension JSONSink {
    /// Writes the member `key` with a string value.
    public mutating func member(_ key: StaticString, _ value: String) {
        self.key(key)
        write(value)
    }

    /// Writes the member `key` with a whole number.
    public mutating func member(_ key: StaticString, _ value: Int) {
        self.key(key)
        write(value)
    }

    /// Writes the member `key` with `true` or `false`.
    public mutating func member(_ key: StaticString, _ value: Bool) {
        self.key(key)
        write(value)
    }

    /// Writes the member `key` with an array of strings.
    public mutating func member(_ key: StaticString, strings: some Sequence<String>) {
        self.key(key)
        write(strings: strings)
    }

    /// Writes the member `key` with `text`, or `null` when there is none.
    public mutating func member(_ key: StaticString, orNull text: String?) {
        self.key(key)
        write(text)
    }

    /// Writes the member `key` with the value `body` writes.
    public mutating func member(_ key: StaticString, _ body: (inout Self) -> Void) {
        self.key(key)
        body(&self)
    }
}
