/// The parts of compiled expressions that never change once made and so can be shared: the
/// node reading a name (as it is read: whole, per side or on one side), each list of names,
/// and each number written. An assessment reads each input in several rules, severities and
/// evidence sentences, and writes the same cut-offs again and again; every expression held a
/// copy of its own of each, about a tenth of what a large catalogue held.
///
/// A scope's expressions share its names and lists (``Scope`` holds one of these, which its
/// copies share, for as long as the scope lives); numbers are shared by the whole process, up
/// to 4 096 of them.
final class SharedParts: Sendable {
    private let names = SharedValues<NameReference, Operation>()
    private let nameLists = SharedValues<[String], [String]>()

    /// The operation reading `reference`, shared by every expression that reads it so.
    func name(_ reference: NameReference) -> Operation {
        names.value(for: reference) { .name(reference) }
    }

    /// `names`, shared by every expression naming the same ones.
    func nameList(_ names: [String]) -> [String] {
        // An empty array holds no storage: nothing to share.
        names.isEmpty ? names : nameLists.value(for: names) { names }
    }

    /// The literal `value`, shared by every expression writing it (by its bits: `-0` stays `-0`).
    static func number(_ value: Double) -> Operation {
        numbers.value(for: value.bitPattern) { .literal(.number(value)) }
    }

    private static let numbers = SharedValues<UInt64, Operation>(limit: 4096)
}
