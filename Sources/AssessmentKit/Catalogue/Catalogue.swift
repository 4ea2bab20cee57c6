public import BackCheckPluginAPI
public import BackCheckYAML

/// A loaded, checked catalogue: every reference resolves and every scoring block is valid.
public struct Catalogue: Sendable {
    /// The assessments, sorted by id.
    public var assessments: [Assessment]
    /// The exercises, by id.
    public var exercises: [String: Exercise]
    /// The norms tables, by id.
    public var norms: [String: NormsTable]
    /// Documents of a user catalogue that replaced built-in ones.
    public var replacements: [Replacement]
    /// The evaluator plugins the catalogue was checked with: the program's, and the
    /// WebAssembly evaluators the catalogue brings (``evaluators``).
    public var registry: PluginRegistry
    /// The ids of the assessments read, checked and then let go, sorted: a load that keeps
    /// only some (``CatalogueLoader/keepsOnly``) holds none of these, and they are in no
    /// list above. Empty when every assessment was kept.
    public var assessmentsLeftOut: [String] { leftOutRows.map(\.id) }
    /// What `backcheck list` shows of each assessment left out, sorted by id: a listing needs
    /// no more of them.
    package var leftOutRows: [CatalogueListing.Row] = []

    /// The id of every assessment the catalogue was loaded with, kept or left out: what an
    /// unknown id is matched against for a suggestion.
    package var everyAssessmentID: [String] {
        assessmentsLeftOut.isEmpty ? assessments.map(\.id) : (assessments.map(\.id) + assessmentsLeftOut).sorted()
    }

    /// The evaluators the catalogue brings as WebAssembly modules (`kind: evaluator`), by id.
    public var evaluators: [CatalogueEvaluator] {
        registry.plugins.compactMap { ($0 as? RuntimeEvaluatorPlugin).map(CatalogueEvaluator.init) }
    }

    /// The assessment with `id`.
    public func assessment(_ id: String) -> Assessment? {
        assessments.first { $0.id == id }
    }

    /// The exercise with `id`.
    public func exercise(_ id: String) -> Exercise? { exercises[id] }
}

/// A document of a user catalogue that replaced a built-in one with the same kind and id.
public struct Replacement: Sendable, Hashable, CustomStringConvertible {
    /// `assessment`, `exercise` or `norms`.
    public var kind: String
    /// The id both share.
    public var id: String
    /// Where the replaced document's id is written (as `lint`'s warning about it says).
    public var replaced: SourceMark
    /// Where the replacing document's id is written.
    public var replacement: SourceMark

    /// `assessment 'hip-flexor-thomas' from mine/thomas.yaml:3:5 replaces the one at …`.
    public var description: String {
        "\(kind) '\(id)' from \(replacement) replaces the one at \(replaced)"
    }
}
