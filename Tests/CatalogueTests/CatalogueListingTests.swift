import AssessmentKit
import BuiltinEvaluators
import Testing

/// `backcheck list` shows the built-in catalogue from rows read at build time; they must be
/// exactly what a full load gives.
@Suite struct CatalogueListingTests {
    @Test func theBuildTimeListingMatchesAFullLoad() throws {
        let catalogue = try #require(CatalogueLoader(registry: .builtIn).load([.builtIn]).catalogue)
        let listing = try #require(CatalogueListing.builtIn, "a list field of a built-in assessment could not be read at build time")
        #expect(listing.rows == CatalogueListing(catalogue).rows)
        #expect(listing.rows.count == catalogue.assessments.count)
        #expect(listing.rows.map(\.id) == listing.rows.map(\.id).sorted())
    }
}
