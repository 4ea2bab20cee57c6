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

    @Test func oneTechniqueExerciseStandsInForTheSquatAndTheHarderOneIsNamedAsTheNextStep() throws {
        let report = try report()
        let plan = try #require(report["plan"] as? [[String: Any]])
        let ids = plan.compactMap { ($0["exercise"] as? [String: Any])?["id"] as? String }
        // The box squat is the easier of the two (its progression is the goblet squat): the safe start.
        #expect(ids.contains("box-squat"))
        #expect(!ids.contains("goblet-squat"))
        // It takes over the goblet squat's findings: no finding loses its exercise.
        let box = try #require(plan.first { ($0["exercise"] as? [String: Any])?["id"] as? String == "box-squat" })
        let findings = Set((box["because"] as? [[String: Any]] ?? []).compactMap { $0["finding"] as? String })
        #expect(findings.isSuperset(of: ["lumbar-flexion-at-depth", "heels-lift", "restricted-dorsiflexion"]), "\(findings)")
        let leftOut = try #require(report["plan_left_out"] as? [[String: Any]])
        #expect(leftOut.contains { $0["exercise"] as? String == "goblet-squat" && $0["reason"] as? String == "alternative" })
        let notes = try #require(report["plan_notes"] as? [String])
        #expect(notes.contains { $0.contains("Goblet squat is left out: Box squat already takes the place of your squats; move on to it once Box squat is easy.") }, "\(notes)")
        // The place freed goes to the next exercise in order, so the plan is still full.
        #expect(ids.count == 6)
    }

    @Test func theProgramPutsOneExerciseInTheSquatsPlace() throws {
        let run = try CLI.run(["run", "--answers", ProgramTests.story, "--format", "text"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Box squat replaces your usual squats on the days it is planned"))
        #expect(!run.stdout.contains("[ ] Goblet squat"))
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
        // The gentlest of the three (the couch stretch's regressions lead to it), whatever the
        // findings' weights: the same findings give the same choice.
        #expect((planned[0]["exercise"] as? [String: Any])?["id"] as? String == "thomas-position-hip-flexor-stretch")
        // The one planned takes over every finding the three were asked for.
        let findings = Set((planned[0]["because"] as? [[String: Any]] ?? []).compactMap { $0["finding"] as? String })
        #expect(findings.isSuperset(of: ["iliopsoas-tightness", "rectus-femoris-tightness"]), "\(findings)")
        let leftOut = try #require(report["plan_left_out"] as? [[String: Any]])
        let alternatives = leftOut.filter { $0["reason"] as? String == "alternative" }.compactMap { $0["exercise"] as? String }
        #expect(Set(alternatives).isSuperset(of: Set(stretches).subtracting([(planned[0]["exercise"] as? [String: Any])?["id"] as? String ?? ""])))
        let notes = try #require(report["plan_notes"] as? [String])
        #expect(notes.contains { $0.contains("already stretches the same muscles") }, "\(notes)")
    }

    @Test func anExerciseAndItsOwnHarderVersionAreNotPlannedTogether() throws {
        // The weak-core story's findings ask for the side plank and the suitcase carry (its
        // progression), and for the bird dog and the back extension hold (likewise).
        let run = try CLI.run(["run", "--answers", "Assessments/stories/weak-core.answers.yaml", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let ids = (report["plan"] as? [[String: Any]] ?? []).compactMap { ($0["exercise"] as? [String: Any])?["id"] as? String }
        #expect(ids.contains("side-plank") && ids.contains("bird-dog"), "\(ids)")
        #expect(!ids.contains("suitcase-carry") && !ids.contains("back-extension-hold"), "\(ids)")
        let notes = report["plan_notes"] as? [String] ?? []
        #expect(notes.contains { $0.contains("Suitcase carry is left out for now: it is a harder version of Side plank (side bridge); move on to it once Side plank (side bridge) is easy.") }, "\(notes)")
        // A link alone is not a level: side-lying hip abduction leads on to the side plank but
        // works another muscle first, so it never replaces it.
        #expect(ids.first == "side-plank", "\(ids)")
    }

    @Test func theReasonIsInTheReportSchema() throws {
        let schema = try CLI.run(["schema", "report"])
        #expect(schema.status == 0)
        #expect(schema.stdout.contains("\"alternative\""))
    }
}
