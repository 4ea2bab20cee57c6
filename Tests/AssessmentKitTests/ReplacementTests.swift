import AssessmentKit
import BackCheckYAML
import BuiltinEvaluators
import Testing

@Test func aReportSaysWhenAUserCatalogueReplacedADocument() throws {
    // Only a built-in document is replaced without `replaces`; the built-in layer is known by
    // how it was made, so the real one is used (a layer merely named "built-in" is an author's).
    let builtIn = CatalogueLayer.builtIn
    let squat = try #require(builtIn.files.first { $0.path.hasSuffix("squat-form.yaml") })
    let original = String(decoding: squat.bytes, as: UTF8.self)
    let title = try #require(original.split(separator: "\n").first { $0.hasPrefix("title: ") })
    let mine = original.replacingOccurrences(of: String(title), with: "title: My squat check")
    let layers = [builtIn, CatalogueLayer(name: "mine", files: [CatalogueLayer.File(path: "mine/squat.yaml", bytes: Array(mine.utf8))])]
    let catalogue = try #require(CatalogueLoader(registry: .builtIn).load(layers).catalogue)
    let clean = "lumbar_rounding_at_depth: false, lumbar_hyperextension: false, heels_lift: false, knees_cave: false, hips_rise_first: false, pain_during_lift: false"
    let answers = try AnswersFile.read(Array("answers: {squat-form: {\(clean)}}".utf8), file: "a.yaml", catalogue: catalogue).get()
    let report = ReportBuilder(catalogue: catalogue).report(for: answers, generatedAt: "t")
    #expect(report.assessment("squat-form")?.title == "My squat check")
    let note = report.notes.first { $0.hasPrefix("Your catalogue replaced a built-in document") }
    #expect(note?.hasPrefix("Your catalogue replaced a built-in document: assessment 'squat-form' from mine/squat.yaml:3:5") == true, "\(report.notes)")
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
