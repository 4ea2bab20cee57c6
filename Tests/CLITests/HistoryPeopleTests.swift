import Foundation
import Testing

/// `history people`: everyone with check-ins, a referral or an unfinished screen first, and
/// findings counts that compare like with like; through the binary, each test with its own store.
@Suite struct HistoryPeopleTests {
    @Test("after an emergency, people shows the referral and no findings count that reads as progress, in 80 columns")
    func peopleAfterAnEmergency() throws {
        let (_, environment) = try HistoryTests.home()
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--save"], environment: environment).status == 0)
        let emergency = try CLI.run(
            ["run", "--answers", HistoryTests.story, "--set", "red-flag-screen.saddle_numbness=true", "--save"], environment: environment)
        #expect(emergency.status == 0, "\(emergency.stderr)")
        let people = try CLI.run(["history", "people"], environment: environment).stdout
        let row = try #require(people.split(separator: "\n").dropFirst().first.map(String.init))
        #expect(row.contains("emergency"), "\(people)")
        #expect(row.contains("→ withheld"), "\(people)")
        #expect(row.hasSuffix("clinician first"), "\(people)")
        #expect(people.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(people)")
        // Apps get no count that reads as progress either.
        let json = try CLI.run(["history", "people", "--format", "json"], environment: environment).stdout
        #expect(json.contains("\"first_findings\": 5,\n      \"latest_findings\": null,"), "\(json)")
        #expect(json.contains("\"retest_due\": null"), "under a referral the clinician comes first: \(json)")
        let list = try CLI.run(["history", "list", "Marcus", "--format", "json"], environment: environment).stdout
        #expect(list.contains("\"referral\": \"emergency\",\n      \"findings\": null"), "\(list)")
        // The text list agrees (a review found it printed the count JSON withholds).
        let listed = try CLI.run(["history", "list", "Marcus"], environment: environment).stdout
        #expect(listed.split(separator: "\n").last?.hasSuffix("emergency  0      withheld") == true, "\(listed)")
        // A first check-in that was an emergency withheld its results too: no count there either.
        let (_, alone) = try HistoryTests.home()
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--set", "red-flag-screen.saddle_numbness=true", "--save"], environment: alone).status == 0)
        let single = try CLI.run(["history", "people", "--format", "json"], environment: alone).stdout
        #expect(single.contains("\"first_findings\": null,\n      \"latest_findings\": null,"), "\(single)")
        #expect(try CLI.run(["history", "people"], environment: alone).stdout.contains("  withheld  "))
        // Found by a review: the emergency sorted to the bottom by name, below every routine row,
        // and a long name widened every row past 80 columns.
        let longName = "Alexandra Konstantinopoulou-Whitfield (client 17)"
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "Aaron"], environment: alone).status == 0)
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", longName], environment: alone).status == 0)
        let rows = try CLI.run(["history", "people"], environment: alone).stdout.split(separator: "\n")
        #expect(rows.dropFirst().first?.hasPrefix("Marcus") == true, "the emergency first: \(rows)")
        #expect(rows.allSatisfy { $0.count <= 80 }, "\(rows)")
        // The whole name, wrapped in its column: a cut one made two people look alike.
        let start = try #require(rows.firstIndex { $0.hasPrefix("Alexandra ") }, "\(rows)")
        // A name's further lines hold only the rest of it: every other cell beside them is blank.
        let rest = rows[(start + 1)...].prefix { !$0.contains("  ") }.map(String.init)
        let first = rows[start].components(separatedBy: "  ").first ?? ""
        #expect(([first] + rest).joined(separator: " ") == longName, "\(rows)")
        // A name with no space to wrap at is split rather than push every row past 80 columns.
        let spaceless = "Maximilian-Alexander-Montgomery-Fitzgerald-Smythe-Featherstonehaugh"
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", spaceless], environment: alone).status == 0)
        let split = try CLI.run(["history", "people"], environment: alone).stdout.split(separator: "\n")
        #expect(split.allSatisfy { $0.count <= 80 } && split.contains { $0.hasPrefix("Maximilian-") }, "\(split)")
        // Wide characters are padded by their screen width: the columns after a CJK name line up.
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "日本語の名前日本語の名前"], environment: alone).status == 0)
        let aligned = try CLI.run(["history", "people"], environment: alone).stdout.split(separator: "\n")
        let cjk = try #require(aligned.first { $0.hasPrefix("日本") })
        let aaron = try #require(aligned.first { $0.hasPrefix("Aaron") })
        #expect(ExportColumns.of(cjk) == ExportColumns.of(aaron) && cjk.count < aaron.count, "\(aligned)")
    }

    @Test("a latest check-in of fewer tests is not shown as progress: people counts findings over the tests both ran")
    func peopleComparesTheTestsBothCheckInsRan() throws {
        let (_, environment) = try HistoryTests.home()
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--save"], environment: environment).status == 0)
        // Later, only the squat check (the red-flag screen comes along, as always when answered).
        let partial = try CLI.run(["run", "squat-form", "--answers", HistoryTests.story, "--save"], environment: environment)
        #expect(partial.status == 0, "\(partial.stderr)")
        let json = try CLI.run(["history", "people", "--format", "json"], environment: environment).stdout
        let people = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let person = try #require((people["people"] as? [[String: Any]])?.first)
        #expect(person["first_tests"] as? [String] == ["core-endurance-mcgill", "squat-form"], "\(json)")
        #expect(person["latest_tests"] as? [String] == ["squat-form"], "\(json)")
        #expect(person["common_tests"] as? [String] == ["squat-form"], "\(json)")
        let (first, latest) = (try #require(person["first_findings"] as? Int), try #require(person["latest_findings"] as? Int))
        let (firstCommon, latestCommon) = (try #require(person["first_common_findings"] as? Int), try #require(person["latest_common_findings"] as? Int))
        // The McGill holds' findings drop out of the comparison: the same answers, the same count.
        #expect(latest < first && firstCommon == latestCommon && latestCommon == latest, "\(json)")
        let text = try CLI.run(["history", "people"], environment: environment).stdout
        #expect(text.contains("\(firstCommon) → \(latestCommon)*"), "\(text)")
        #expect(!text.contains("\(first) → \(latest)"), "\(text)")
        #expect(text.contains("* Counted only over the tests whose results both the first and the latest"), "\(text)")
        // No row has brackets here, so the note does not explain any (a review found it did).
        #expect(!text.contains("in brackets"), "\(text)")
        // Found by a review: a latest check-in of more tests hid its other findings behind the arrow.
        let (_, more) = try HistoryTests.home()
        #expect(try CLI.run(["run", "squat-form", "--answers", HistoryTests.story, "--save"], environment: more).status == 0)
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--set", "squat-form.heels_lift=false", "--save"], environment: more).status == 0)
        let wider = try CLI.run(["history", "people"], environment: more).stdout
        let row = try #require(wider.split(separator: "\n").first { $0.hasPrefix("Marcus") })
        #expect(row.contains("→") && row.contains("* (\(first)"), "all the latest findings in brackets: \(wider)")
        #expect(wider.contains("in brackets, all the latest one's findings"), "\(wider)")
        // Only the screen in common is no test in common.
        let (_, apart) = try HistoryTests.home()
        #expect(try CLI.run(["run", "squat-form", "--answers", HistoryTests.story, "--save"], environment: apart).status == 0)
        #expect(try CLI.run(["run", "core-endurance-mcgill", "--answers", HistoryTests.story, "--save"], environment: apart).status == 0)
        #expect(try CLI.run(["history", "people"], environment: apart).stdout.contains("none in common*"))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(text)")
        // history list shows how many tests each check-in ran beside its findings.
        let listed = try CLI.run(["history", "list", "Marcus"], environment: environment).stdout.split(separator: "\n")
        #expect(listed.first?.hasSuffix("TESTS  FINDINGS") == true && listed.count == 3, "\(listed)")
        #expect(listed[1].hasSuffix("  2      \(first)") && listed[2].hasSuffix("  1      \(latest)"), "\(listed)")
        // One check-in: its count alone ("5 → 5" read as "no change"). The same tests again:
        // plain counts, no mark and no note.
        let (_, same) = try HistoryTests.home()
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--save"], environment: same).status == 0)
        let single = try CLI.run(["history", "people"], environment: same).stdout
        #expect(single.split(separator: "\n").last?.contains("  \(first)  ") == true && !single.contains("→"), "\(single)")
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--set", "squat-form.heels_lift=true"], environment: same).status == 0)
        let plain = try CLI.run(["history", "people"], environment: same).stdout
        #expect(plain.contains("\(first) → ") && !plain.contains("*"), "\(plain)")
    }

    @Test("a latest check-in whose red-flag screen was left unfinished is listed as unscreened, above routine rows, with the screen first")
    func peopleFlagsAnUnfinishedScreen() throws {
        let (folder, environment) = try HistoryTests.home()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let noScreen = folder.deletingLastPathComponent().appendingPathComponent("no-screen.answers.yaml")
        try "profile: {name: Ned, sex: male, age: 34}\nanswers:\n  core-endurance-mcgill: {flexor_hold: 45, extensor_hold: 50, side_bridge: {left: 28, right: 20}, stopped_for_pain: false}\n"
            .write(to: noScreen, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "Abe"], environment: environment).status == 0)
        #expect(try CLI.run(["run", "--answers", noScreen.path, "--save"], environment: environment).status == 0)
        let rows = try CLI.run(["history", "people"], environment: environment).stdout.split(separator: "\n")
        #expect(rows.count == 3 && rows[1].hasPrefix("Ned") && rows[1].contains("unscreened") && rows[1].hasSuffix("screen first"), "\(rows)")
        #expect(rows[2].hasPrefix("Abe") && rows.allSatisfy { $0.count <= 80 }, "\(rows)")
        let json = try CLI.run(["history", "people", "--format", "json"], environment: environment).stdout
        #expect(json.contains("\"person\": \"Ned\",\n      \"latest_referral\": null,\n      \"earlier_referral\": null,\n      \"latest_screening\": \"incomplete\""), "\(json)")
        #expect(json.components(separatedBy: "\"retest_due\": null").count == 2, "Ned's retest waits for the screen: \(json)")
    }

    @Test("a referral of an earlier check-in is not hidden by a clean latest one: people marks it 'earlier', above routine rows, and names it")
    func peopleKeepsAnEarlierReferralInView() throws {
        let (_, saved) = try HistoryTests.home()
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "Abe"], environment: saved).status == 0)
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "Zed", "--set", "red-flag-screen.saddle_numbness=true"], environment: saved).status == 0)
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "Zed", "--set", "squat-form.heels_lift=true"], environment: saved).status == 0)
        // Saved now, the latest check-in carries the referral (as a same-day one).
        let carried = try CLI.run(["history", "people"], environment: saved).stdout.split(separator: "\n")
        #expect(carried[1].hasPrefix("Zed     same-day") && carried[1].hasSuffix("clinician first"), "\(carried)")
        // Kept by an earlier version, the latest is clean and the earlier one must stay in view.
        let environment = try HistoryTests.withoutStandingReferrals(saved)
        let text = try CLI.run(["history", "people"], environment: environment).stdout
        let rows = text.split(separator: "\n")
        #expect(rows[1].hasPrefix("Zed     earlier") && rows[2].hasPrefix("Abe"), "\(text)")
        #expect(text.replacingOccurrences(of: "\n", with: " ").contains("earlier: a check-in before the latest had a referral (Zed: emergency on"), "\(text)")
        #expect(rows.allSatisfy { $0.count <= 80 }, "\(text)")
        let json = try CLI.run(["history", "people", "--format", "json"], environment: environment).stdout
        let people = try #require((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["people"] as? [[String: Any]])
        let zed = try #require(people.first { $0["person"] as? String == "Zed" })
        #expect((zed["earlier_referral"] as? [String: Any])?["urgency"] as? String == "emergency", "\(json)")
        #expect(people.first { $0["person"] as? String == "Abe" }?["earlier_referral"] is NSNull, "\(json)")
    }
}
