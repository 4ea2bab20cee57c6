import BackCheckExpressions
import BackCheckPluginAPI
import Synchronization

/// What an assessment's exact scans find that depends on nothing but the assessment: worked
/// out for the first person and shared by every later one, so a batch finds it once per input
/// and side, not once per person. That is the change points, when they depend on the input
/// alone (see `ChangePoints.dependsOnTheInputAlone`), and then also the findings concerning
/// the side that the values tried raise, when the parts raising them read nothing but the
/// input and conditions that do not read it (see `InputProbe.sharedSamples`): those are found
/// once for each way the conditions come out. Only inputs with a declared range are kept
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
        /// Whether the samples are shared, once asked about.
        var sharing: Sharing?
    }

    /// Whether everyone shares a scan's samples, and those found so far.
    private enum Sharing: Sendable {
        /// Each person's own: the findings read more than the input and conditions held apart.
        case unshared
        /// Shared by everyone whose held conditions come out the same way: the samples found for
        /// each way they have come out so far (at most three ways per condition).
        case shared(HeldConditions, [[UInt8]: [InputProbe.Sample]])
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

    /// The inputs, each with `.left` or `.right` when scanned on one side, whose samples are
    /// shared so far (by everyone, or by everyone whose held conditions come out the same way;
    /// for tests).
    var sharedSampleScans: Set<String> {
        entries.withLock { entries in
            Set(entries.compactMap { key, entry in
                guard case .shared(_, let found)? = entry.sharing, !found.isEmpty else { return nil }
                return key.input + (key.side.map { ".\($0.rawValue)" } ?? "")
            })
        }
    }

    /// The samples of the exact scan of `variation` over `domain` that everyone whose held
    /// conditions come out as this person's shares, with only the findings of the parts that
    /// do not read the input left out: kept ones, or `work()`'s, kept. `conditions()` gives the
    /// held conditions of the parts reading the input (`nil` when they read more, and nothing
    /// is shared), and `outcomes` how they come out for this person. `nil` when the samples are
    /// not shared (`work()` answering `nil` too). `located(...)` must have been asked about the
    /// same scan first, and the points must be shared.
    func sharedSamples(
        varying variation: Variation, over domain: ClosedRange<Double>, conditions: () -> HeldConditions?,
        outcomes: (HeldConditions) -> [UInt8], work: () -> [InputProbe.Sample]?
    ) -> [InputProbe.Sample]? {
        let key = Key(input: variation.name, side: variation.side)
        func update(_ change: (inout Sharing?) -> Void) {
            entries.withLock { entries in
                guard entries[key]?.domain == domain else { return }
                change(&entries[key]!.sharing)
            }
        }
        let known = entries.withLock { entries -> Entry? in
            guard let entry = entries[key], entry.domain == domain else { return nil }
            return entry
        }
        guard let known, case .some(.some(_)) = known.located else { return nil }
        let held: HeldConditions
        switch known.sharing {
        case .unshared?:
            return nil
        case .shared(let conditions, _)?:
            held = conditions
        case nil:
            guard let conditions = conditions() else {
                update { $0 = .unshared }
                return nil
            }
            held = conditions
            update { if $0 == nil { $0 = .shared(conditions, [:]) } }
        }
        let outcome = outcomes(held)
        let found = entries.withLock { entries -> [InputProbe.Sample]? in
            guard entries[key]?.domain == domain, case .shared(_, let found)? = entries[key]?.sharing else { return nil }
            return found[outcome]
        }
        if let found { return found }
        guard let samples = work() else {
            update { $0 = .unshared }
            return nil
        }
        update { sharing in
            guard case .shared(let conditions, var found)? = sharing else { return }
            sharing = nil
            found[outcome] = samples
            sharing = .shared(conditions, found)
        }
        return samples
    }
}
