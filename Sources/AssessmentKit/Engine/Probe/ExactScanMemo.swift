import BackCheckExpressions
import BackCheckPluginAPI
import Synchronization

/// The change points of an assessment's exact scans that depend on nothing but the assessment
/// (see `ChangePoints.dependsOnTheInputAlone`): worked out for the first person and shared by
/// every later one, so a batch finds them once per input and side, not once per person. Only
/// inputs with a declared range are kept (without one, the range follows each person's
/// answers), so what is kept is bounded by the assessment's size.
///
/// One memo belongs to an assessment's storage, shared by its copies. Its evaluator and
/// derived values never change there (a changed copy gets storage, and a memo, of its own), so
/// the points kept for an input and side hold as long as they are asked about over the same
/// range. Checking that the expressions and derived values were still the same, for every
/// person and every input, was a tenth of a batch's exact scans.
final class ExactScanMemo: Sendable {
    private struct Key: Hashable, Sendable {
        var input: String
        var side: Side?
    }

    private struct Entry: Sendable {
        var domain: ClosedRange<Double>
        /// The points, when they depend on the input alone (`nil` for an analysis that gave
        /// up); `.none` when they depend on more, so each person's are worked out.
        var located: ChangePoints.Located??
    }

    private let entries = Mutex<[Key: Entry]>([:])

    /// The change points of `stated` as `variation` varies over `domain`: kept ones when they
    /// depend on the input alone, else `locate()`'s. `stated` and `derived` must be the
    /// conditions and derived values of the assessment this memo belongs to.
    func located(
        _ stated: StatedConditions, varying variation: Variation, over domain: ClosedRange<Double>, declared: Bool,
        derived: [String: Expression], locate: () -> ChangePoints.Located?
    ) -> ChangePoints.Located? {
        guard declared else { return locate() }
        let key = Key(input: variation.name, side: variation.side)
        let known = entries.withLock { entries -> Entry? in
            guard let entry = entries[key], entry.domain == domain else { return nil }
            return entry
        }
        if let known {
            // Known to depend on more than the input: this person's own.
            guard let located = known.located else { return locate() }
            return located
        }
        let alone = ChangePoints.dependsOnTheInputAlone(stated.expressions, varying: variation, derived: derived)
        let located = locate()
        let entry = Entry(domain: domain, located: alone ? .some(located) : .none)
        entries.withLock { $0[key] = entry }
        return located
    }
}
