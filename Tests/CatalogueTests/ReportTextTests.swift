import AssessmentKit
import BackCheckYAML
import BuiltinCatalogue
import BuiltinEvaluators
import Testing

/// A report's JSON is written straight to text (`Report.jsonText`) and built as a tree
/// (`Report.json`) from one description; the two must say the same for every story.
@Suite struct ReportTextTests {
    @Test(arguments: PartialCatalogueTests.stories)
    func theTextIsTheTreeSerialized(story: String) throws {
        let bytes = try FileBytes.load(story, limit: YAMLLimits.default.maxFileBytes).get()
        let answers = AnswersFile.parse(bytes, file: story)
        let catalogue = try #require(PartialCatalogueTests.reportLoader.load([.builtIn]).catalogue)
        let report = ReportBuilder(catalogue: catalogue).report(
            for: try AnswersFile.read(answers, catalogue: catalogue).get(), generatedAt: "2026-12-05T10:00:00Z")
        for pretty in [false, true] {
            let text = report.jsonText(pretty: pretty)
            #expect(text == report.json.serialized(pretty: pretty), "\(story), pretty: \(pretty)")
            // And it reads back to the same text.
            #expect(try Report.read(json: Array(text.utf8), file: story).get().jsonText(pretty: pretty) == text, "\(story)")
        }
    }
}
