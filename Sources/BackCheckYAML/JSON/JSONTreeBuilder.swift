/// A ``JSONSink`` that builds a ``JSONValue``: for code that reads a document back (tests,
/// comparisons) rather than printing it.
public struct JSONTreeBuilder: JSONSink {
    /// An open array or object, with what it holds so far.
    private struct Open {
        var isObject: Bool
        var items: [JSONValue] = []
        var members: [(key: String, value: JSONValue)] = []
        var pendingKey: String?
    }

    // Each open container is changed where it stands, so adding a value never copies what
    // the container already holds.
    private var open: [Open] = []
    private var finished: JSONValue?

    /// An empty builder.
    public init() {}

    /// The value written; `null` when nothing was.
    public var value: JSONValue { finished ?? .null }

    private mutating func add(_ value: JSONValue) {
        guard !open.isEmpty else {
            finished = value
            return
        }
        let innermost = open.count - 1
        if open[innermost].isObject {
            // A value with no key before it breaks the protocol's rule; it is kept under "".
            open[innermost].members.append((open[innermost].pendingKey ?? "", value))
            open[innermost].pendingKey = nil
        } else {
            open[innermost].items.append(value)
        }
    }

    public mutating func writeNull() { add(.null) }
    public mutating func write(_ value: Bool) { add(.bool(value)) }
    public mutating func write(_ value: Int) { add(.integer(value)) }
    public mutating func write(_ value: Double) { add(.number(value)) }
    public mutating func write(_ value: String) { add(.string(value)) }
    public mutating func beginArray() { open.append(Open(isObject: false)) }
    public mutating func beginObject() { open.append(Open(isObject: true)) }

    public mutating func endArray() {
        guard let closed = open.popLast(), !closed.isObject else { return }
        add(.array(closed.items))
    }

    public mutating func endObject() {
        guard let closed = open.popLast(), closed.isObject else { return }
        add(.object(closed.members))
    }

    public mutating func key(_ key: String) {
        guard let innermost = open.indices.last, open[innermost].isObject else { return }
        open[innermost].pendingKey = key
    }
}

extension JSONValue {
    /// The value `body` writes into a sink, as a tree.
    public static func build(_ body: (inout JSONTreeBuilder) -> Void) -> JSONValue {
        var builder = JSONTreeBuilder()
        body(&builder)
        return builder.value
    }
}
