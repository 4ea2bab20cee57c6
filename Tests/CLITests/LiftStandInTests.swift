import Foundation
import Testing

/// Technique work takes the place of the person's own lift in the program, so a plan holds one
/// technique exercise per lift pattern: the sore-after-squats story's findings ask for both the
/// goblet squat and the box squat, which once gave 3 × 10 of each in one squat's place.
struct LiftStandInTests {
    private func report(_ arguments: [String] = []) throws -> [String: Any] {
        let run = try CLI.run(["run", "--answers", ProgramTests.story, "--format", "json"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    @Test func oneTechniqueExerciseStandsInForTheSquatAndTheOtherIsNamedAsTheAlternative() throws {
        let report = try report()
        let plan = try #require(report["plan"] as? [[String: Any]])
        let ids = plan.compactMap { ($0["exercise"] as? [String: Any])?["id"] as? String }
        #expect(ids.contains("goblet-squat"))
        #expect(!ids.contains("box-squat"))
        // The goblet squat takes over the box squat's finding: no finding loses its exercise.
        let goblet = try #require(plan.first { ($0["exercise"] as? [String: Any])?["id"] as? String == "goblet-squat" })
        let findings = (goblet["because"] as? [[String: Any]] ?? []).compactMap { $0["finding"] as? String }
        #expect(findings.contains("lumbar-flexion-at-depth"))
        let leftOut = try #require(report["plan_left_out"] as? [[String: Any]])
        #expect(leftOut.contains { $0["exercise"] as? String == "box-squat" && $0["reason"] as? String == "alternative" })
        let notes = try #require(report["plan_notes"] as? [String])
        #expect(notes.contains { $0.contains("Box squat is left out: Goblet squat already takes the place of your squats; switch to it if Goblet squat is too hard or hurts.") })
        // The place freed goes to the next exercise in order, so the plan is still full.
        #expect(ids.count == 6)
    }

    @Test func theProgramPutsOneExerciseInTheSquatsPlace() throws {
        let run = try CLI.run(["run", "--answers", ProgramTests.story, "--format", "text"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Goblet squat replaces your usual squats on the days it is planned"))
        #expect(!run.stdout.contains("[ ] Box squat"))
    }

    @Test func theReasonIsInTheReportSchema() throws {
        let schema = try CLI.run(["schema", "report"])
        #expect(schema.status == 0)
        #expect(schema.stdout.contains("\"alternative\""))
    }
}
