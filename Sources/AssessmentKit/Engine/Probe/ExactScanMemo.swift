import BackCheckExpressions
import BackCheckPluginAPI
import Synchronization

/// What an assessment's exact scans find that depends on nothing but the assessment: worked
/// out for the first person and shared by every later one, so a batch finds it once per input
/// and side, not once per person. That is the change points, when they depend on the input
/// alone (see `ChangePoints.dependsOnTheInputAlone`), and then also the findings concerning
/// the side that the values tried raise, when the parts raising them read nothing but the
/// input either (see `InputProbe.sharedSamples`). Only inputs with a declared range are kept
/// (without one, the range follows each person's answers), so what is kept is bounded by the
/// assessment's size.
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
        /// The samples everyone shares, once asked about: `.some(nil)` when they are not shared.
        var samples: [InputProbe.Sample]?? = .none
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

    /// The inputs, each with `.left` or `.right` when scanned on one side, whose samples
    /// everyone shares so far (for tests).
    var sharedSampleScans: Set<String> {
        entries.withLock { entries in
            Set(entries.compactMap { key, entry in
                guard case .some(.some) = entry.samples else { return nil }
                return key.input + (key.side.map { ".\($0.rawValue)" } ?? "")
            })
        }
    }

    /// The samples of the exact scan of `variation` over `domain` that everyone shares, with
    /// only the findings of the parts that do not read the input left out: kept ones, or
    /// `work()`'s, kept, when the points are shared and `sharable()` says the findings depend
    /// on the input alone; `nil` when they are not shared (`work()` answering `nil` too).
    /// `located(...)` must have been asked about the same scan first.
    func sharedSamples(
        varying variation: Variation, over domain: ClosedRange<Double>, sharable: () -> Bool, work: () -> [InputProbe.Sample]?
    ) -> [InputProbe.Sample]? {
        let key = Key(input: variation.name, side: variation.side)
        let known = entries.withLock { entries -> Entry? in
            guard let entry = entries[key], entry.domain == domain else { return nil }
            return entry
        }
        guard let known, case .some(.some(_)) = known.located else { return nil }
        if case .some(let samples) = known.samples { return samples }
        let samples = sharable() ? work() : nil
        entries.withLock { entries in
            if entries[key]?.domain == domain { entries[key]?.samples = .some(samples) }
        }
        return samples
    }
}
