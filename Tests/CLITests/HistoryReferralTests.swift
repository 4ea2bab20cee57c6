import Foundation
import Testing

/// A referral stands until the person has been checked: a history comparison must say so even
/// when the check-in that made it lies before the two compared (a coach's review found an
/// emergency gone from `history compare`).
@Suite struct HistoryReferralTests {
    /// Eve's history: clear, an emergency, then two clear check-ins.
    private static func eveWithAnEarlierEmergency() throws -> [String: String] {
        let (_, environment) = try HistoryTests.home()
        func save(_ extra: [String]) throws {
            let result = try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "Eve"] + extra, environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
        }
        try save([])
        try save(["--set", "red-flag-screen.saddle_numbness=true"])
        try save(["--set", "core-endurance-mcgill.flexor_hold=50"])
        try save(["--set", "core-endurance-mcgill.flexor_hold=55"])
        return environment
    }

    /// Found by a review: a red flag carried from an earlier check-in said "the plan holds no
    /// exercises" over six planned ones, under a box naming a physiotherapist.
    @Test func aRedFlagCarriedFromAnEarlierCheckInStillHoldsEveryExercise() throws {
        let (_, environment) = try HistoryTests.home()
        let first = try CLI.run(
            ["run", "--answers", HistoryTests.story, "--save", "--person", "Flo", "--set", "red-flag-screen.flank_pain=true"],
            environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let later = try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "Flo", "--format", "json"], environment: environment)
        #expect(later.status == 0, "\(later.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [String: Any])
        let referral = try #require(report["referral"] as? [String: Any])
        #expect(referral["standing_from"] != nil)
        #expect((report["plan"] as? [Any])?.isEmpty == true, "\(report["plan"] ?? "")")
        #expect((report["plan_left_out"] as? [[String: Any]])?.allSatisfy { $0["reason"] as? String == "referral" } == true)
        let text = try CLI.run(["run", "--answers", HistoryTests.story, "--person", "Flo", "--save"], environment: environment)
        #expect(text.stdout.contains("REFERRAL: SEE A DOCTOR SOON"), "\(text.stdout)")
    }

    @Test("a milder red flag raised later does not lower a referral that still stands; its reason is listed too")
    func aMilderLaterRedFlagDoesNotReplaceAStandingReferral() throws {
        let (_, environment) = try HistoryTests.home()
        let first = try CLI.run(
            ["run", "--answers", HistoryTests.story, "--save", "--person", "Gil", "--set", "red-flag-screen.saddle_numbness=true"],
            environment: environment)
        #expect(first.status == 0, "\(first.stderr)")
        let later = try CLI.run(
            ["run", "--answers", HistoryTests.story, "--save", "--person", "Gil", "--set", "red-flag-screen.flank_pain=true", "--format", "json"],
            environment: environment)
        #expect(later.status == 0, "\(later.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [String: Any])
        let referral = try #require(report["referral"] as? [String: Any])
        #expect(referral["urgency"] as? String == "same-day", "\(referral)")
        #expect((referral["standing_from"] as? [String: Any])?["check_in"] as? Int == 1, "\(referral)")
        let reasons = (referral["reasons"] as? [[String: Any]] ?? []).compactMap { $0["finding"] as? String }
        #expect(reasons.first == "cauda-equina-signs", "\(reasons)")
        #expect(reasons.contains("flank-pain"), "\(reasons)")
        #expect((report["plan"] as? [Any])?.isEmpty == true, "\(report["plan"] ?? "")")
        // Today's reason is not only listed: its advice follows the standing message.
        #expect((referral["message"] as? String)?.contains("Today's answers also found: pain under the ribs at the side") == true, "\(referral)")
        #expect((referral["message"] as? String)?.contains("See your GP for this rather than a physiotherapist") == true, "\(referral)")
        // Read back, the report is accepted as made, and refused when edited to drop today's
        // reason or to make today's reason more urgent than the referral standing over it.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backcheck-edited-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        func reread(_ edit: (inout [String: Any]) -> Void) throws -> CLI.Result {
            var edited = report
            edit(&edited)
            let file = folder.appendingPathComponent("edited.json")
            try JSONSerialization.data(withJSONObject: edited).write(to: file)
            return try CLI.run(["report", file.path, "--format", "json"], environment: environment)
        }
        #expect(try reread { _ in }.status == 0)
        let dropped = try reread { object in
            var referral = object["referral"] as! [String: Any]
            referral["reasons"] = (referral["reasons"] as! [[String: Any]]).filter { $0["finding"] as? String != "flank-pain" }
            object["referral"] = referral
        }
        #expect(dropped.status != 0 && dropped.stderr.contains("'referral' does not give it"), "\(dropped.stderr)")
        let outranked = try reread { object in
            var referral = object["referral"] as! [String: Any]
            referral["urgency"] = "soon"
            referral["reasons"] = (referral["reasons"] as! [[String: Any]]).map { reason in
                var reason = reason
                if reason["finding"] as? String == "flank-pain" { reason["urgency"] = "same-day" }
                return reason
            }
            object["referral"] = referral
        }
        #expect(outranked.status != 0 && outranked.stderr.contains("(its own referral would be given)"), "\(outranked.stderr)")
        let noneCarried = try reread { object in
            var referral = object["referral"] as! [String: Any]
            referral["reasons"] = (referral["reasons"] as! [[String: Any]]).filter { $0["finding"] as? String == "flank-pain" }
            object["referral"] = referral
        }
        #expect(noneCarried.status != 0 && noneCarried.stderr.contains("gives none of that check-in's reasons"), "\(noneCarried.stderr)")
        // Saved with it, it stands in the check-in after that one too, still same-day.
        let third = try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "Gil", "--format", "json"], environment: environment)
        let next = try #require(try JSONSerialization.jsonObject(with: Data(third.stdout.utf8)) as? [String: Any])
        #expect((next["referral"] as? [String: Any])?["urgency"] as? String == "same-day", "\(third.stdout.prefix(600))")
    }

    /// A new history with two check-ins of `person`: an emergency (the cauda equina sign), then
    /// the story with `answer` set.
    private static func emergencyThen(_ answer: String, person: String) throws -> [String: String] {
        let (_, environment) = try HistoryTests.home()
        for answer in ["red-flag-screen.saddle_numbness=true", answer] {
            let saved = try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", person, "--set", answer], environment: environment)
            #expect(saved.status == 0, "\(saved.stderr)")
        }
        return environment
    }

    @Test("an as urgent red flag raised later leads, and the standing one's reasons stay beside it")
    func anAsUrgentLaterRedFlagKeepsTheStandingReasons() throws {
        let environment = try Self.emergencyThen("red-flag-screen.flank_pain_with_urinary_symptoms=true", person: "Hal")
        let later = try CLI.run(["history", "show", "2", "--format", "json"], environment: environment)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(later.stdout.utf8)) as? [String: Any], "\(later.stderr)")
        let referral = try #require(report["referral"] as? [String: Any])
        #expect(referral["urgency"] as? String == "same-day" && referral["standing_from"] != nil, "\(referral)")
        let reasons = (referral["reasons"] as? [[String: Any]] ?? []).compactMap { $0["finding"] as? String }
        #expect(reasons.contains("possible-kidney-problem") && reasons.contains("cauda-equina-signs"), "\(reasons)")
    }

    @Test("deleting the check-in a merged referral stood from leaves the later check-in's own referral standing")
    func deletingTheOriginKeepsTheOwnPart() throws {
        let environment = try Self.emergencyThen("red-flag-screen.flank_pain=true", person: "Ida")
        #expect(try CLI.run(["history", "delete", "1", "--yes"], environment: environment).status == 0)
        let people = try CLI.run(["history", "people"], environment: environment).stdout
        #expect(people.contains("clinician first"), "\(people)")
        let next = try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "Ida", "--format", "json"], environment: environment)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(next.stdout.utf8)) as? [String: Any], "\(next.stderr)")
        let referral = try #require(report["referral"] as? [String: Any], "\(next.stdout.prefix(400))")
        #expect(referral["urgency"] as? String == "soon")
        #expect((referral["reasons"] as? [[String: Any]] ?? []).compactMap { $0["finding"] as? String } == ["flank-pain"], "\(referral)")
        #expect((report["plan"] as? [Any])?.isEmpty == true, "\(report["plan"] ?? "")")
    }

    @Test("an emergency stands in the check-ins after it as a same-day referral, shown once by a comparison of them")
    func anEarlierEmergencyStandsInLaterCheckIns() throws {
        let environment = try Self.eveWithAnEarlierEmergency()
        let json = try CLI.run(["history", "compare", "Eve", "--format", "json"], environment: environment)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let referral = try #require(object["referral"] as? [String: Any], "\(json.stdout)")
        #expect(referral["urgency"] as? String == "same-day")
        #expect((referral["standing_from"] as? [String: Any])?["check_in"] as? Int == 2)
        #expect((referral["message"] as? String)?.contains("found signs that needed emergency care: possible pressure on the nerves") == true, "\(referral)")
        // Shown by the compared reports, it is not said again as one before them.
        #expect((object["referrals_before"] as? [Any])?.isEmpty == true, "\(json.stdout)")
        // Today's results are shown, not withheld as in an emergency.
        #expect((object["withheld"] as? [Any])?.isEmpty == true, "\(json.stdout)")
        let text = try CLI.run(["history", "compare", "Eve"], environment: environment).stdout
        #expect(text.contains("REFERRAL: CONTACT A DOCTOR TODAY") && !text.contains("EMERGENCY"), "\(text)")
    }

    @Test("an emergency before the two compared check-ins is named in every form of the comparison, in a history kept before referrals stood")
    func anEarlierEmergencyIsCarriedIntoTheComparison() throws {
        let environment = try HistoryTests.withoutStandingReferrals(try Self.eveWithAnEarlierEmergency())
        let json = try CLI.run(["history", "compare", "Eve", "--format", "json"], environment: environment)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let before = object["referrals_before"] as? [[String: Any]] ?? []
        #expect(before.count == 1)
        #expect((before.first?["referral"] as? [String: Any])?["urgency"] as? String == "emergency", "\(json.stdout)")
        #expect((object["referrals_between"] as? [Any])?.isEmpty == true)
        for format in ["text", "markdown", "html"] {
            let shown = try CLI.run(["history", "compare", "Eve", "--format", format], environment: environment)
            let flat = shown.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains("Before these check-ins, on") && flat.contains("a check-in had a referral (emergency:"), "\(format): \(shown.stdout)")
        }
    }

    @Test("a tab or a line break in a name is refused like any control character, not folded into a space")
    func aTabInANameIsRefused() throws {
        let (_, environment) = try HistoryTests.home()
        for name in ["Tab\there", "Bad\nName"] {
            let result = try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", name], environment: environment)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("cannot be a person's name: it holds control"), "\(result.stderr)")
        }
        // A no-break space is still a space.
        let spaced = try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "Anne\u{00A0}Marie"], environment: environment)
        #expect(spaced.status == 0 && spaced.stderr.contains("saved check-in 1 for Anne Marie"), "\(spaced.stderr)")
    }

    /// Found by two reviews: a clear check-in saved after one with a referral got a plan of
    /// loaded work and a calendar of deadlifts, while `history people` said "clinician first".
    @Test("a check-in saved while an earlier referral stands carries it: no loaded work, no calendar, until the check is recorded")
    func aClearCheckInAfterAReferralCarriesIt() throws {
        let (_, environment) = try HistoryTests.home()
        let story = "Assessments/stories/deadlift-lockout-pain.answers.yaml"
        let first = try CLI.run(["run", "--answers", story, "--save", "--person", "Bea"], environment: environment)
        #expect(first.status == 0 && !first.stderr.contains("note:"), "\(first.stderr)")
        let clearAnswers = ["--answers", story, "--set", "hinge-form.pain_during_lift=false", "--save", "--person", "Bea"]
        let clear = try CLI.run(["run"] + clearAnswers + ["--format", "json"], environment: environment)
        #expect(clear.status == 0, "\(clear.stderr)")
        #expect(clear.stderr.contains("note: the referral of check-in 1 ("), "\(clear.stderr)")
        #expect(clear.stderr.contains("stands in this report too, until Bea has been checked"), "\(clear.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(clear.stdout.utf8)) as? [String: Any])
        let referral = try #require(report["referral"] as? [String: Any], "\(report["referral"] ?? "none")")
        #expect((referral["standing_from"] as? [String: Any])?["check_in"] as? Int == 1)
        #expect((referral["message"] as? String)?.hasPrefix("This referral comes from your check-in of ") == true)
        #expect((referral["reasons"] as? [[String: Any]])?.first?["finding"] as? String == "pain-during-hinge")
        #expect(report["program"] is NSNull)
        let loaded = (report["plan"] as? [[String: Any]] ?? []).compactMap { ($0["exercise"] as? [String: Any])?["id"] as? String }
        #expect(!loaded.contains("rdl-from-blocks") && !loaded.contains("hip-thrust"), "\(loaded)")
        // The saved check-in reads back, and its calendar is refused like any referral's.
        #expect(try CLI.run(["report", "-"], input: clear.stdout).status == 0)
        let calendar = try CLI.run(["run"] + clearAnswers + ["--set", "core-endurance-mcgill.flexor_hold=61", "--format", "ics"], environment: environment)
        #expect(calendar.status == 1 && calendar.stderr.contains("no calendar"), "\(calendar.stderr)")
        // Once the check is recorded, the next clear check-in is clear.
        #expect(try CLI.run(["history", "checked", "Bea"], environment: environment).status == 0)
        let after = try CLI.run(["run"] + clearAnswers + ["--set", "core-endurance-mcgill.flexor_hold=62", "--format", "json"], environment: environment)
        let afterReport = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])
        #expect(afterReport["referral"] is NSNull, "\(after.stderr)")
        #expect(afterReport["program"] is [String: Any])
    }

    @Test("history people lists an earlier emergency first, with 'clinician first' as its next step")
    func anEarlierEmergencyIsListedFirst() throws {
        let (_, environment) = try HistoryTests.home()
        func save(_ person: String, _ extra: [String] = []) throws {
            let result = try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", person] + extra, environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
        }
        // Ann: a latest "soon"; Sam: an earlier "soon"; Eve: an earlier emergency.
        try save("Ann", ["--set", "red-flag-screen.pain_over_6_weeks=true"])
        try save("Sam", ["--set", "red-flag-screen.pain_over_6_weeks=true"])
        try save("Sam", ["--set", "core-endurance-mcgill.flexor_hold=50"])
        try save("Eve", ["--set", "red-flag-screen.saddle_numbness=true"])
        try save("Eve", ["--set", "core-endurance-mcgill.flexor_hold=50"])
        let table = try CLI.run(["history", "people"], environment: environment).stdout
        let rows = table.split(separator: "\n").filter { ["Ann", "Sam", "Eve"].contains(String($0.prefix(3))) }
        #expect(rows.map { String($0.prefix(3)) } == ["Eve", "Ann", "Sam"], "\(table)")
        #expect(rows.first?.hasSuffix("clinician first") == true && rows.last?.hasSuffix("clinician first") == true, "\(table)")
    }

    @Test("deleting the check-in that raised a referral takes it away from the check-ins that carried it")
    func aDeletedCheckInsReferralNoLongerStands() throws {
        let (_, environment) = try HistoryTests.home()
        let story = "Assessments/stories/sore-after-squats.answers.yaml"
        func save(_ extra: [String]) throws -> [String: Any] {
            let result = try CLI.run(["run", "--answers", story, "--save", "--person", "Fay", "--format", "json"] + extra, environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        }
        // Check-in 1 (saved under the wrong name, say) raises a referral; check-in 2 carries it.
        _ = try save(["--set", "painful-lifts.squat_pain=7"])
        #expect(try save([])["referral"] is [String: Any])
        #expect(try CLI.run(["history", "people"], environment: environment).stdout.contains("clinician first"))
        #expect(try CLI.run(["history", "delete", "1", "--yes"], environment: environment).status == 0)
        let people = try CLI.run(["history", "people"], environment: environment).stdout
        #expect(!people.contains("clinician first") && !people.contains("soon"), "\(people)")
        let next = try save(["--set", "training-load.warm_up_minutes=9"])
        #expect(next["referral"] is NSNull, "\(next["referral"] ?? "")")
        #expect(next["program"] is [String: Any])
    }
}
