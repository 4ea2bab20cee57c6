/// Programs for a change-point search: a part of an expression compiled to run against one
/// person's bindings with a single input moved to a trial value.
///
/// A search looks at thousands of trial values per report. Binding each one and computing
/// the derived values that read the input again, then walking the part's tree, was most of
/// the cost of a look. A part is now compiled when the search needs its numbers on a stretch
/// (once for all the looks of a bracket, once for a stretch's two ends), and the program reads
/// the trial value straight off its argument and computes the derived values it needs in
/// line, so a look allocates and binds nothing. It gives the number the walk gives with the
/// input bound to that value.
extension Program {
    /// What a part is compiled for: the input varied, the derived values to compile in, and
    /// the side the part is evaluated on (each name's side is settled at compile time).
    struct Varying {
        var variation: Variation
        var derived: DerivedTable
        var side: Side?
        /// How many derived values the part being compiled is inside of.
        var nesting = 0
    }

    /// The most instructions a program for a search may have: derived values compiled in line
    /// repeat their code wherever they are read, which a long chain could make huge.
    static let maximumVariedLength = 2_048
    /// The most derived values compiled one inside another: a longer chain keeps the tree
    /// walk, which reads each one bound, rather than compiling it level by level.
    static let maximumVariedNesting = 32

    /// Compiles numeric or boolean `node`, evaluated on `side`, to run with `variation`'s input
    /// at a trial value (see ``value(_:varied:)``); `nil` when part of it cannot be compiled (a
    /// text, a sequence, whether a derived value applies), and the search walks the tree.
    init?(_ node: Node, side: Side?, varying variation: Variation, derived: DerivedTable) {
        guard node.kind == .number || node.kind == .boolean else { return nil }
        var height = 0
        guard emit(node, height: &height, varying: Varying(variation: variation, derived: derived, side: side)) else { return nil }
    }

    /// The value with the varied input at `value` and every other name as `held` binds it
    /// (derived values are computed, not read): a number, or 1 or 0 for a truth value; `nil`
    /// where the part does not apply.
    func value(_ held: Bindings, varied value: Double) -> Double? {
        let result = run(held, side: nil, varied: value)
        return result.isNaN ? nil : result
    }

    /// Appends a read of `reference` for a trial: the trial value where it reads the varied
    /// input, a derived value's own code on the side it is read on, else a read of the bound
    /// value on a side fixed now.
    mutating func emitVaried(_ reference: NameReference, height: inout Int, _ varying: Varying) -> Bool {
        guard code.count < Self.maximumVariedLength else { return false }
        let side: Side? = switch reference.access {
        case .whole: nil
        case .perSide: varying.side
        case .pinned(let pinned): pinned
        }
        let variation = varying.variation
        if reference.name == variation.name, reference.kind == .number, variation.side == nil || side == variation.side {
            push(.varied, pops: 0, height: &height)
            return true
        }
        if let index = varying.derived.index(of: reference) {
            let expression = varying.derived.expressions[index]
            guard expression.root.kind == reference.kind else { return false }
            guard !expression.isPerSide || side != nil else {
                // A per-side value read whole has no one value, as when it is bound.
                push(.constant(.nan), pops: 0, height: &height)
                return true
            }
            guard varying.nesting < Self.maximumVariedNesting else { return false }
            var inner = varying
            inner.side = expression.isPerSide ? side : nil
            inner.nesting += 1
            return emit(expression.root, height: &height, varying: inner)
        }
        var fixed = reference
        fixed.access = side.map { .pinned($0) } ?? .whole
        push(.load(name(fixed)), pops: 0, height: &height)
        return true
    }

    /// Appends `asymmetry` of `reference` for a trial: with the trial value on the varied side
    /// when it names the varied input.
    mutating func emitVariedAsymmetry(_ reference: NameReference, height: inout Int, _ varying: Varying) -> Bool {
        guard varying.derived.index(of: reference) == nil else { return false }
        if reference.name == varying.variation.name, let side = varying.variation.side {
            push(.variedAsymmetry(name(reference), left: side == .left), pops: 0, height: &height)
        } else {
            push(.asymmetry(name(reference)), pops: 0, height: &height)
        }
        return true
    }
}

extension ChangePoints {
    /// `expression` on `side` compiled as a search runs it (see `Program+Varied.swift`): given
    /// bindings holding every other answer and a trial value of `variation`'s input, its value
    /// (a truth value as 1 or 0), or `nil` where it does not apply; `nil` when it cannot be
    /// compiled so. For tests, which hold it to the tree walk over bindings that have the
    /// trial value bound and `derived` computed again.
    package static func trialValue(
        of expression: Expression, side: Side?, varying variation: Variation, derived: [String: Expression]
    ) -> ((Bindings, Double) -> Double?)? {
        guard let program = Program(expression.root, side: side, varying: variation, derived: DerivedTable(derived)) else { return nil }
        return { held, value in program.value(held, varied: value) }
    }
}
