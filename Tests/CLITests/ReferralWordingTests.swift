import Foundation
import Testing

/// What the referral and the screen's line say when several warning signs come together, read
/// through the built binary (from a black-box review: several emergencies read as a wall of
/// repeated orders, and a same-day headline asked for less than its findings).
@Suite struct ReferralWordingTests {
    static let allClear = "Assessments/stories/all-clear.answers.yaml"

    /// The JSON report of the all-clear story with each red-flag question in `yes` answered yes.
    static func report(yes: [String], _ extra: [String] = []) throws -> [String: Any] {
        try ClinicalStoryTests.report(["--answers", allClear] + yes.flatMap { ["--set", "red-flag-screen.\($0)=true"] } + extra)
    }

    static func referral(_ report: [String: Any]) throws -> [String: Any] {
        try #require(report["referral"] as? [String: Any])
    }

    static func occurrences(of text: String, in message: String) -> Int { message.components(separatedBy: text).count - 1 }

    @Test func severalEmergenciesGiveOneInstructionLedByTheAmbulance() throws {
        let referral = try Self.referral(Self.report(yes: [
            "saddle_numbness", "chest_pain", "sudden_severe_pain_with_faintness", "major_trauma",
        ]))
        let message = try #require(referral["message"] as? String)
        #expect(referral["urgency"] as? String == "emergency")
        // The most protective instruction (an ambulance, do not drive, lie down) is given in
        // full, once, and "go to A&E now" is not repeated for every sign.
        #expect(message.contains("Call 999 (112 or your local emergency number) for an ambulance now"), "\(message)")
        #expect(message.contains("Lie down while you wait"))
        #expect(Self.occurrences(of: "Do not drive yourself", in: message) == 1, "\(message)")
        #expect(Self.occurrences(of: "A&E", in: message) == 1, "\(message)")
        // The others are named once, as what to tell the emergency team.
        #expect(message.hasSuffix(
            "Tell them about these too: chest pain together with back pain; possible pressure on the nerves at the base of the spine (cauda equina syndrome); back pain after a serious accident or fall (possible fracture)."),
            "\(message)")
        // Each reason keeps its own advice for apps that show them one by one.
        let reasons = try #require(referral["reasons"] as? [[String: Any]])
        let emergencies = reasons.filter { $0["urgency"] as? String == "emergency" }
        #expect(emergencies.map { $0["finding"] as? String } == [
            "possible-aortic-emergency", "chest-pain-with-back-pain", "cauda-equina-signs", "possible-fracture",
        ])
    }

    @Test(arguments: ["text", "markdown", "html"])
    func theReferralsReasonsCarryTheirUrgencyButNoTestID(format: String) throws {
        let result = try CLI.run(["run", "--answers", "Assessments/stories/red-flag-emergency.answers.yaml", "--format", format])
        #expect(result.status == 0, "\(result.stderr)")
        let words = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("(cauda equina syndrome)"), "\(words)")
        #expect(words.contains("emergency"))
        #expect(!words.contains("red-flag-screen, emergency") && !words.contains("red-flag-screen</span>"), "\(words)")
    }

    @Test func oneEmergencyKeepsItsAdviceAsWritten() throws {
        let message = try #require(Self.referral(Self.report(yes: ["saddle_numbness"]))["message"] as? String)
        #expect(message.contains("you are worried about cauda equina syndrome."))
        #expect(!message.contains("Tell them about these too"))
    }

    @Test func aSameDayHeadlineAsksForNoLessThanItsFindings() throws {
        // An infection needs rest from all training; the headline must not say only "loaded".
        let referral = try Self.referral(Self.report(yes: ["fever_or_unwell", "infection_risk", "history_of_cancer"]))
        let message = try #require(referral["message"] as? String)
        #expect(referral["urgency"] as? String == "same-day")
        #expect(message.hasPrefix("Contact a doctor today, and do not train until you have been seen;"), "\(message)")
        #expect(message.contains("Rest from all training, not only loaded lifts"))
    }

    @Test(arguments: ["infection_risk", "flank_pain", "upper_back_pain"])
    func aSoonRedFlagHoldsEveryExerciseUntilADoctorHasChecked(flag: String) throws {
        // Reference 7's encoding rule: a red flag other than the nerve and persistence triggers
        // suppresses exercise prescription, even when it is not urgent.
        let sore = ["--answers", "Assessments/stories/sore-after-squats.answers.yaml"]
        let report = try ClinicalStoryTests.report(sore + ["--set", "red-flag-screen.\(flag)=true"])
        let referral = try Self.referral(report)
        let message = try #require(referral["message"] as? String)
        #expect(referral["urgency"] as? String == "soon")
        #expect(message.hasPrefix("See a doctor soon (not an emergency: within days to a couple of weeks), and stop loaded training until then; the plan holds no exercises"), "\(message)")
        #expect((report["plan"] as? [Any])?.isEmpty == true)
        let leftOut = try #require(report["plan_left_out"] as? [[String: Any]])
        #expect(!leftOut.isEmpty && leftOut.allSatisfy { $0["reason"] as? String == "referral" }, "\(leftOut)")
        #expect((report["plan_notes"] as? [String])?.first == "No exercises: the reason for the referral needs a doctor's check before exercise is planned.")
        let text = try CLI.run(["run"] + sore + ["--set", "red-flag-screen.\(flag)=true", "--format", "text"])
        #expect(text.stdout.contains("REFERRAL: SEE A DOCTOR SOON"), "\(text.stdout)")
    }

    @Test func aSoonNerveSignStillKeepsUnloadedWork() throws {
        // Leg pain below the knee is a referral trigger, not a red flag: unloaded work goes on.
        let report = try ClinicalStoryTests.report([
            "--answers", "Assessments/stories/sore-after-squats.answers.yaml", "--set", "red-flag-screen.pain_below_knee_with_tingling=true",
        ])
        #expect(try Self.referral(report)["urgency"] as? String == "soon")
        #expect((report["plan"] as? [Any])?.isEmpty == false)
    }

    @Test func aCalendarRefusedForAReferralSaysHowUrgentItIs() throws {
        let story = ["--answers", Self.allClear, "--format", "ics", "--set", "red-flag-screen.fever_or_unwell=true",
                     "--set", "red-flag-screen.infection_risk=true"]
        let calendar = try CLI.run(["run"] + story)
        #expect(calendar.status == 1)
        #expect(calendar.stdout.isEmpty)
        #expect(calendar.stderr.contains(
            "no calendar: this report is a same-day referral — contact a doctor today, and do not train until you have been seen; read it with --format text"),
            "\(calendar.stderr)")
    }

    @Test func aCompleteScreenBesideAnotherTestsReferralSaysWhereTheReferralComesFrom() throws {
        let text = try CLI.run(["run", "--answers", "Assessments/stories/deadlift-lockout-pain.answers.yaml", "--format", "text"])
        #expect(text.status == 0, "\(text.stderr)")
        let flat = text.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains(
            "Red-flag screen: complete — none of its own answers is a warning sign; the referral above comes from another test"),
            "\(text.stdout)")
    }

    @Test(arguments: ["text", "markdown", "html"])
    func resultsUnderAReferralSayTheirLiftingAdviceWaits(format: String) throws {
        let caveat = "While the referral above stands, these results only say what was found: any advice in them on lifting (a lighter weight, adding load back) is for after you have been checked."
        // At 16, arching pain under load is a referral; the hip thrust's own finding still
        // carries the catalogue's "cut the weight by 20-30%" advice.
        let story = try String(contentsOfFile: CLI.root.appendingPathComponent("Assessments/stories/hip-thrust-hurts.answers.yaml").path, encoding: .utf8)
        #expect(story.contains("age: 26"))
        let file = try CLI.temporaryFolder().appendingPathComponent("young.answers.yaml")
        try story.replacingOccurrences(of: "age: 26", with: "age: 16").write(to: file, atomically: true, encoding: .utf8)
        let young = try CLI.run(["run", "--answers", file.path, "--format", format])
        #expect(young.status == 0, "\(young.stderr)")
        let flat = young.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flat.contains(caveat) && flat.contains("20-30%"), "\(young.stdout)")
        // Without a referral there is nothing to wait for.
        let adult = try CLI.run(["run", "--answers", "Assessments/stories/hip-thrust-hurts.answers.yaml", "--format", format])
        #expect(!adult.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("While the referral above stands"))
    }

    /// A review found the A&E warning twice in one box: two findings' advice worded it with a
    /// word apart ("pain in both legs" / "pain or weakness in both legs"), so it was not shared.
    @Test("every catalogue referral's A&E warning for nerve signs is worded alike, so a box says it once")
    func aLiftAndNextDayPainShareOneWarning() throws {
        let report = try ClinicalStoryTests.story(
            "sore-after-squats", ["--set", "squat-form.pain_during_lift=true", "--set", "training-load.next_day_pain=7"])
        let message = try Self.referral(report)["message"] as? String ?? ""
        for sentence in ["Go to A&E now", "keep moving in ways that do not hurt"] {
            #expect(message.components(separatedBy: sentence).count - 1 == 1, "\(message)")
        }
    }
}
