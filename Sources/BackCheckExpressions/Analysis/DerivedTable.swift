/// The derived values a change-point analysis may read, found by a name's precomputed hash
/// (``NameReference/hash``) and kept at a fixed place each, so that what the analysis learns
/// about one (read on one side) is kept in a flat array, not a table hashing its name.
///
/// The analysis visits every part of every expression on every stretch of every scan, and
/// hashing names for each visit was about a tenth of locating a person's change points.
struct DerivedTable {
    private var names: [String] = []
    private var hashes: [Int] = []
    private(set) var expressions: [Expression] = []

    /// The table of `derived`, by name.
    init(_ derived: [String: Expression]) {
        for (name, expression) in derived {
            names.append(name)
            hashes.append(Bindings.hash(name))
            expressions.append(expression)
        }
    }

    var isEmpty: Bool { names.isEmpty }

    /// How many places a memo of the table needs: one per derived value and side (or none).
    var places: Int { names.count * 3 }

    /// The index of the derived value `reference` names, if it names one.
    func index(of reference: NameReference) -> Int? {
        // Derived values are few; most names are not among them, and their hashes say so.
        for index in hashes.indices where hashes[index] == reference.hash && names[index] == reference.name {
            return index
        }
        return nil
    }

    /// The place of derived value `index` read on `side` in a memo of ``places`` values.
    static func place(_ index: Int, _ side: Side?) -> Int {
        switch side {
        case nil: index * 3
        case .left: index * 3 + 1
        case .right: index * 3 + 2
        }
    }
}
