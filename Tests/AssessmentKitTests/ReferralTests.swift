import AssessmentKit
import BackCheckPluginAPI
import Testing

@Suite struct ReferralTests {
    static func answers(numb: Bool = false, fever: Bool = false, long: Bool = false) -> String {
        """
        answers:
          screen: {numb: \(numb), fever: \(fever), long: \(long)}
          hip-test: {angle: {left: 12, right: 2}}
          core-test: {hold: 30}
        """
    }

    @Test func noReferFindingMeansNoReferral() throws {
        let report = try TestCatalogue.report(Self.answers())
        #expect(report.referral == nil)
        #expect(report.assessments.first?.id == "screen")
        #expect(report.assessment("screen")?.status == .good)
    }

    @Test func anEmergencyEmptiesThePlanAndWithholdsOtherResults() throws {
        let report = try TestCatalogue.report(Self.answers(numb: true))
        let referral = try #require(report.referral)
        #expect(referral.urgency == .emergency)
        #expect(referral.message.contains("Go to the emergency department now."))
        // The first words are the same for every emergency, and a chest pain or a tearing pain
        // with faintness must not wait for a drive to hospital: an ambulance is named first.
        #expect(referral.message.hasPrefix("Get emergency help now: call an ambulance or go to an emergency department"))
        #expect(report.plan.isEmpty)
        #expect(report.planNotes.first?.contains("emergency") == true)
        #expect(report.assessments.map(\.id) == ["screen"])
        #expect(report.notes.contains { $0.contains("withheld") && $0.contains("Hip test") && $0.contains("Core test") })
        #expect(report.withheld == ["hip-test", "core-test"])
    }

    @Test func aSameDayReferralEmptiesThePlanButKeepsTheResults() throws {
        let report = try TestCatalogue.report(Self.answers(fever: true))
        #expect(report.referral?.urgency == .sameDay)
        #expect(report.plan.isEmpty)
        #expect(report.planNotes.first?.contains("today") == true)
        #expect(report.assessments.count == 3)
    }

    @Test func aSoonReferralRemovesOnlyLoadedExercises() throws {
        let report = try TestCatalogue.report(Self.answers(long: true))
        #expect(report.referral?.urgency == .soon)
        let ids = report.plan.map(\.exercise.id)
        // plank (endurance) and squat (strength) load the back; the stretches and the walk do not.
        #expect(!ids.contains("plank") && !ids.contains("squat"))
        // The walk is a load exercise that keeps no training load up (loaded: false): it stays;
        // the squat's unloaded regression is offered in its place.
        #expect(ids == ["hip-stretch", "walk", "box-sit", "deep-hip-stretch"])
        #expect(ids.contains("hip-stretch") && ids.contains("deep-hip-stretch"))
        #expect(report.planNotes.contains { $0.contains("Plank") && $0.contains("Squat") })
        #expect(report.planLeftOut.map { "\($0.exercise):\($0.reason.rawValue)" } == ["plank:referral", "squat:referral"])
        #expect(report.screening?.status == .positive)
        #expect(report.referral?.message.contains("stop loaded training") == true)
    }

    @Test func theMostUrgentFlagWinsAndEveryReasonIsListed() throws {
        let report = try TestCatalogue.report(Self.answers(numb: false, fever: true, long: true))
        let referral = try #require(report.referral)
        #expect(referral.urgency == .sameDay)
        #expect(referral.reasons.map(\.finding) == ["infection", "persistent"])
        #expect(referral.message.contains("See a doctor today."))
        #expect(!referral.message.contains("Book a physiotherapist."))
    }
}
