import Foundation
import Testing

/// A referral stands until the person has been checked: a history comparison must say so even
/// when the check-in that made it lies before the two compared (a coach's review found an
/// emergency gone from `history compare`).
@Suite struct HistoryReferralTests {
    @Test("an emergency before the two compared check-ins is named in every form of the comparison")
    func anEarlierEmergencyIsCarriedIntoTheComparison() throws {
        let (_, environment) = try HistoryTests.home()
        func save(_ extra: [String]) throws {
            let result = try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "Eve"] + extra, environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
        }
        try save([])
        try save(["--set", "red-flag-screen.saddle_numbness=true"])
        try save(["--set", "core-endurance-mcgill.flexor_hold=50"])
        try save(["--set", "core-endurance-mcgill.flexor_hold=55"])
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

    @Test("saving a clear check-in after one with a referral says the referral still stands")
    func aClearCheckInAfterAReferralIsNoted() throws {
        let (_, environment) = try HistoryTests.home()
        let story = "Assessments/stories/deadlift-lockout-pain.answers.yaml"
        let first = try CLI.run(["run", "--answers", story, "--save", "--person", "Bea"], environment: environment)
        #expect(first.status == 0 && !first.stderr.contains("note:"), "\(first.stderr)")
        let clear = try CLI.run(
            ["run", "--answers", story, "--set", "hinge-form.pain_during_lift=false", "--save", "--person", "Bea"], environment: environment)
        #expect(clear.status == 0, "\(clear.stderr)")
        #expect(clear.stderr.contains("note: check-in 1 on "), "\(clear.stderr)")
        #expect(clear.stderr.contains("had a referral (soon: Back pain during the deadlift); it stands until Bea has been checked"), "\(clear.stderr)")
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
}
