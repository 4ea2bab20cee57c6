/// A ``JSONSink`` that builds a ``JSONValue``: for code that reads a document back (tests,
/// comparisons) rather than printing it.
public struct JSONTreeBuilder: JSONSink {
    /// An open array or object, with what it holds so far.
    private enum Open {
        case array([JSONValue])
        case object([(key: String, value: JSONValue)], pendingKey: String?)
    }

    private var open: [Open] = []
    private var finished: JSONValue?

    /// An empty builder.
    public init() {}

    /// The value written; `null` when nothing was.
    public var value: JSONValue { finished ?? .null }

    private mutating func add(_ value: JSONValue) {
        guard let innermost = open.popLast() else {
            finished = value
            return
        }
        switch innermost {
        case .array(var items):
            items.append(value)
            open.append(.array(items))
        case .object(var members, let pendingKey):
            // A value with no key before it breaks the protocol's rule; it is kept under "".
            members.append((pendingKey ?? "", value))
            open.append(.object(members, pendingKey: nil))
        }
    }

    public mutating func writeNull() { add(.null) }
    public mutating func write(_ value: Bool) { add(.bool(value)) }
    public mutating func write(_ value: Int) { add(.integer(value)) }
    public mutating func write(_ value: Double) { add(.number(value)) }
    public mutating func write(_ value: String) { add(.string(value)) }
    public mutating func beginArray() { open.append(.array([])) }

    public mutating func endArray() {
        guard case .array(let items)? = open.popLast() else { return }
        add(.array(items))
    }

    public mutating func beginObject() { open.append(.object([], pendingKey: nil)) }

    public mutating func endObject() {
        guard case .object(let members, _)? = open.popLast() else { return }
        add(.object(members))
    }

    public mutating func key(_ key: String) {
        guard case .object(let members, _)? = open.popLast() else { return }
        open.append(.object(members, pendingKey: key))
    }
}
