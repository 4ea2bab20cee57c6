import Foundation
import Testing

/// One exercise for each job. Technique work takes the place of the person's own lift in the
/// program, so a plan holds one technique exercise per lift pattern: the sore-after-squats
/// story's findings ask for both the goblet squat and the box squat, which once gave 3 × 10 of
/// each in one squat's place. And one stretch for the same muscles: the reference's dose is
/// about 60 s in all per muscle (§9), not two or three stretches' worth.
struct PlanAlternativeTests {
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

    @Test func oneStretchHoldsTheSameMusclesAndTheOthersAreNamedAsAlternatives() throws {
        // A very tight left hip asks for the half-kneeling and the Thomas-position stretch, and a
        // short rectus femoris for the couch stretch: all three stretch iliopsoas and rectus femoris.
        let report = try report([
            "--set", "hip-flexor-thomas.hip_angle.left=12", "--set", "hip-flexor-thomas.knee_flexion.left=30",
        ])
        let stretches = ["half-kneeling-hip-flexor-stretch", "thomas-position-hip-flexor-stretch", "couch-stretch"]
        let plan = try #require(report["plan"] as? [[String: Any]])
        let planned = plan.filter { stretches.contains(($0["exercise"] as? [String: Any])?["id"] as? String ?? "") }
        try #require(planned.count == 1, "\(planned)")
        // The one planned takes over every finding the three were asked for.
        let findings = Set((planned[0]["because"] as? [[String: Any]] ?? []).compactMap { $0["finding"] as? String })
        #expect(findings.isSuperset(of: ["iliopsoas-tightness", "rectus-femoris-tightness"]), "\(findings)")
        let leftOut = try #require(report["plan_left_out"] as? [[String: Any]])
        let alternatives = leftOut.filter { $0["reason"] as? String == "alternative" }.compactMap { $0["exercise"] as? String }
        #expect(Set(alternatives).isSuperset(of: Set(stretches).subtracting([(planned[0]["exercise"] as? [String: Any])?["id"] as? String ?? ""])))
        let notes = try #require(report["plan_notes"] as? [String])
        #expect(notes.contains { $0.contains("already stretches the same muscles") }, "\(notes)")
    }

    @Test func theReasonIsInTheReportSchema() throws {
        let schema = try CLI.run(["schema", "report"])
        #expect(schema.status == 0)
        #expect(schema.stdout.contains("\"alternative\""))
    }
}
