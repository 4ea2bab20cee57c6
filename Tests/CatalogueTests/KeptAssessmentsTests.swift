import AssessmentKit
import BackCheckYAML
import BuiltinEvaluators
import Foundation
import Testing

/// A load for a run scoring a few tests keeps those and the red-flag screens, and checks
/// every other assessment just the same before letting it go.
@Suite("A load that keeps only the assessments asked for")
struct KeptAssessmentsTests {
    /// The built-in catalogue with the author's McGill battery and its norms on top.
    static func layers(brokenBattery: Bool = false) throws -> [CatalogueLayer] {
        var (assessment, norms) = try MyMcGill.files()
        if brokenBattery {
            assessment = assessment.replacingOccurrences(of: "finding: low-flexor-endurance", with: "finding: low-flexor-endurence")
        }
        let mine = CatalogueLayer(name: "mine", files: [
            .init(path: "mine/norms.yaml", bytes: Array(norms.utf8)), .init(path: "mine/mine.yaml", bytes: Array(assessment.utf8)),
        ])
        return [.builtIn, mine]
    }

    @Test("the tests asked for and every screen are kept, the same as a whole load gives them")
    func keepsWhatWasAskedFor() throws {
        let layers = try Self.layers()
        let wanted: Set<String> = ["hip-flexor-thomas", "my-mcgill"]
        // Its digests are worked out apart, from the files, when asked for.
        let whole = CatalogueLoader(registry: .builtIn).load(layers)
        let few = CatalogueLoader(registry: .builtIn, digestsAtLoad: true, keepsOnly: wanted).load(layers)
        let all = try #require(whole.catalogue).assessments
        let kept = try #require(few.catalogue, "\(few.diagnostics.all.prefix(3))")
        #expect(few.diagnostics.all.map(\.description) == whole.diagnostics.all.map(\.description))
        let expected = all.filter { wanted.contains($0.id) || $0.isRedFlagScreen }
        #expect(kept.assessments.map(\.id) == expected.map(\.id))
        #expect(kept.assessments.map(\.id).contains("red-flag-screen"))
        // Kept whole: the same digest (what check-ins are matched by) and the same examples.
        #expect(kept.assessments.map(\.digest) == expected.map(\.digest))
        #expect(kept.assessments.map(\.examples.count) == expected.map(\.examples.count))
        #expect(kept.assessmentsLeftOut == all.map(\.id).filter { id in !expected.contains { $0.id == id } })
        #expect(kept.everyAssessmentID == all.map(\.id))
        // What `list` shows of each, those let go too.
        #expect(CatalogueListing(kept) == CatalogueListing(try #require(whole.catalogue)))
        #expect(kept.exercises.keys.sorted() == whole.catalogue?.exercises.keys.sorted())
        #expect(whole.catalogue?.assessmentsLeftOut.isEmpty == true)
    }

    @Test("an assessment that is not kept still stops the load when it is broken")
    func aBrokenTestLeftOutStillStopsTheLoad() throws {
        let layers = try Self.layers(brokenBattery: true)
        let result = CatalogueLoader(registry: .builtIn, keepsOnly: ["hip-flexor-thomas"]).load(layers)
        let refused = result.catalogue == nil
        #expect(refused)
        #expect(result.diagnostics.all.contains { $0.severity == .error && $0.message.contains("low-flexor-endurence") && $0.mark?.file == "mine/mine.yaml" })
    }

    /// The battery goes stale when its norms (spelt so the scan misses them) arrive in a later
    /// folder, and is read again from disk: kept or let go as the first read was.
    @Test("an assessment read again is kept or let go as asked", arguments: [false, true])
    func anAssessmentReadAgainIsKeptOrLetGo(asked: Bool) throws {
        let (_, base, layers) = try LeanLoadTests.staleAssessment()
        defer { try? FileManager.default.removeItem(at: base) }
        let wanted: Set<String> = asked ? ["my-mcgill"] : ["hip-flexor-thomas"]
        let result = CatalogueLoader(registry: .builtIn, digestsAtLoad: true, keepsOnly: wanted).load(consume layers)
        #expect(result.assessmentsReadAgain > 0)
        let catalogue = try #require(result.catalogue, "\(result.diagnostics.all.prefix(3))")
        #expect((catalogue.assessment("my-mcgill") != nil) == asked)
        #expect(catalogue.assessmentsLeftOut.contains("my-mcgill") == !asked)
        #expect(catalogue.assessments.count + catalogue.assessmentsLeftOut.count == catalogue.everyAssessmentID.count)
    }
}
