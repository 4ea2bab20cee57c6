import AssessmentKit
import BackCheckYAML
import BuiltinEvaluators
import Testing

@Test func aReportSaysWhenAUserCatalogueReplacedADocument() throws {
    let base = [("exercises.yaml", TestCatalogue.exercises), ("hip.yaml", TestCatalogue.hipTest)]
    let mine = TestCatalogue.hipTest.replacingOccurrences(of: "title: Hip test", with: "title: My hip test")
    let layers = [
        // Named as the built-in layer is: only a built-in document is replaced without `replaces`.
        CatalogueLayer(name: "built-in", files: base.map { CatalogueLayer.File(path: $0.0, bytes: Array($0.1.utf8)) }),
        CatalogueLayer(name: "mine", files: [CatalogueLayer.File(path: "mine/hip.yaml", bytes: Array(mine.utf8))]),
    ]
    let catalogue = try #require(CatalogueLoader(registry: .builtIn).load(layers).catalogue)
    let answers = try AnswersFile.read(Array("answers: {hip-test: {angle: {left: 1, right: 1}}}".utf8), file: "a.yaml", catalogue: catalogue).get()
    let report = ReportBuilder(catalogue: catalogue).report(for: answers, generatedAt: "t")
    #expect(report.assessment("hip-test")?.title == "My hip test")
    #expect(report.notes.count == 1)
    #expect(report.notes.first?.hasPrefix("Your catalogue replaced a built-in document: assessment 'hip-test' from mine/hip.yaml:2:5") == true)
}

extension String {
    /// The string with every `target` replaced (tests only; the library avoids Foundation).
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

@Test func aRedFlagScreenCannotBeReplacedByOneThatCannotScreen() throws {
    let builtIn = CatalogueLayer.builtIn
    let screenFile = try #require(builtIn.files.first { $0.path.hasSuffix("red-flag-screen.yaml") })
    let screen = String(decoding: screenFile.bytes, as: UTF8.self)
    // The same screen, scored by the checklist plugin: it could never say the screen is complete.
    let scoring = try #require(screen.split(separator: "\nevaluator: red-flags\n").last.map(String.init))
    let body = scoring.split(separator: "\nfindings:\n", maxSplits: 1).last.map { "\nfindings:\n" + $0 } ?? ""
    let head = try #require(screen.split(separator: "\nevaluator: red-flags\n").first.map(String.init))
    let checklist = head.replacingOccurrences(of: "\nid: red-flag-screen\n", with: "\nid: red-flag-screen\nreplaces: red-flag-screen\n")
        + "\nevaluator: checklist\nscoring:\n  items:\n    - {when: saddle_numbness, finding: cauda-equina-signs, severity: 1}\n" + body
    let mine = CatalogueLayer(name: "mine", files: [CatalogueLayer.File(path: "mine/screen.yaml", bytes: Array(checklist.utf8))])
    let result = CatalogueLoader(registry: .builtIn).load([builtIn, mine])
    #expect(result.catalogue == nil)
    let error = try #require(result.diagnostics.errors.first { $0.message.contains("replaces the red-flag screen") })
    #expect(error.message == "this assessment replaces the red-flag screen 'red-flag-screen' but is scored by 'checklist'; "
        + "a red-flag screen must say 'evaluator: red-flags' (see `backcheck plugins`), or no report could screen for warning signs")
    #expect(error.mark?.file == "mine/screen.yaml")
    // The same file with its own evaluator replaces the screen without complaint.
    let same = screen.replacingOccurrences(of: "\nid: red-flag-screen\n", with: "\nid: red-flag-screen\nreplaces: red-flag-screen\n")
    let kept = CatalogueLoader(registry: .builtIn).load([builtIn, CatalogueLayer(name: "mine", files: [.init(path: "mine/screen.yaml", bytes: Array(same.utf8))])])
    #expect(!kept.diagnostics.contains { $0.message.contains("replaces the red-flag screen") })
}

@Test("a left/right gap equal to the MDC gets one verdict, whatever the binary fractions make of it: not within measurement error (spec 3.1)")
func gapsAreJudgedAsShown() throws {
    let catalogue = try #require(CatalogueLoader(registry: .builtIn).load([.builtIn]).catalogue)
    var verdicts: [Bool?] = []
    for (left, right) in [(8.3, 10.2), (8.4, 10.3), (8.5, 10.4)] {
        let text = "screened_elsewhere: true\nanswers:\n  ankle-dorsiflexion: {knee_to_wall: {left: \(left), right: \(right)}}\n"
        let answers = try AnswersFile.read(Array(text.utf8), file: "a.yaml", catalogue: catalogue).get()
        let report = ReportBuilder(catalogue: catalogue).report(for: answers, generatedAt: "2026-12-01T00:00:00Z")
        let input = try #require(report.assessment("ankle-dorsiflexion")?.inputs.first { $0.name == "knee_to_wall" })
        #expect(input.leftRight?.difference == 1.9)
        verdicts.append(input.leftRight?.beyondMDC)
        let line = TextExport().render(report).replacing("\n    ", with: " ")
        #expect(line.contains("sides 1.9 cm apart, left side worse (lower); as large as the test's measurement error of 1.9 cm, so a real difference between the sides"), "\(line)")
    }
    // Only a gap smaller than the MDC is within measurement error (spec 3.1).
    #expect(verdicts == [true, true, true], "1.9 cm reaches the MDC of 1.9 cm every time")
}
