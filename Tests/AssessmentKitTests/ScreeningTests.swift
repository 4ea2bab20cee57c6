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
            "schema", "generated_at", "tool", "profile", "referral", "screening", "assessments", "plan", "plan_notes",
            "plan_left_out", "reassurance", "notes",
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

    @Test func aReportSavedBeforeTheSecondEditionStillReads() throws {
        let report = try TestCatalogue.report("answers:\n  core-test: {hold: 30}\n")
        guard case .object(let members) = report.json else { Issue.record("not an object"); return }
        let older = JSONValue.object(members.filter { !["screening", "plan_left_out", "reassurance"].contains($0.key) })
        let read = try Report.read(json: Array(older.serialized().utf8), file: "old.json").get()
        #expect(read.screening == nil)
        #expect(read.planLeftOut.isEmpty)
    }
}
