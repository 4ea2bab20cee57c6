import AssessmentKit
import BuiltinEvaluators
import Testing

@Test func aReportSaysWhenAUserCatalogueReplacedADocument() throws {
    let base = [("exercises.yaml", TestCatalogue.exercises), ("hip.yaml", TestCatalogue.hipTest)]
    let mine = TestCatalogue.hipTest.replacingOccurrences(of: "title: Hip test", with: "title: My hip test")
    let layers = [
        CatalogueLayer(name: "base", files: base.map { CatalogueLayer.File(path: $0.0, bytes: Array($0.1.utf8)) }),
        CatalogueLayer(name: "mine", files: [CatalogueLayer.File(path: "mine/hip.yaml", bytes: Array(mine.utf8))]),
    ]
    let catalogue = try #require(CatalogueLoader(registry: .builtIn).load(layers).catalogue)
    let answers = try AnswersFile.read(Array("answers: {hip-test: {angle: {left: 1, right: 1}}}".utf8), file: "a.yaml", catalogue: catalogue).get()
    let report = ReportBuilder(catalogue: catalogue).report(for: answers, generatedAt: "t")
    #expect(report.assessment("hip-test")?.title == "My hip test")
    #expect(report.notes.count == 1)
    #expect(report.notes.first?.hasPrefix("Your catalogue replaced a built-in document: assessment 'hip-test' from mine/hip.yaml:1:1") == true)
}

extension String {
    /// The string with every `target` replaced (tests only; the library avoids Foundation).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
