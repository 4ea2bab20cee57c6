import AssessmentKit
import BackCheckYAML
import Testing

/// The screen's status in the report and its JSON (spec 7 and 7.1, second edition).
@Suite struct ScreeningTests {
    @Test func theJSONCarriesTheScreeningAfterTheReferralAndPlanLeftOutBesideThePlanNotes() throws {
        let report = try TestCatalogue.report("answers:\n  screen: {numb: false}\n  core-test: {hold: 30}\n")
        guard case .object(let members) = report.json else { Issue.record("not an object"); return }
        let keys = members.map(\.key)
        #expect(keys == [
            "schema", "generated_at", "tool", "profile", "referral", "screening", "assessments", "withheld", "run_for_referral", "plan", "plan_notes",
            "plan_left_out", "plan_alternatives", "program", "reassurance", "retest_due", "notes",
        ])
        let screening = try #require(report.json["screening"])
        #expect(screening["status"] == .string("incomplete"))
        #expect(screening["unanswered"] == .array([.string("fever"), .string("long")]))
        guard case .array(let leftOut)? = report.json["plan_left_out"] else { Issue.record("no plan_left_out"); return }
        #expect(leftOut.first?["reason"] == .string("unscreened"))
    }

    @Test func aSavedReportReadsBackTheSame() throws {
        let report = try TestCatalogue.report(
            "profile: {name: Sam, back_history: [disc-herniation], back_history_recent: false}\nanswers:\n  screen: {numb: false}\n  core-test: {hold: 30}\n")
        let bytes = Array(report.json.serialized(pretty: true).utf8)
        let read = try Report.read(json: bytes, file: "saved.json").get()
        #expect(read == report)
    }

    @Test("a saved report without 'screening' (older, or edited) is refused: its plan may hold loaded work nobody screened for")
    func aReportWithoutScreeningIsRefused() throws {
        let report = try TestCatalogue.report("answers:\n  core-test: {hold: 30}\n")
        guard case .object(let members) = report.json else { Issue.record("not an object"); return }
        let older = JSONValue.object(members.filter { !["screening", "plan_left_out", "reassurance"].contains($0.key) })
        guard case .failure(let failure) = Report.read(json: Array(older.serialized().utf8), file: "old.json") else {
            Issue.record("a report without screening was read")
            return
        }
        let messages = failure.diagnostics.map(\.description)
        #expect(messages == ["old.json:1:1: error: the report has no 'screening', so it does not say whether the red-flag questions were answered, and its plan cannot be shown safely; make it again from the answers (`backcheck run --answers FILE`)"])
        // The same report with its screening still reads.
        let plain = Report.read(json: Array(report.json.serialized().utf8), file: "r.json")
        #expect((try? plain.get()) != nil)
    }

    @Test func theSoonestRetestIsDueItsWeeksAfterTheReport() throws {
        let catalogue = TestCatalogue.load("""
            kind: assessment
            id: quick-test
            version: 1
            title: Quick test
            category: mobility
            duration_min: 1
            retest_weeks: 2
            summary: A test.
            instructions: "1. Measure."
            inputs:
              angle: {label: Angle, type: number, unit: deg, range: [0, 90]}
            evaluator: thresholds
            scoring:
              rules: [{when: angle > 45, finding: stiff, severity: 0.5}]
            findings:
              stiff: {title: Stiff, explain: Why., tier: mobility}
            evidence: {level: low}
            references: [A reference.]
            """)
        let answers = try AnswersFile.read(
            Array("answers:\n  \(TestCatalogue.clearScreen)\n  quick-test: {angle: 10}\n  core-test: {hold: 90}\n".utf8),
            file: "a.yaml", catalogue: catalogue).get()
        let report = ReportBuilder(catalogue: catalogue).report(for: answers, generatedAt: "2026-12-30T10:00:00Z")
        #expect(report.assessment("quick-test")?.retestWeeks == 2)
        #expect(report.assessment("core-test")?.retestWeeks == 4)
        #expect(report.retestDue == "2027-01-13")
        #expect(report.json["retest_due"] == .string("2027-01-13"))
        #expect(TextExport().render(report).contains("Test again by Wednesday 13 January 2027 (in 2 weeks)"))
    }
}
