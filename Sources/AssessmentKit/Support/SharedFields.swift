/// A value type's fields kept in one immutable storage that its copies share, so a copy costs
/// one retain however many fields it has; a change gives the changed copy storage of its own.
/// For model types handed around far more often than changed (exercises, assessment inputs).
struct SharedFields<Fields: Sendable>: Sendable {
    /// Never changed once made.
    private final class Storage: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// `fields`, in storage of their own.
    init(_ fields: Fields) {
        storage = Storage(fields)
    }

    /// The fields, as shared.
    var fields: Fields { storage.fields }

    /// Gives this copy storage of its own with `change` made.
    mutating func update(_ change: (inout Fields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = Storage(fields)
    }
}

extension SharedFields: Equatable where Fields: Equatable {
    /// Whether the fields are equal; copies of one value compare without reading them.
    static func == (lhs: SharedFields, rhs: SharedFields) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }
}

extension SharedFields: Hashable where Fields: Hashable {
    /// Hashes the fields, as ``==`` compares them.
    func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }
}
