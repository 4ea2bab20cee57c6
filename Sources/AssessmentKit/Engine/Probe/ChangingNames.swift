import BackCheckExpressions
import Synchronization

/// Which derived values change with each input of an assessment, worked out once per input
/// and kept with the assessment: it depends on the assessment alone, and working it out for
/// every person (a set of names and a walk over every derived value, per input scanned) was
/// a seventieth of a batch.
///
/// Belongs to an assessment's storage, like ``ExactScanMemo``: its derived values never change
/// there, so what is kept for a name holds as long as the storage does.
final class ChangingNames: Sendable {
    /// What changes with one input.
    struct Changes: Sendable {
        /// The derived values (by declaration index) that must be computed again, in order.
        var derived: [Int]
        /// The input's name and the names of those derived values.
        var names: Set<String>
    }

    private let known = Mutex<[String: Changes]>([:])

    /// What changes with the input called `name`, among `derived` (the assessment's own).
    func changes(with name: String, among derived: [DerivedValue]) -> Changes {
        if let changes = known.withLock({ $0[name] }) { return changes }
        var names: Set<String> = [name]
        var indices: [Int] = []
        for (index, value) in derived.enumerated() where value.expression.sortedNames.contains(where: names.contains) {
            names.insert(value.name)
            indices.append(index)
        }
        let changes = Changes(derived: indices, names: names)
        known.withLock { $0[name] = changes }
        return changes
    }
}
