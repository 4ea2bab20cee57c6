import Synchronization

/// The parts of compiled expressions that never change once made and so can be shared: the
/// node reading a name (as it is read: whole, per side or on one side), each list of names,
/// and each number written. An assessment reads each input in several rules, severities and
/// evidence sentences, and writes the same cut-offs again and again; every expression held a
/// copy of its own of each, about a tenth of what a large catalogue held.
///
/// A scope's expressions share its names and lists (``Scope`` holds one of these, which its
/// copies share); numbers are shared by the whole process, up to ``maximumNumbers`` of them.
final class SharedParts: Sendable {
    private struct Parts {
        var names: [NameReference: Operation] = [:]
        var nameLists: [[String]: [String]] = [:]
    }

    private let parts = Mutex(Parts())

    /// The operation reading `reference`, shared by every expression that reads it so.
    func name(_ reference: NameReference) -> Operation {
        parts.withLock { parts in
            if let known = parts.names[reference] { return known }
            let operation = Operation.name(reference)
            parts.names[reference] = operation
            return operation
        }
    }

    /// `names`, shared by every expression naming the same ones.
    func nameList(_ names: [String]) -> [String] {
        // An empty array holds no storage: nothing to share.
        guard !names.isEmpty else { return names }
        return parts.withLock { parts in
            if let known = parts.nameLists[names] { return known }
            parts.nameLists[names] = names
            return names
        }
    }

    /// The literal `value`, shared by every expression writing it (by its bits: `-0` stays `-0`).
    static func number(_ value: Double) -> Operation {
        if let known = numbers.withLock({ $0[value.bitPattern] }) { return known }
        let operation = Operation.literal(.number(value))
        numbers.withLock { known in
            if known.count < maximumNumbers { known[value.bitPattern] = operation }
        }
        return operation
    }

    private static let numbers = Mutex<[UInt64: Operation]>([:])
    /// The most numbers kept: a long-lived process reading many catalogues holds no more.
    static let maximumNumbers = 4096
}
