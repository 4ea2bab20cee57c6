/// The reasoning behind ``ChangePoints``: which parts of an expression read the varied input,
/// what they are worth at a point, and (in the extensions) how they move over a stretch and
/// where their outcome changes.
struct ChangePointFinder {
    let variation: Variation
    let derived: DerivedTable
    /// The bindings at some value of the input, for parts that do not read it.
    let held: Bindings
    let bindingsAt: (Double) -> Bindings
    /// What is known about derived values so far, and the work done: a derived value read
    /// twice by the next one, down a chain, must not make the reasoning exponential.
    let memo: Memo
    /// ``Bindings/hash(_:)`` of the varied input's name, to tell most other names apart at once.
    private let variationHash: Int

    init(variation: Variation, derived: [String: Expression], held: Bindings, bindingsAt: @escaping (Double) -> Bindings) {
        self.variation = variation
        self.derived = DerivedTable(derived)
        self.held = held
        self.bindingsAt = bindingsAt
        memo = Memo(places: self.derived.places)
        variationHash = Bindings.hash(variation.name)
    }

    /// The most parts the reasoning visits before it gives up (and the caller samples).
    static let maximumVisits = 50_000

    /// What is known about each derived value read on each side, by its place in
    /// ``DerivedTable`` (see ``DerivedTarget/place``).
    final class Memo {
        // Not checked for exclusive access at run time: a memo serves one search on one
        // thread, and no access spans a call out of it. The checks were about half a percent
        // of a batch (measured with `perf`).
        @exclusivity(unchecked) var depends: [Bool?]
        /// Which derived values read nothing but the input (see `readsOnlyTheInput`).
        @exclusivity(unchecked) var readsOnlyTheInput: [Bool?]
        @exclusivity(unchecked) var directions: [Direction?]
        /// The derived values already cut where they cannot be computed, on `piece`.
        @exclusivity(unchecked) var defined: [Bool]
        /// The stretch `directions` and `defined` hold for.
        @exclusivity(unchecked) var piece: ClosedRange<Double>?
        @exclusivity(unchecked) var visits = 0
        /// Every comparison's change found, as the two points it lies between (see ``Located``).
        @exclusivity(unchecked) var brackets: [ClosedRange<Double>] = []
        /// The points where an outcome may change exactly: ends of stretches, where a text flips.
        @exclusivity(unchecked) var exact: Set<Double> = []
        /// The searches for the comparisons' changes on the stretch being reasoned about, run
        /// once every part has been shown monotone on it: a part that must be cut first would
        /// throw their looks away.
        @exclusivity(unchecked) var deferred: [() -> [Double]] = []

        init(places: Int) {
            depends = Array(repeating: nil, count: places)
            readsOnlyTheInput = depends
            directions = Array(repeating: nil, count: places)
            defined = Array(repeating: false, count: places)
        }

        /// Forgets what held on another stretch.
        func enter(_ stretch: ClosedRange<Double>) {
            guard piece != stretch else { return }
            for place in directions.indices {
                directions[place] = nil
                defined[place] = false
            }
            piece = stretch
        }
    }

    /// A derived value read on a side: its expression, the side it is evaluated on, and its
    /// place in the memo.
    struct DerivedTarget {
        var expression: Expression
        var side: Side?
        var place: Int
    }

    /// Counts one more part visited; stops when there have been too many.
    func visit() throws(Stop) {
        memo.visits += 1
        if memo.visits > Self.maximumVisits { throw .unsupported }
    }

    /// Why reasoning about a stretch stopped.
    enum Stop: Error {
        /// The stretch must be cut here first: a part is monotone only on each side of it.
        case split(Double)
        /// A part the analysis cannot reason about.
        case unsupported
    }

    /// How a number moves as the input grows, on one stretch (never strictly: flat runs
    /// count, which is all a comparison needs to change at most once).
    enum Direction: Equatable {
        case constant, increasing, decreasing

        var flipped: Direction {
            switch self {
            case .constant: .constant
            case .increasing: .decreasing
            case .decreasing: .increasing
            }
        }

        /// The direction of `self` scaled by a number of `sign`.
        func times(sign: Double) -> Direction { sign > 0 ? self : sign < 0 ? flipped : .constant }

        /// The direction of a sum of parts moving `self` and `other` ways; `nil` when they
        /// pull against each other, so the sum need not be monotone.
        func plus(_ other: Direction) -> Direction? {
            if self == .constant { return other }
            if other == .constant || other == self { return self }
            return nil
        }
    }

    // MARK: Which parts read the input

    /// The side a name reference reads on when its expression is evaluated on `side`.
    func side(of reference: NameReference, evaluatedOn side: Side?) -> Side? {
        switch reference.access {
        case .whole: nil
        case .perSide: side
        case .pinned(let pinned): pinned
        }
    }

    /// Whether `reference` reads the varied input itself.
    func readsInput(_ reference: NameReference, _ side: Side?) -> Bool {
        guard reference.hash == variationHash, reference.name == variation.name else { return false }
        // A single value stands for both sides; a bilateral one is read on one side at a time.
        guard let varied = variation.side else { return true }
        return self.side(of: reference, evaluatedOn: side) == varied
    }

    /// The derived value `reference` reads, with the side its expression is evaluated on;
    /// `nil` when the name is not derived or the read cannot succeed (a per-side value read whole).
    func derivedTarget(_ reference: NameReference, _ side: Side?) -> DerivedTarget? {
        guard !derived.isEmpty, let index = derived.index(of: reference) else { return nil }
        let expression = derived.expressions[index]
        guard expression.isPerSide else { return DerivedTarget(expression: expression, side: nil, place: DerivedTable.place(index, nil)) }
        guard let chosen = self.side(of: reference, evaluatedOn: side) else { return nil }
        return DerivedTarget(expression: expression, side: chosen, place: DerivedTable.place(index, chosen))
    }

    /// Whether the value of `node`, evaluated on `side`, can depend on the input. Written out
    /// case by case, like `readsOnlyTheInput`, rather than through a shared walk over a node's
    /// operands: it runs for every part at every stretch of every scan, and a closure and a
    /// key-path memo here made a batch about a tenth slower (measured).
    func depends(_ node: Node, _ side: Side?) -> Bool {
        switch node.operation {
        case .literal:
            return false
        case .name(let reference):
            if readsInput(reference, side) { return true }
            guard let target = derivedTarget(reference, side) else { return false }
            if let known = memo.depends[target.place] { return known }
            let answer = depends(target.expression.root, target.side)
            memo.depends[target.place] = answer
            return answer
        case .negate(let operand), .not(let operand):
            return depends(operand, side)
        case .arithmetic(_, let left, let right), .ordering(_, let left, let right),
             .equality(_, let left, let right), .and(let left, let right), .or(let left, let right):
            return depends(left, side) || depends(right, side)
        case .call(_, let arguments):
            return arguments.contains { depends($0, side) }
        case .nameCall(let function, let reference):
            if reference.hash == variationHash, reference.name == variation.name {
                // The input always has a value while it is varied, so `answered` cannot change.
                return function != .answered && variation.side != nil
            }
            guard !derived.isEmpty, let index = derived.index(of: reference) else { return false }
            let expression = derived.expressions[index]
            return expression.isPerSide
                ? depends(expression.root, .left) || depends(expression.root, .right)
                : depends(expression.root, nil)
        }
    }

    // MARK: Values at a point

    func evaluator(at value: Double, _ side: Side?) -> Evaluator {
        Evaluator(bindings: bindingsAt(value), side: side, source: "", explains: false)
    }

    /// The number `node`, which does not read the input, gives.
    func heldNumber(_ node: Node, _ side: Side?) -> Double? {
        try? Evaluator(bindings: held, side: side, source: "", explains: false).number(node)
    }

    /// The number `node` gives with the input at `value`; `nil` when it does not apply there.
    func number(_ node: Node, _ side: Side?, at value: Double) -> Double? {
        try? evaluator(at: value, side).number(node)
    }

    /// The numbers `node` gives at the ends of `piece`; an end where it does not apply (a
    /// denominator reaching 0 there) is replaced by a point just inside. `nil` when even that fails.
    func ends(_ node: Node, _ side: Side?, _ piece: ClosedRange<Double>) -> (Double, Double)? {
        let inset = (piece.upperBound - piece.lowerBound) * 1e-6
        let number = numbers(node, side)
        guard let low = number(piece.lowerBound) ?? number(piece.lowerBound + inset),
              let high = number(piece.upperBound) ?? number(piece.upperBound - inset)
        else { return nil }
        return (low, high)
    }

    /// Whether a monotone part going from `low` to `high` over a stretch passes through 0
    /// inside it; values tiny beside the other end count as 0, so a stretch cut at a zero is
    /// not cut again for rounding.
    static func crossesZero(_ low: Double, _ high: Double) -> Bool {
        let noise = 1e-7 * max(abs(low), abs(high))
        return min(low, high) < -noise && max(low, high) > noise
    }

    /// The sign a monotone part keeps inside a stretch it does not cross 0 in.
    static func interiorSign(_ low: Double, _ high: Double) -> Double {
        abs(low) >= abs(high) ? (low > 0 ? 1 : low < 0 ? -1 : 0) : (high > 0 ? 1 : high < 0 ? -1 : 0)
    }

    /// Stops with a split at the zero of `part`, monotone on `piece`, that passes through 0
    /// inside it: `part(x)` found by bracketing the sign change.
    func splitAtZero(_ piece: ClosedRange<Double>, of part: (Double) -> Double?) -> Stop {
        let bracket = ChangePoints.bracket(in: piece) { x in
            let number = part(x)
            return ChangePoints.Look(outcome: number.map { $0 > 0 }, measure: number)
        }
        guard bracket.count == 2 else { return .unsupported }
        let point = (bracket[0] + bracket[1]) / 2
        return point > piece.lowerBound && point < piece.upperBound ? .split(point) : .unsupported
    }
}
