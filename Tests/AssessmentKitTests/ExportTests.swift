import BackCheckYAML
import AssessmentKit
import BackCheckExpressions
import BuiltinEvaluators
import BackCheckPluginAPI
import Testing

@Suite struct ExportTests {
    static let referral = """
        profile: {sex: female, age: 29}
        answers:
          screen: {numb: false, fever: false, long: true}
          hip-test: {angle: {left: 12, right: -5}}
          core-test: {hold: 30}
        """

    /// Found by a review: on a 40-column terminal the emergency heading was cut to "CALL AN
    /// AMBULANCE OR GO …" and the report's title to "BACKCHECK R…".
    @Test func aNarrowTextReportWrapsItsHeadingsInsteadOfCuttingThem() {
        let referral = Referral(urgency: .emergency, message: "Go now.", reasons: [ReferralReason(
            assessment: "screen", finding: "numb", title: "Numb", side: nil, urgency: .emergency, advice: "")])
        let report = Report(generatedAt: "2026-01-02T03:04:05Z", profile: Profile(), referral: referral, assessments: [], plan: [], planNotes: [], notes: [])
        let text = TextExport(width: 40).render(report)
        #expect(!text.contains("…"), "\(text)")
        #expect(text.split(separator: "\n").allSatisfy { Self.displayColumns($0) <= 40 }, "\(text)")
        #expect(text.replacing(/[ ]*│\n│[ ]/, with: " ").contains("EMERGENCY: CALL AN AMBULANCE OR GO TO AN EMERGENCY DEPARTMENT NOW"), "\(text)")
        #expect(text.hasPrefix("BACKCHECK REPORT\n"))
    }

    /// Found by a review: at 40 columns a test's title was cut to "Red-…" beside its score.
    @Test func aNarrowTextReportGivesEachTestItsWholeTitle() {
        let title = "Red-flag screen (answer this first)"
        let assessment = AssessmentReport(
            id: "screen", version: 1, digest: "sha256:00", title: title, category: "screening", evaluator: "red-flags", evidence: .moderate,
            evidenceNote: "", answers: [], derived: [], score: 100, status: .good, findings: [], notes: [], inputs: [])
        let report = Report(generatedAt: "2026-01-02T03:04:05Z", profile: Profile(), referral: nil, assessments: [assessment], plan: [], planNotes: [], notes: [])
        for width in [40, 50] {
            let text = TextExport(width: width).render(report)
            #expect(!text.contains("…"), "\(text)")
            #expect(text.split(separator: "\n").allSatisfy { Self.displayColumns($0) <= width }, "\(text)")
            #expect(text.contains("  \(title)\n    100/100 good, moderate evidence"), "\(text)")
        }
        // Wide enough, the score stays beside the title.
        #expect(TextExport(width: 80).render(report).contains("  \(title)  "))
    }

    /// A report whose every text field holds markup and Markdown, to check escaping.
    static var hostile: Report {
        let title = "<script>alert('x')</script> & \"*bold*\" | # [link](mailto:x)"
        let finding = ReportFinding(id: "f", title: title, tier: .refer, side: .left, severity: 0.5, evidence: title, explain: title)
        let input = ReportInput(
            name: "angle", label: title, type: .number, unit: "deg", range: -10...10, mdc: nil, bilateral: false,
            leftRight: nil, flagged: [FlaggedValues(side: nil, domain: -10...10, intervals: [0...10])])
        let assessment = AssessmentReport(
            id: "x", version: 1, digest: "sha256:00", title: title, category: "mobility", evaluator: "thresholds", evidence: .low,
            evidenceNote: title, answers: [NamedBinding(name: "angle", value: .single(.number(4)))], derived: [], score: 40,
            status: .refer, findings: [finding], notes: [title], inputs: [input])
        let referral = Referral(urgency: .soon, message: title, reasons: [ReferralReason(
            assessment: "x", finding: "f", title: title, side: nil, urgency: .soon, advice: title)])
        return Report(
            generatedAt: "2026-01-02T03:04:05Z", profile: Profile(), referral: referral, screening: Screening(status: .skipped, unanswered: []),
            assessments: [assessment], plan: [], planNotes: [title], notes: [title])
    }

    @Test func textFitsEightyColumnsWithTheReferralFirst() throws {
        let text = TextExport().render(try TestCatalogue.report(Self.referral))
        for line in text.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
        let box = try #require(text.firstRange(of: "REFERRAL: SEE A DOCTOR OR PHYSIOTHERAPIST SOON"))
        let assessments = try #require(text.firstRange(of: "ASSESSMENTS"))
        #expect(box.lowerBound < assessments.lowerBound)
        // Priorities only with --explain; the soon referral's walk ranks second, after the stretch.
        // Its tag says what it is (a load exercise); --explain gives the tier that ranked it.
        #expect(text.contains("  2. Walk [training load]\n"), "\(text)")
        #expect(!text.contains("priority"))
        #expect(TextExport(explain: true).render(try TestCatalogue.report(Self.referral)).contains("  2. Walk [training load; tier refer, priority 0.7]"))
        #expect(!text.contains("\u{1B}["))
        #expect(TextExport(colour: true).render(try TestCatalogue.report(Self.referral)).contains("\u{1B}[1;31m"))
    }

    @Test func textShowsEveryAssessmentOnItsOwnSummaryLine() throws {
        let text = TextExport().render(try TestCatalogue.report(Self.referral))
        let lines = text.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("  Core test") && $0.contains("50/100 fair") && $0.contains("high evidence") })
        #expect(lines.contains { $0.hasPrefix("  Hip test") && $0.contains("low evidence") })
        #expect(text.replacing("\n    ", with: " ").contains("sides 17 deg apart, right side lower; more than the test's measurement error of 5 deg, so a real difference between the sides"))
    }

    @Test func htmlEscapesAllTextAndMakesNoRequests() {
        let html = HTMLExport().render(Self.hostile)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;*bold*&quot;"))
        for external in ["http://", "https://", "src=", "<link", "url(", "@import"] { #expect(!html.contains(external), "\(external)") }
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg class=\"chart\""))
        #expect(html.contains("@media print"))
    }

    @Test func htmlEscapingKeepsEveryOtherCharacterAsItIs() {
        #expect(HTMLText.escape("Hüfte & Knie — “ja” <b>\u{7}'") == "Hüfte &amp; Knie — “ja” &lt;b&gt;\u{2407}&#39;")
        #expect(HTMLText.escape("plain · text ≥ 30 s") == "plain · text ≥ 30 s")
        #expect(HTMLText.escape("") == "")
    }

    @Test func theCatalogueSiteMakesEachPageOnceAndItsIndexLast() throws {
        let catalogue = try #require(CatalogueLoader(registry: .builtIn).load([.builtIn]).catalogue)
        let pages = CatalogueSite.pages(catalogue)
        #expect(pages.count == catalogue.assessments.count + catalogue.exercises.count + catalogue.norms.count + 1)
        #expect(Set(pages.map(\.name)).count == pages.count)
        // Written last, the index never links to a page not yet there.
        #expect(pages.last?.name == "index.html")
        for (page, assessment) in zip(pages, catalogue.assessments) {
            #expect(page.html(in: catalogue).contains("<h1>\(HTMLText.escape(assessment.title))</h1>"), "\(page.name)")
        }
        let index = try #require(pages.last).html(in: catalogue)
        for page in pages.dropLast() { #expect(index.contains("href=\"\(page.name)\""), "\(page.name)") }
    }

    @Test func htmlDrawsLeftAndRightOfABilateralInput() throws {
        let html = HTMLExport().render(try TestCatalogue.report(Self.referral))
        #expect(html.contains("<title>Thigh angle: left 12 deg, right -5 deg</title>"))
        #expect(html.split(separator: "class=\"flag\"", omittingEmptySubsequences: false).count - 1 == 3)
    }

    @Test func markdownEscapesItsSpecialCharacters() {
        let markdown = MarkdownExport().render(Self.hostile)
        #expect(markdown.contains("\\<script\\>alert('x')\\</script\\> & \"\\*bold\\*\" \\| \\# \\[link\\](mailto:x)"))
        #expect(markdown.contains("> **REFERRAL: SEE A DOCTOR OR PHYSIOTHERAPIST SOON**"))
        // A bare `&` prints as written; one that would start an entity is escaped.
        var report = Self.hostile
        report.referral?.message = "Go to A&E now; &amp; and &#38; are entities, R&D is not"
        let escaped = MarkdownExport().render(report)
        #expect(escaped.contains("> Go to A&E now; \\&amp; and \\&\\#38; are entities, R&D is not"), "\(escaped)")
    }

    /// Columns on a terminal: CJK (and full-width forms) take two, box lines and the rest one.
    static func displayColumns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { total, scalar in
            let wide = (0x3000...0x9FFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
            return total + (wide ? 2 : 1)
        }
    }

    @Test("CJK text wraps by display width and breaks between characters; boxes and columns stay aligned")
    func wideCharactersKeepTheTextWithinEightyColumns() {
        let japanese = "腰痛がある場合は、重いスクワットを中止して、できるだけ早く理学療法士または医師の診察を受けてください。両脚にしびれがある場合は救急外来へ。"
        let finding = ReportFinding(id: "f", title: "股関節屈筋の硬さ", tier: .mobility, side: .left, severity: 0.5, evidence: japanese, explain: japanese)
        let assessment = AssessmentReport(
            id: "x", version: 1, digest: "sha256:00", title: "トーマステスト（股関節屈筋の長さ）とその他の長い日本語のタイトル", category: "mobility",
            evaluator: "thresholds", evidence: .low, evidenceNote: japanese, answers: [], derived: [], score: 40, status: .poor,
            findings: [finding], notes: [], inputs: [])
        let referral = Referral(urgency: .soon, message: japanese, reasons: [ReferralReason(
            assessment: "x", finding: "f", title: "股関節屈筋の硬さ", side: nil, urgency: .soon, advice: japanese)])
        var report = Report(generatedAt: "2026-01-02T03:04:05Z", profile: Profile(), referral: referral, assessments: [assessment], plan: [], planNotes: [japanese], notes: [japanese])
        report.profile.name = "山田太郎"
        let text = TextExport().render(report)
        let lines = text.split(separator: "\n")
        for line in lines { #expect(Self.displayColumns(line) <= 80, "\(line)") }
        // Every line of the referral box is as wide as its top edge.
        let box = lines.drop { !$0.hasPrefix("┌") }.prefix { !$0.hasPrefix("└") } + lines.filter { $0.hasPrefix("└") }.prefix(1)
        #expect(box.count > 4)
        for line in box { #expect(Self.displayColumns(line) == 80, "\(line)") }
        // The long sentence was broken between characters, not cut or left whole.
        #expect(text.replacing("\n", with: "").replacing("│", with: "").replacing(" ", with: "").contains("両脚にしびれがある場合は救急外来へ。"))
    }

    @Test func controlCharactersInAnswersPrintAsSymbolsInMarkdownAndHTML() {
        var report = Self.hostile
        report.profile.name = "Ann\u{1B}]0;owned\u{07}\u{1B}[2J"
        let markdown = MarkdownExport().render(report)
        let html = HTMLExport().render(report)
        for output in [markdown, html] {
            #expect(!output.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(output.prefix(300))")
            #expect(output.contains("Ann␛\\]0;owned␇␛\\[2J") || output.contains("Ann␛]0;owned␇␛[2J"))
        }
    }

    @Test("a number and its unit stay on one line when text wraps (a review found '… of 30' / 's')")
    func aNumberKeepsItsUnitWhenTextWraps() {
        let sentence = "Side bridge hold: sides 5 s apart: within the test's measurement error of 30 s, not an asymmetry"
        for width in 20...80 {
            let lines = TextWrap.lines(sentence, width: width)
            #expect(lines.allSatisfy { !$0.hasSuffix(" 30") && !$0.hasSuffix(" 5") && TextWrap.columns($0) <= width }, "\(width): \(lines)")
            #expect(lines.joined(separator: " ") == sentence)
        }
    }

    @Test func jsonReadsBackToTheSameReport() throws {
        for answers in [Self.referral, PlanTests.both] {
            let report = try TestCatalogue.report(answers)
            let text = report.json.serialized(pretty: true)
            let read = try Report.read(json: Array(text.utf8), file: "r.json").get()
            #expect(read == report)
            #expect(read.json.serialized(pretty: true) == text)
        }
        let hostile = try Report.read(json: Array(Self.hostile.json.serialized().utf8), file: "r.json").get()
        #expect(hostile == Self.hostile)
    }

    @Test func jsonHasTheSpecKeysInOrder() throws {
        let json = try TestCatalogue.report(Self.referral).json
        guard case .object(let members) = json else { Issue.record("not an object"); return }
        #expect(members.map(\.key) == [
            "schema", "generated_at", "tool", "profile", "referral", "screening", "assessments", "withheld", "run_for_referral", "plan", "plan_notes",
            "plan_left_out", "plan_alternatives", "program", "reassurance", "retest_due", "notes",
        ])
        #expect(json["schema"] == .string("backcheck.report/1"))
        #expect(json["referral"]?["urgency"] == .string("soon"))
    }

    @Test func aBrokenReportFileIsExplained() {
        guard case .failure(let failure) = Report.read(json: Array(#"{"schema": "backcheck.report/1", "generated_at": [5]}"#.utf8), file: "r.json") else {
            Issue.record("accepted")
            return
        }
        let messages = failure.diagnostics.map(\.description)
        #expect(messages.contains { $0.hasPrefix("r.json:1:50: error: expected") })
        #expect(messages.contains { $0.contains("missing required key 'tool'") })
        guard case .failure(let other) = Report.read(json: Array(#"{"schema": "something/2"}"#.utf8), file: "r.json") else {
            Issue.record("a file of another schema was accepted")
            return
        }
        #expect(other.description.contains("this is a 'something/2' file"))
    }
}
