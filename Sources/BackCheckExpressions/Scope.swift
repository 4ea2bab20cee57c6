/// What a name means to the expression compiler: its kind, whether it has a value per
/// side, and whether it may be skipped.
public struct NameInfo: Sendable, Hashable {
    /// The kind of the name's value.
    public var kind: ValueKind
    /// Whether the name has one value per side (`sides: [left, right]`).
    public var bilateral: Bool
    /// Whether the name may have no value (a skippable input, a profile field).
    public var optional: Bool
    /// The ids a string or sequence name can hold, when they are known (a choice input's
    /// `choices`), so that `grip == 'strnog'` is caught when the catalogue loads.
    public var choices: [String]

    /// Creates the description of a name.
    public init(kind: ValueKind, bilateral: Bool = false, optional: Bool = false, choices: [String] = []) {
        self.kind = kind
        self.bilateral = bilateral
        self.optional = optional
        self.choices = choices
    }
}

/// The names an expression may use: an assessment's inputs and derived values, and the
/// profile fields, which are always present.
///
/// ```swift
/// var scope = Scope(["hip_angle": NameInfo(kind: .number, bilateral: true)])
/// scope.declare("worst_hip_angle", NameInfo(kind: .number))
/// ```
public struct Scope: Sendable {
    /// The profile fields every scope holds; each is optional, as a profile may leave it out.
    public static let profileNames: [String: NameInfo] = [
        "profile.age": NameInfo(kind: .number, optional: true),
        "profile.sex": NameInfo(kind: .string, optional: true),
        "profile.bodyweight_kg": NameInfo(kind: .number, optional: true),
        "profile.training_days_per_week": NameInfo(kind: .number, optional: true),
    ]

    private var table: [String: NameInfo]
    /// What the scope's expressions share (see ``SharedParts``).
    let shared = SharedParts()

    /// Creates a scope holding the profile fields and `names`.
    public init(_ names: [String: NameInfo] = [:]) {
        table = Scope.profileNames.merging(names) { _, declared in declared }
    }

    /// Adds `name`, or replaces what it means.
    public mutating func declare(_ name: String, _ info: NameInfo) {
        table[name] = info
    }

    /// What `name` means, or `nil` when the scope does not hold it.
    public func info(for name: String) -> NameInfo? {
        table[name]
    }

    /// `name` as the scope holds it, with what it means: a compiled expression keeps that
    /// text (shared with the declaration) rather than its own copy of every name it reads.
    func entry(for name: String) -> (name: String, info: NameInfo)? {
        guard let index = table.index(forKey: name) else { return nil }
        return (table[index].key, table[index].value)
    }

    /// Every name in the scope, sorted.
    public var names: [String] {
        table.keys.sorted()
    }
}

extension Scope: ExpressibleByDictionaryLiteral {
    /// Creates a scope holding the profile fields and the listed names.
    public init(dictionaryLiteral elements: (String, NameInfo)...) {
        self.init(Dictionary(elements) { _, last in last })
    }
}
