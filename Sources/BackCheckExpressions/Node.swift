/// How an expression reads a name.
enum Access: Hashable, Sendable {
    /// The name's one value, or a bilateral name's two values taken together (the
    /// argument of `answered`, `weaker_side`, `asymmetry`).
    case whole
    /// A bare bilateral name: the value on the side being evaluated.
    case perSide
    /// `name.left` or `name.right`.
    case pinned(Side)
}

/// A name resolved at compile time, with what the evaluator needs to read and check it.
struct NameReference: Hashable, Sendable {
    var name: String {
        didSet { hash = Bindings.hash(name) }
    }
    var access: Access
    var kind: ValueKind
    var optional: Bool
    /// ``Bindings/hash(_:)`` of `name`, worked out once: the tree walk looks the name up on
    /// every evaluation, and the report evaluates hundreds of times per person.
    private(set) var hash: Int

    init(name: String, access: Access, kind: ValueKind, optional: Bool) {
        self.name = name
        self.access = access
        self.kind = kind
        self.optional = optional
        hash = Bindings.hash(name)
    }

    /// The name as the author would write it for `side`: `hip_angle.left`.
    func written(on side: Side?) -> String {
        switch access {
        case .pinned(let pinned): "\(name).\(pinned.rawValue)"
        case .perSide: side.map { "\(name).\($0.rawValue)" } ?? name
        case .whole: name
        }
    }
}

/// One node of a compiled expression: names resolved, kinds checked, and the span of text
/// it came from, to quote in the reasons an expression does not apply.
struct Node: Hashable, Sendable {
    var operation: Operation
    /// The kind of value the node produces.
    var kind: ValueKind
    var span: Span
}

/// What a compiled node does.
indirect enum Operation: Hashable, Sendable {
    case literal(Value)
    case name(NameReference)
    case negate(Node)
    case not(Node)
    /// `+ - * /` on numbers.
    case arithmetic(BinaryOperator, Node, Node)
    /// `< <= > >=` on numbers.
    case ordering(BinaryOperator, Node, Node)
    /// `==` or `!=` on two values of one kind.
    case equality(BinaryOperator, Node, Node)
    case and(Node, Node)
    case or(Node, Node)
    /// A function whose arguments are values.
    case call(Function, [Node])
    /// A function that takes a name, not a value: `answered`, `weaker_side`, `asymmetry`.
    case nameCall(Function, NameReference)
}
