import Foundation
import Testing

/// What a sports physiotherapist's review of the built binary found said wrongly or not at
/// all (2026-12-03), each read through the text report a lifter sees.
@Suite struct PhysioReviewTests {
    static func text(_ answers: String, _ sets: [String] = []) throws -> String {
        let run = try CLI.run(["run", "--answers", answers] + sets.flatMap { ["--set", $0] })
        #expect(run.status == 0, "\(run.stderr)")
        // Wrapped lines joined, and the box's borders dropped, so a sentence reads whole.
        return run.stdout.replacingOccurrences(of: " │\n│ ", with: " ").replacingOccurrences(of: "\n   ", with: " ")
            .replacingOccurrences(of: "\n  ", with: " ").replacing(/\ +/, with: " ")
    }

    @Test("an unanswered screen says which answers mean A&E now, beside its questions")
    func anUnfinishedScreenSaysWhatIsAnEmergency() throws {
        let story = try String(contentsOfFile: "Assessments/stories/sore-after-squats.answers.yaml", encoding: .utf8)
        let file = try CLI.temporaryFolder().appendingPathComponent("partial.answers.yaml")
        try story.replacing(/\n *saddle_numbness: false/, with: "").write(to: file, atomically: true, encoding: .utf8)
        let report = try Self.text(file.path)
        #expect(report.contains("If numbness between the legs, bladder, bowel or sexual changes, or pain or weakness in both legs applies to you, go to A&E now."), "\(report)")
    }

    @Test("under a referral the left-out painful lift gets no pain limit to lift within, and the reasons are listed once")
    func aReferralGivesNoLeaveToLift() throws {
        let report = try Self.text("Assessments/stories/deadlift-lockout-pain.answers.yaml")
        #expect(!report.contains("Keep pain during any lift at 3/10 or less"), "\(report)")
        #expect(report.contains("they practise the painful movement, which waits until you have been checked"), "\(report)")
        let young = try String(contentsOfFile: "Assessments/stories/hip-thrust-hurts.answers.yaml", encoding: .utf8)
        let file = try CLI.temporaryFolder().appendingPathComponent("young.answers.yaml")
        try young.replacing("age: 26", with: "age: 17").write(to: file, atomically: true, encoding: .utf8)
        let twice = try Self.text(file.path, ["hip-thrust-form.pain_during_lift=true"])
        #expect(twice.components(separatedBy: "- Back pain in lifts that straighten or arch the back, under the age of 20").count == 2, "\(twice)")
        #expect(twice.components(separatedBy: "Stop loaded lifts that arch the back").count == 2, "\(twice)")
    }

    @Test("a recent back injury with loaded work left out is not told that the loaded work starts light")
    func noLoadedWorkIsNotCalledLight() throws {
        let story = try String(contentsOfFile: "Assessments/stories/disc-herniation-two-years-ago.answers.yaml", encoding: .utf8)
        let file = try CLI.temporaryFolder().appendingPathComponent("recent.answers.yaml")
        try story.replacing("back_history_recent: false", with: "back_history_recent: true").write(to: file, atomically: true, encoding: .utf8)
        let report = try Self.text(file.path)
        #expect(report.contains("get cleared by the clinician who treated it before heavy lifts"), "\(report)")
        #expect(!report.contains("the loaded work here starts light"), "\(report)")
        // With loaded work in the plan the sentence stays.
        #expect(try Self.text("Assessments/stories/disc-herniation-two-years-ago.answers.yaml").contains("the loaded work here starts light"))
    }

    @Test("chest pain's box says 'do not train' once")
    func chestPainSaysDoNotTrainOnce() throws {
        let report = try Self.text("Assessments/stories/all-clear.answers.yaml", ["red-flag-screen.chest_pain=true"])
        #expect(report.components(separatedBy: "do not train").count == 2, "\(report)")
    }

    @Test("a loaded version of a lift in the program replaces that lift's usual sets (reference §14: regress), said once in the program")
    func aRegressionReplacesTheLift() throws {
        let report = try Self.text("Assessments/stories/sore-after-squats.answers.yaml")
        #expect(report.contains("Goblet squat replaces your usual squats on the days it is planned; do not add it on top."), "\(report)")
    }
}
