/// Where, as one input varies, the outcome of some expressions can change — the points that
/// cut a range into stretches on which every comparison inside them keeps its truth, every
/// text (such as `weaker_side(x)`) keeps its value, and every number stays computable.
///
/// The report uses these to find exactly which values of an input raise a finding: it asks the
/// evaluator once at each point and once inside each stretch, instead of sampling the range.
///
/// The reasoning is over intervals: on each stretch every part of an expression that reads the
/// input is shown to be monotone (a sum of parts moving the same way, a quotient whose
/// denominator keeps its sign, …). Where a part is not — `abs(x - 5)` around 5, `min` where
/// its arguments cross, a denominator through 0, `asymmetry` where the sides are equal — the
/// stretch is split at that point, where the monotone part crosses 0, and each piece is
/// reasoned about again. On a monotone stretch a comparison changes at most once. Both places
/// are closed on to within ``ChangePoints/resolution`` by the search in
/// `ChangePoints+Bracket.swift`: secant steps on the number that crosses 0 there, the outcomes
/// alone deciding the bracket.
public enum ChangePoints {
    /// How closely a change point is located, relative to its size (absolute below 1): far
    /// finer than any measurement, and coarse enough to sit outside the 1e-9 band within which
    /// comparisons treat two numbers as equal.
    public static let resolution = 1e-8

    /// The most stretches a range may be cut into before the analysis gives up.
    static let maximumPieces = 256

    /// The points in `domain` where any of `expressions` can change as `variation` varies, sorted,
    /// with the domain's ends; `nil` when the expressions use something the analysis cannot
    /// reason about (the caller then samples).
    ///
    /// - Parameters:
    ///   - expressions: each expression with the sides it is evaluated on (`[nil]` for a
    ///     whole-person expression, `[.left, .right]` for a rule applied once per side).
    ///   - derived: the derived values the expressions may read, by name; their bindings must
    ///     follow the input (see `bindings`).
    ///   - bindings: every name's binding with the input set to a value, derived values
    ///     recomputed from it.
    public static func find(
        in expressions: [(expression: Expression, sides: [Side?])],
        varying variation: Variation,
        over domain: ClosedRange<Double>,
        derived: [String: Expression],
        bindings: (Double) -> Bindings
    ) -> [Double]? {
        locate(in: expressions, varying: variation, over: domain, derived: derived, bindings: bindings)?.points
    }

    /// ``find(in:varying:over:derived:bindings:)``, saying also which points bracket a change
    /// and which are changes (or may be) exactly where they are; `nil` when the expressions
    /// use something the analysis cannot reason about.
    public static func locate(
        in expressions: [(expression: Expression, sides: [Side?])],
        varying variation: Variation,
        over domain: ClosedRange<Double>,
        derived: [String: Expression],
        bindings: (Double) -> Bindings
    ) -> Located? {
        withoutActuallyEscaping(bindings) { bindings in
            // The person's own bindings serve every part that does not read the input.
            let finder = ChangePointFinder(variation: variation, derived: derived, held: bindings(domain.lowerBound), bindingsAt: bindings)
            guard let points = search(expressions, in: finder, over: domain) else { return nil }
            return Located(points: points, brackets: finder.memo.brackets, exact: finder.memo.exact)
        }
    }

    private static func search(
        _ expressions: [(expression: Expression, sides: [Side?])], in finder: ChangePointFinder, over domain: ClosedRange<Double>
    ) -> [Double]? {
        var pending = [domain]
        var points = [domain.lowerBound, domain.upperBound]
        // The ends of the domain and of every stretch are where a change may sit exactly.
        finder.memo.exact.formUnion(points)
        var pieces = 0
        while let piece = pending.popLast() {
            pieces += 1
            guard pieces <= maximumPieces else { return nil }
            // The searches hold the caller's bindings, which must not outlive `locate`.
            defer { finder.memo.deferred = [] }
            do throws(ChangePointFinder.Stop) {
                for (expression, sides) in expressions {
                    for side in sides { points += try finder.changes(expression.root, side, piece) }
                }
                // Every part is monotone on the piece: now the comparisons' changes are sought.
                for search in finder.memo.deferred { points += search() }
                points += [piece.lowerBound, piece.upperBound]
                finder.memo.exact.formUnion([piece.lowerBound, piece.upperBound])
            } catch .split(let point) {
                guard piece.lowerBound < point, point < piece.upperBound else { return nil }
                // A turn within a stretch narrower than the resolution is not worth cutting.
                if piece.upperBound - piece.lowerBound <= 2 * width(at: point) {
                    points += [piece.lowerBound, piece.upperBound]
                    finder.memo.exact.formUnion([piece.lowerBound, piece.upperBound])
                    continue
                }
                pending += [piece.lowerBound...point, point...piece.upperBound]
            } catch {
                return nil
            }
        }
        return Array(Set(points.filter { domain.contains($0) })).sorted()
    }

    /// The two points, within ``resolution`` of each other, between which the monotone
    /// `outcome` changes in `range` (an evaluator's cut-off on one input); `[]` when it does not.
    public static func change(of outcome: (Double) -> Bool, in range: ClosedRange<Double>) -> [Double] {
        bracket(in: range, outcome: outcome)
    }

    /// How wide a bracket may be around `value`.
    static func width(at value: Double) -> Double { resolution * max(1, abs(value)) }
}
