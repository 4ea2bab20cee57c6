import Foundation
import Testing

/// A drill done with the lifts ("before the main lift") reads differently once a referral has
/// stopped loaded training: the plan must not send someone to a lifting session it has just
/// called off. Found by a review of the deadlift story.
@Suite struct WithoutLiftingTests {
    private static func hingeDrill(_ report: [String: Any]) -> [String: Any]? {
        ClinicalStoryTests.plan(report).first { ($0["exercise"] as? [String: Any])?["id"] as? String == "hip-hinge-drill" }
    }

    private static func dosage(_ item: [String: Any]?) -> (frequency: String, note: String) {
        let dosage = item?["dosage"] as? [String: Any] ?? [:]
        return (dosage["frequency"] as? String ?? "", dosage["note"] as? String ?? "")
    }

    @Test("with the red-flag screen unfinished the hinge drill is practised on its own, not 'before the main lift'")
    func anUnfinishedScreenGivesTheDoseWithoutLifting() throws {
        let report = try ClinicalStoryTests.story("deadlift-lockout-pain", replacing: [
            ("pain_during_lift: true", "pain_during_lift: false"), ("    chest_pain: false\n", ""),
        ])
        #expect(ClinicalStoryTests.status(report) == "incomplete")
        let (frequency, note) = Self.dosage(try #require(Self.hingeDrill(report) as [String: Any]?))
        #expect(frequency == "on your usual training days")
        #expect(note.contains("on its own") && note.contains("while your lifting has stopped"), "\(note)")
        // No item of a plan with loaded training stopped sends anyone to a lifting session.
        for item in ClinicalStoryTests.plan(report) {
            let (frequency, note) = Self.dosage(item)
            #expect(!frequency.contains("session") && !note.contains("main lift"), "\(item["exercise"] ?? "")")
        }
    }

    @Test("under a referral for a lift that hurts, no drill of that lift is in the plan, loaded or not")
    func aPainfulLiftIsNotPractisedUnderAReferral() throws {
        let report = try ClinicalStoryTests.story("deadlift-lockout-pain")
        #expect((report["referral"] as? [String: Any])?["urgency"] as? String == "soon")
        #expect(Self.hingeDrill(report) == nil)
        let leftOut = report["plan_left_out"] as? [[String: Any]] ?? []
        #expect(leftOut.contains { $0["exercise"] as? String == "hip-hinge-drill" && $0["reason"] as? String == "painful-lift" }, "\(leftOut)")
        let squats = try ClinicalStoryTests.story(
            "sore-after-squats", ["--set", "squat-form.pain_during_lift=true", "--set", "training-load.next_day_pain=7"])
        let plan = ClinicalStoryTests.plan(squats).compactMap { ($0["exercise"] as? [String: Any])?["id"] as? String }
        #expect(!plan.contains { $0.contains("squat") }, "\(plan)")
    }

    @Test("without a referral the drill keeps its warm-up dose")
    func clearedLiftingKeepsTheWarmUpDose() throws {
        let report = try ClinicalStoryTests.story(
            "deadlift-lockout-pain", replacing: [("pain_during_lift: true", "pain_during_lift: false")])
        #expect(report["referral"] is NSNull || report["referral"] == nil)
        let (frequency, note) = Self.dosage(try #require(Self.hingeDrill(report) as [String: Any]?))
        #expect(frequency == "every lower-body session")
        #expect(note.hasPrefix("A practice drill for the warm-up, before the main lift."), "\(note)")
    }

    @Test("'without_lifting' that changes nothing, or has an unknown key, is an error at its place")
    func anEmptyChangeIsAnError() throws {
        let folder = try CLI.temporaryFolder()
        let original = try String(
            contentsOfFile: CLI.root.appendingPathComponent("Assessments/exercises/hip-hinge-drill.yaml").path, encoding: .utf8)
        let start = try #require(original.range(of: "without_lifting: {"))
        let end = try #require(original[start.upperBound...].range(of: "}"))
        let broken = original.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "without_lifting: {}")
            .replacingOccurrences(of: "id: hip-hinge-drill", with: "id: my-hinge-drill")
        try broken.write(to: folder.appendingPathComponent("drill.yaml"), atomically: true, encoding: .utf8)
        let result = try CLI.run(["lint", folder.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("drill.yaml:7:189: error: 'without_lifting' changes nothing"), "\(result.stderr)")

        let misspelt = broken.replacingOccurrences(of: "without_lifting: {}", with: "without_lifting: {frequncy: daily}")
        try misspelt.write(to: folder.appendingPathComponent("drill.yaml"), atomically: true, encoding: .utf8)
        let again = try CLI.run(["lint", folder.path])
        #expect(again.stderr.contains("unknown key 'frequncy'") && again.stderr.contains("did you mean 'frequency'?"), "\(again.stderr)")
    }

    @Test("under a referral, with no program to give the days, every dose still says how often")
    func everyDoseSaysHowOften() throws {
        let report = try ClinicalStoryTests.story("deadlift-lockout-pain")
        #expect(report["program"] is NSNull)
        let plan = ClinicalStoryTests.plan(report)
        #expect(!plan.isEmpty)
        for item in plan {
            let (frequency, _) = Self.dosage(item)
            #expect(!frequency.isEmpty, "\(item["exercise"] ?? "")")
        }
        let birdDog = plan.first { ($0["exercise"] as? [String: Any])?["id"] as? String == "bird-dog" }
        #expect(Self.dosage(birdDog).frequency == "2-3 days a week")
    }
}
