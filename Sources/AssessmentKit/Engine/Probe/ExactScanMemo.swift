import BackCheckExpressions
import BackCheckPluginAPI
import Synchronization

/// The change points of an assessment's exact scans that depend on nothing but the assessment
/// (see `ChangePoints.dependsOnTheInputAlone`): worked out for the first person and shared by
/// every later one, so a batch finds them once per input and side, not once per person. Only
/// inputs with a declared range are kept (without one, the range follows each person's
/// answers), so what is kept is bounded by the assessment's size.
///
/// One memo belongs to an assessment and its copies. Each entry keeps the expressions and
/// derived values it was worked out from, and is used only while they are still the ones
/// asked about, so a copy whose evaluator or derived values were changed cannot be given
/// another's points.
final class ExactScanMemo: Sendable {
    private struct Key: Hashable, Sendable {
        var input: String
        var side: Side?
    }

    private struct Entry: Sendable {
        var domain: ClosedRange<Double>
        var expressions: [Expression]
        var sides: [[Side?]]
        var derived: [String: Expression]
        /// The points, when they depend on the input alone (`nil` for an analysis that gave
        /// up); `.none` when they depend on more, so each person's are worked out.
        var located: ChangePoints.Located??
    }

    private let entries = Mutex<[Key: Entry]>([:])

    /// The change points of `stated` as `variation` varies over `domain`: kept ones when they
    /// depend on the input alone, else `locate()`'s.
    func located(
        _ stated: StatedConditions, varying variation: Variation, over domain: ClosedRange<Double>, declared: Bool,
        derived: [String: Expression], locate: () -> ChangePoints.Located?
    ) -> ChangePoints.Located? {
        guard declared else { return locate() }
        let key = Key(input: variation.name, side: variation.side)
        let expressions = stated.expressions.map(\.expression)
        let sides = stated.expressions.map(\.sides)
        let known = entries.withLock { entries -> Entry? in
            guard let entry = entries[key], entry.domain == domain, entry.expressions == expressions, entry.sides == sides,
                  entry.derived == derived
            else { return nil }
            return entry
        }
        if let known {
            // Known to depend on more than the input: this person's own.
            guard let located = known.located else { return locate() }
            return located
        }
        let alone = ChangePoints.dependsOnTheInputAlone(stated.expressions, varying: variation, derived: derived)
        let located = locate()
        let entry = Entry(
            domain: domain, expressions: expressions, sides: sides, derived: derived, located: alone ? .some(located) : .none)
        entries.withLock { $0[key] = entry }
        return located
    }
}
