public import BackCheckExpressions
public import BackCheckYAML

/// A rule's `side:` — a fixed side (`left`, `right`) or an expression giving `'left'` or
/// `'right'`, such as `weaker_side(side_bridge)`.
public enum SideSelector: Sendable, Hashable {
    /// Always this side.
    case fixed(Side)
    /// The side an expression names.
    case computed(Expression)

    /// Reads a side selector from `node`, reporting problems to `reader`.
    public init?(node: YAMLNode, scope: Scope, reader: NodeReader) {
        if let text = node.scalar?.text, node.scalar?.style == .plain, let side = Side(rawValue: text) {
            self = .fixed(side)
            return
        }
        // `leftt` or `Right` is a side misspelt, not an unknown name of the scope.
        if let text = node.scalar?.text, node.scalar?.style == .plain, scope.info(for: text) == nil,
           let side = Suggestion.closest(to: text.lowercased(), among: Side.allCases.map(\.rawValue)) ?? Side(rawValue: text.lowercased())?.rawValue {
            reader.error("side must be left, right, or an expression giving 'left' or 'right'; did you mean '\(side)'?", at: node.mark)
            return nil
        }
        guard let expression = Expression(node: node, scope: scope, reader: reader) else { return nil }
        if let kind = expression.resultKind, kind != .string {
            reader.error("side must be left, right, or an expression giving 'left' or 'right'", at: node.mark)
            return nil
        }
        self = .computed(expression)
    }

    /// The side chosen, or the reason none could be.
    public func resolve(_ bindings: Bindings, side: Side?) -> Result<Side, RuleNotApplicable> {
        switch self {
        case .fixed(let side): return .success(side)
        case .computed(let expression):
            switch expression.evaluate(bindings, side: side) {
            case .value(.string(let text)):
                if let chosen = Side(rawValue: text) { return .success(chosen) }
                return .failure(RuleNotApplicable(reason: "side '\(expression.source)' gave '\(text)', not left or right"))
            case .value(let other):
                return .failure(RuleNotApplicable(reason: "side '\(expression.source)' gave \(other), not left or right"))
            case .notApplicable(let reason):
                return .failure(RuleNotApplicable(reason: reason))
            }
        }
    }
}

/// Why a rule could not be applied.
public struct RuleNotApplicable: Error, Sendable, Hashable {
    /// A sentence for the report.
    public var reason: String

    /// Creates the reason.
    public init(reason: String) { self.reason = reason }
}
