import BuiltinCatalogue

/// What `backcheck list` shows of each assessment.
///
/// For the built-in catalogue the rows are read from its files when the program is built
/// (by the `EmbedCatalogue` plugin), so listing it needs no parsing at all: that keeps
/// `backcheck list` as quick to start as the program itself. The tests check these rows
/// against a full load of the built-in catalogue.
package struct CatalogueListing: Sendable, Hashable {
    /// One assessment's row.
    package struct Row: Sendable, Hashable {
        /// The assessment's id.
        package var id: String
        /// Its title.
        package var title: String
        /// Its category.
        package var category: Category
        /// How long it takes, in minutes.
        package var durationMinutes: Double
        /// How far its result can be trusted.
        package var evidence: EvidenceLevel
        /// The evaluator plugin's id.
        package var evaluator: String
        /// Its version.
        package var version: Int
    }

    /// The rows, sorted by id.
    package var rows: [Row]

    /// The rows of a loaded catalogue, the assessments it left out too.
    package init(_ catalogue: Catalogue) {
        rows = (catalogue.assessments.map(Row.init) + catalogue.leftOutRows).sorted { $0.id < $1.id }
    }

    private init(rows: [Row]) {
        self.rows = rows
    }

    /// The built-in catalogue's rows, as read at build time; `nil` if any field could not be
    /// read there (then load the catalogue instead).
    package static let builtIn: CatalogueListing? = {
        var rows: [Row] = []
        for entry in BuiltinCatalogue.listing {
            guard let category = Category(rawValue: entry.category), let duration = Double(entry.durationMinutes),
                  let evidence = EvidenceLevel(rawValue: entry.evidence), let version = Int(entry.version)
            else { return nil }
            rows.append(Row(
                id: entry.id, title: entry.title, category: category, durationMinutes: duration, evidence: evidence,
                evaluator: entry.evaluator, version: version))
        }
        return CatalogueListing(rows: rows.sorted { $0.id < $1.id })
    }()
}

extension CatalogueListing.Row {
    /// The row of `assessment`. (Written here, the memberwise initialiser stays.)
    package init(_ assessment: Assessment) {
        self.init(
            id: assessment.id, title: assessment.title, category: assessment.category,
            durationMinutes: assessment.durationMinutes, evidence: assessment.evidence.level,
            evaluator: assessment.evaluatorID, version: assessment.version)
    }
}
