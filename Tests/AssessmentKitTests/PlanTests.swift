import BackCheckYAML
import BackCheckPluginAPI
import AssessmentKit
import BackCheckExpressions
import Testing

@Suite struct PlanTests {
    static let both = """
        answers:
          \(TestCatalogue.clearScreen)
          hip-test: {angle: {left: 12, right: 2}}
          core-test: {hold: 30}
        """

    @Test func anExerciseAskedForTwiceAppearsOnceWithEveryReason() throws {
        let report = try TestCatalogue.report(Self.both)
        let stretch = try #require(report.plan.first { $0.exercise.id == "hip-stretch" })
        #expect(report.plan.filter { $0.exercise.id == "hip-stretch" }.count == 1)
        #expect(Set(stretch.because.map { "\($0.finding)/\($0.side?.rawValue ?? "-")" }) == ["tight-hip/left", "tight-hip/right", "weak-core/-"])
        #expect(stretch.sides == [.left, .right])
        // The tier of the finding that adds most: the core's 0.5 beats the left hip's 0.24.
        #expect(stretch.tier == .endurance)
    }

    @Test("a per-side exercise asked for by a finding without a side is done on both sides; two-legged work has none")
    func aPerSideExerciseForAWholeBodyFindingIsDoneOnBothSides() throws {
        let report = try TestCatalogue.report("answers: {\(TestCatalogue.clearScreen), core-test: {hold: 30}}")
        let stretch = try #require(report.plan.first { $0.exercise.id == "hip-stretch" })
        #expect(stretch.because.map(\.side) == [nil])
        #expect(stretch.sides == [.left, .right])
        #expect(report.plan.first { $0.exercise.id == "plank" }?.sides == [])
    }

    @Test func priorityIsSeverityTimesEvidenceWeightSummed() throws {
        let report = try TestCatalogue.report(Self.both)
        let stretch = try #require(report.plan.first { $0.exercise.id == "hip-stretch" })
        // left 12/20 = 0.6 and right clamp(0.1, 0.2, 1) = 0.2 at low evidence (0.4); core 0.5 at high (1.0).
        #expect(stretch.priority == 0.82)
        #expect(stretch.because.allSatisfy { !$0.asymmetry })
    }

    @Test func planIsOrderedByPriorityThenTierThenID() throws {
        let report = try TestCatalogue.report(Self.both)
        // 0.82, then plank and squat tied at 0.5 (same tier: by id), then the deep stretch at 0.24
        // although its tier (mobility) comes before endurance: priority first (spec 7, second edition).
        #expect(report.plan.map(\.exercise.id) == ["hip-stretch", "plank", "squat", "deep-hip-stretch"])
        #expect(report.plan.map(\.rank) == [1, 2, 3, 4])
        #expect(report.plan.map(\.priority) == [0.82, 0.5, 0.5, 0.24])
        #expect(report.planNotes.last?.hasPrefix("The exercises are in order of importance") == true)
    }

    @Test func aRecommendationWithWhenFollowsTheFindingsSide() throws {
        let report = try TestCatalogue.report(Self.both)
        let deep = try #require(report.plan.first { $0.exercise.id == "deep-hip-stretch" })
        // `when: angle > 10` holds on the left (12) only.
        #expect(deep.sides == [.left])
        #expect(deep.because.map(\.side) == [.left])
        let mild = try TestCatalogue.report("answers: {\(TestCatalogue.clearScreen), hip-test: {angle: {left: 8, right: 8}}}")
        #expect(!mild.plan.contains { $0.exercise.id == "deep-hip-stretch" })
    }

    @Test func aOneSidedFindingBeyondTheMDCCountsOneAndAHalfTimes() throws {
        let report = try TestCatalogue.report("answers: {hip-test: {angle: {left: 12, right: -5}}}")
        let reason = try #require(report.plan.first?.because.first)
        #expect(reason.asymmetry)
        #expect(reason.contribution == 0.36)
        let input = try #require(report.assessment("hip-test")?.input("angle"))
        #expect(input.leftRight?.difference == 17)
        #expect(input.leftRight?.beyondMDC == true)
    }

    @Test func aDifferenceWithinTheMDCIsNotAnAsymmetry() throws {
        let report = try TestCatalogue.report("answers: {hip-test: {angle: {left: 3, right: -1}}}")
        let reason = try #require(report.plan.first?.because.first)
        #expect(reason.side == .left)
        #expect(!reason.asymmetry)
        #expect(reason.contribution == 0.08)
        #expect(report.assessment("hip-test")?.input("angle")?.leftRight?.beyondMDC == false)
    }

    @Test func thePlanIsCappedAndSaysWhatWasLeftOut() throws {
        let report = try TestCatalogue.report(Self.both, maxExercises: 2)
        #expect(report.plan.count == 2)
        // The core finding (severity 0.5) keeps its first exercise, the plank, in the plan.
        #expect(report.plan.map(\.exercise.id) == ["hip-stretch", "plank"])
        #expect(report.planNotes.contains { $0.contains("2 more exercises") && $0.contains("Deep hip stretch") && $0.contains("Squat") })
        #expect(report.planLeftOut.map(\.exercise) == ["deep-hip-stretch", "squat"])
        #expect(report.planLeftOut.allSatisfy { $0.reason == .cap })
    }

    @Test func noFindingsGiveAnEmptyPlanWithAReason() throws {
        let unscreened = try TestCatalogue.report("answers: {hip-test: {angle: {left: -10, right: -10}}}")
        #expect(unscreened.plan.isEmpty)
        #expect(unscreened.planNotes == ["No exercises: no finding asked for one."])
        let report = try TestCatalogue.report("answers: {\(TestCatalogue.clearScreen), hip-test: {angle: {left: -10, right: -10}}}")
        #expect(report.plan.isEmpty)
        #expect(report.planNotes.count == 1)
        #expect(report.planNotes.first?.hasPrefix("Nothing to correct") == true)
        #expect(report.assessment("hip-test")?.status == .good)
    }

    @Test func theSameAnswersGiveTheSameReport() throws {
        let first = try TestCatalogue.report(Self.both).json.serialized(pretty: true)
        let second = try TestCatalogue.report(Self.both).json.serialized(pretty: true)
        #expect(first == second)
    }

    @Test func flaggedValuesShowWhereAFindingStarts() throws {
        let report = try TestCatalogue.report(Self.both)
        let angle = try #require(report.assessment("hip-test")?.input("angle"))
        // `angle > 0` raises the finding: from just above 0 up to the top of the range, 40.
        let left = try #require(angle.flagged(on: .left))
        #expect(left.domain == -40...40)
        #expect(left.intervals.count == 1)
        #expect(left.intervals.first?.upperBound == 40)
        #expect(abs((left.intervals.first?.lowerBound ?? 99) - 0) <= 0.01)
        let hold = try #require(report.assessment("core-test")?.input("hold")?.flagged(on: nil))
        #expect(hold.intervals.first?.lowerBound == 0)
        #expect(abs((hold.intervals.first?.upperBound ?? 0) - 60) <= 0.01)
    }
}
