import Foundation
import Testing

/// After an old back injury the plan may hold light loaded work; the words around it must not
/// read as a ban the plan then breaks (a review found "get cleared before deadlifts" above
/// Romanian deadlifts from blocks, and "add weight" on a body-weight side plank).
@Suite struct BackHistoryWordingTests {
    @Test("the history note asks clearance for heavy work, and the cautions say how to start, for any exercise")
    func theHistoryNoteAndCautionsAgree() throws {
        let report = try ClinicalStoryTests.story("disc-herniation-two-years-ago")
        let notes = (report["plan_notes"] as? [String] ?? []).joined(separator: " ")
        #expect(notes.contains("before heavy lifts that bend or arch the spine"), "\(notes)")
        #expect(notes.contains("the loaded work here starts light."))
        let cautions = ClinicalStoryTests.plan(report).flatMap { ($0["exercise"] as? [String: Any])?["cautions"] as? [String] ?? [] }
        let history = cautions.filter { $0.hasPrefix("You have had a disc herniation") }
        #expect(!history.isEmpty)
        for caution in history {
            #expect(caution.contains("start light, and make it harder only once the clinician who treated it has cleared you;"), "\(caution)")
            #expect(!caution.contains("add weight"), "\(caution)")
        }
    }
}
