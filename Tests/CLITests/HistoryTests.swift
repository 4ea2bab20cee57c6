import Foundation
import Testing

/// Check-ins over time, through the binary, each test with its own store (`BACKCHECK_HOME`).
@Suite struct HistoryTests {
    static let story = "Assessments/stories/weak-core.answers.yaml"

    /// A fresh store folder and the environment that points at it.
    static func home() throws -> (folder: URL, environment: [String: String]) {
        let folder = try CLI.temporaryFolder().appendingPathComponent("store")
        return (folder, ["BACKCHECK_HOME": folder.path])
    }

    /// A new home holding the history of `environment`'s home as BackCheck kept it before a
    /// referral stood in later check-ins (see `Referral.standing`): exported, each carried
    /// referral taken out, and imported. Such stores exist (saved by earlier versions, or
    /// imported from them), and every view must still show their earlier referrals.
    static func withoutStandingReferrals(_ environment: [String: String]) throws -> [String: String] {
        let exported = try CLI.run(["history", "export"], environment: environment)
        #expect(exported.status == 0, "\(exported.stderr)")
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("old.jsonl")
        try exported.stdout.write(to: file, atomically: true, encoding: .utf8)
        let stripped = try CLI.tool("python3", ["-c", """
        import json, sys
        lines = [json.loads(line) for line in open(sys.argv[1])]
        for line in lines:
            referral = line["report"]["referral"]
            if referral is not None and "standing_from" in referral:
                line["report"]["referral"] = None
        open(sys.argv[1], "w").write("".join(json.dumps(line) + "\\n" for line in lines))
        """, file.path])
        #expect(stripped.status == 0, "\(stripped.stderr)")
        let old = ["BACKCHECK_HOME": folder.appendingPathComponent("store").path]
        let imported = try CLI.run(["history", "import", file.path], environment: old)
        #expect(imported.status == 0, "\(imported.stderr)")
        return old
    }

    @Test func namesAreOnePersonHoweverTypedAndControlCharactersAreRefused() throws {
        let (_, environment) = try Self.home()
        func save(_ name: String, _ extensor: Int) throws -> CLI.Result {
            try CLI.run(["run", "--answers", Self.story, "--save", "--person", name, "--set", "core-endurance-mcgill.extensor_hold=\(extensor)"],
                        environment: environment)
        }
        // "Zoë" composed and decomposed, and "Ann" with a trailing space: one person each.
        #expect(try save("Zo\u{00EB}", 50).status == 0)
        #expect(try save("Zoe\u{0308}", 60).status == 0)
        #expect(try save("Ann ", 50).status == 0)
        #expect(try save("Ann", 60).status == 0)
        let people = try CLI.run(["history", "people", "--format", "json"], environment: environment).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(people.utf8)) as? [String: Any])
        let rows = try #require(object["people"] as? [[String: Any]])
        #expect(Set(rows.compactMap { $0["person"] as? String }) == ["Zo\u{00EB}", "Ann"], "\(people)")
        #expect(rows.allSatisfy { $0["check_ins"] as? Int == 2 }, "\(people)")
        // Forgetting either spelling forgets the person.
        #expect(try CLI.run(["history", "forget", "Zoe\u{0308}", "--yes"], environment: environment).stdout.contains("2 check-ins deleted"))
        #expect(try CLI.run(["history", "list", "Zo\u{00EB}"], environment: environment).status != 0)
        // A name that would drive the terminal is refused, shown harmlessly.
        let hostile = try save("Eve\u{1B}]0;pwned\u{07}", 50)
        #expect(hostile.status == 1)
        #expect(hostile.stderr.contains("'Eve␛]0;pwned␇' cannot be a person's name"), "\(hostile.stderr)")
        #expect(!hostile.stderr.unicodeScalars.contains { $0.value == 0x1B })
        let blank = try save("   ", 50)
        #expect(blank.status == 64 && blank.stderr.contains("--person is empty"), "\(blank.stderr)")
        // Runs of spaces count once, and the name is echoed as it is kept (found by a review).
        #expect(try save("Anne Marie", 50).status == 0)
        let spaced = try save("  Anne \u{00A0} Marie ", 60)
        #expect(spaced.stderr.contains("saved check-in 6 for Anne Marie in"), "\(spaced.stderr)")
        #expect(try CLI.run(["history", "list", "Anne  Marie"], environment: environment).stdout.split(separator: "\n").count == 3)
        // An emoji made of several joined by zero-width joiners is a name's picture, not a hidden
        // character; a joiner elsewhere still is one (a review found the family emoji refused).
        #expect(try save("Sam \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}", 50).status == 0)
        #expect(try save("Sam\u{200D}x", 50).status == 1)
        // Bytes that were not UTF-8 arrive as U+FFFD: two such names would be one person.
        let garbled = try save("Jo\u{FFFD}\u{FFFD}", 50)
        #expect(garbled.status == 1 && garbled.stderr.contains("it is not valid UTF-8 text"), "\(garbled.stderr)")
    }

    /// Found by a review: a name could reverse the text after it in `history people`, or be
    /// a pasted 100 000 characters that widened every row of it.
    @Test("a name with a text-direction control or over 100 characters is refused before anything is written")
    func disguisingOrFloodingNamesAreRefusedBeforeWriting() throws {
        let (folder, environment) = try Self.home()
        let report = try CLI.temporaryFolder().appendingPathComponent("report.txt").path
        for (name, reason) in [("RTL\u{202E}evil", "text-direction or invisible characters"), ("Eve\u{200B}x", "'Eve<U+200B>x' cannot be"),
                               ("Eve\u{FEFF}x", "invisible characters"), (String(repeating: "L", count: 101), "longer than 100 characters")] {
            let result = try CLI.run(["run", "--answers", Self.story, "--save", "--person", name, "--output", report], environment: environment)
            #expect(result.status == 1)
            #expect(result.stderr.contains(reason) && result.stderr.contains("nothing was written"), "\(result.stderr)")
            #expect(result.stderr.count < 400, "the name is cut short in the message")
            #expect(!result.stderr.unicodeScalars.contains { $0.value == 0x202E })
            #expect(!FileManager.default.fileExists(atPath: report), "no report without its check-in")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("history.sqlite").path))
        #expect(try CLI.run(["run", "--answers", Self.story, "--save", "--person", String(repeating: "L", count: 100)], environment: environment).status == 0)
    }

    /// Found by a review: the same results on another day were taken for a duplicate, so a
    /// return to an earlier value was dropped and the history showed the opposite trend.
    @Test("the same results on another day are a check-in of their own; on the same day, one")
    func theSameResultsOnAnotherDayAreANewCheckIn() throws {
        let (folder, environment) = try Self.home()
        // The report's own text with only the time changed (re-encoding it would reorder its keys).
        let reports = try [50, 80].map { extensor in
            try CLI.run(["run", "--answers", Self.story, "--format", "json", "--start", "2026-12-07", "--set", "core-endurance-mcgill.extensor_hold=\(extensor)"]).stdout
        }
        let lines = [("2026-09-01T09:00:00Z", 0), ("2026-10-01T09:00:00Z", 1), ("2026-11-01T09:00:00Z", 0), ("2026-11-01T18:00:00Z", 0)].map { time, index in
            let report = reports[index].replacingOccurrences(of: #""generated_at": "[^"]*""#, with: "\"generated_at\": \"\(time)\"", options: .regularExpression)
            #expect(report.contains(time))
            return #"{"schema": "backcheck.checkin/1", "id": 0, "person": "Ana", "report": "# + report.replacingOccurrences(of: "\n", with: "") + "}"
        }
        let file = folder.deletingLastPathComponent().appendingPathComponent("ana.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["history", "import", file.path], environment: environment)
        #expect(imported.stdout.contains("imported 3 check-ins; 1 already saved"), "\(imported.stdout)\(imported.stderr)")
        let trend = try CLI.run(["history", "trend", "Ana", "core-endurance-mcgill.extensor_hold"], environment: environment)
        #expect(trend.stdout.contains("50 → 80 → 50 s (0)"), "\(trend.stdout)")
    }

    /// Found by a review: a trend showed only steady gains while the latest check-in was an
    /// emergency, and `compare --since` skipped an emergency in between without a word.
    @Test("trends lead with the latest referral and name earlier ones; compare --since names a referral between")
    func referralsAreNeverHiddenByATrendOrASkippedCheckIn() throws {
        let (folder, environment) = try Self.home()
        func line(_ time: String, _ sets: [String]) throws -> String {
            let report = try CLI.run(["run", "--answers", Self.story, "--format", "json", "--start", "2026-12-07"] + sets.flatMap { ["--set", $0] }).stdout
                .replacingOccurrences(of: #""generated_at": "[^"]*""#, with: "\"generated_at\": \"\(time)\"", options: .regularExpression)
            return #"{"schema": "backcheck.checkin/1", "id": 0, "person": "Marcus", "report": "# + report.replacingOccurrences(of: "\n", with: "") + "}"
        }
        let emergency = ["red-flag-screen.saddle_numbness=true"]
        let lines = try [line("2026-09-01T09:00:00Z", []), line("2026-10-01T09:00:00Z", emergency), line("2026-11-01T09:00:00Z", ["core-endurance-mcgill.extensor_hold=90"])]
        let file = folder.deletingLastPathComponent().appendingPathComponent("marcus.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["history", "import", file.path], environment: environment).status == 0)
        let compare = try CLI.run(["history", "compare", "Marcus", "--since", "2026-09-01"], environment: environment).stdout
        #expect(compare.replacingOccurrences(of: "\n", with: " ").contains("Between these check-ins, on 2026-10-01, a check-in had a referral (emergency:"), "\(compare)")
        let json = try CLI.run(["history", "compare", "Marcus", "--since", "2026-09-01", "--format", "json"], environment: environment).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["referrals_between"] as? [[String: Any]])?.first?["generated_at"] as? String == "2026-10-01T09:00:00Z")
        // The ids say which check-ins these are (check-ins saved in one second share a time).
        #expect(object["earlier_check_in"] as? Int == 1 && object["later_check_in"] as? Int == 3, "\(json)")
        #expect((object["referrals_between"] as? [[String: Any]])?.first?["check_in"] as? Int == 2)
        let trend = try CLI.run(["history", "trend", "Marcus"], environment: environment).stdout
        #expect(trend.contains("Earlier check-ins with a referral: #2 2026-10-01 (emergency)"), "\(trend)")
        // The latest check-in an emergency: the trend leads with its box.
        try (try line("2026-11-20T09:00:00Z", emergency) + "\n").write(to: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["history", "import", file.path], environment: environment).status == 0)
        let latest = try CLI.run(["history", "trend", "Marcus"], environment: environment).stdout
        #expect(latest.contains("The latest check-in (#4, 2026-11-20) has a referral:\n┌"), "\(latest)")
        #expect(latest.contains("EMERGENCY: CALL AN AMBULANCE"))
        let trendJSON = try CLI.run(["history", "trend", "Marcus", "--format", "json"], environment: environment).stdout
        let referrals = try #require((try JSONSerialization.jsonObject(with: Data(trendJSON.utf8)) as? [String: Any])?["referrals"] as? [[String: Any]])
        #expect(referrals.map { $0["urgency"] as? String } == ["emergency", "emergency"])
        let html = folder.deletingLastPathComponent().appendingPathComponent("trend.html").path
        #expect(try CLI.run(["history", "trend", "Marcus", "--format", "html", "--output", html], environment: environment).status == 0)
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("class=\"referral urgency-emergency\""))
    }

    /// Found by a review: a report saved under the wrong name went in without a word, and the
    /// only way out was to forget the whole person.
    @Test("a check-in that does not fit the person is noted at saving, and `history delete ID` removes just it")
    func aWrongCheckInIsNotedAndCanBeDeletedAlone() throws {
        let (_, environment) = try Self.home()
        #expect(try CLI.run(["run", "--answers", Self.story, "--save", "--person", "Sam"], environment: environment).status == 0)
        let other = try CLI.run(["run", "--answers", "Assessments/stories/new-back-pain-at-58.answers.yaml", "--save", "--person", "Sam"], environment: environment)
        #expect(other.status == 0)
        #expect(other.stderr.contains("note: the answers name 'Alan', and the check-in was saved under 'Sam' as asked"), "\(other.stderr)")
        #expect(other.stderr.contains("remove it with `backcheck history delete 2`"), "\(other.stderr)")
        let refused = try CLI.run(["history", "delete", "2"], environment: environment)
        #expect(refused.status == 1 && refused.stderr.contains("confirm at a terminal, or pass --yes. Nothing was deleted."), "\(refused.stderr)")
        let deleted = try CLI.run(["history", "delete", "2", "--yes"], environment: environment)
        #expect(deleted.status == 0 && deleted.stdout.contains("deleted check-in 2 of 'Sam'"), "\(deleted.stdout)\(deleted.stderr)")
        let list = try CLI.run(["history", "list", "Sam", "--format", "json"], environment: environment).stdout
        #expect(list.contains("\"id\": 1") && !list.contains("\"id\": 2"), "\(list)")
        #expect(try CLI.run(["history", "delete", "2", "--yes"], environment: environment).stderr.contains("no check-in has the id 2"))
        // Nothing of it left in the file or its log: the deleted report alone named "Alan".
        let store = try #require(environment["BACKCHECK_HOME"])
        for suffix in ["", "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: store + "/history.sqlite" + suffix))) ?? Data()
            #expect(bytes.range(of: Data("\"Alan\"".utf8)) == nil, "history.sqlite\(suffix) still holds the deleted report")
        }
    }

    /// Found by a review: a bad name on line 3 stopped the import after lines 1 and 2 were saved.
    @Test func anImportWithABadNameSavesNothing() throws {
        let (folder, environment) = try Self.home()
        let lines = try [("Marcus", "2026-09-01T09:00:00Z"), ("Marcus", "2026-10-01T09:00:00Z"), ("Zed\u{07}", "2026-11-01T09:00:00Z")]
            .map { try Self.exportLine(person: $0.0, time: $0.1, extensor: 50) }
        let file = folder.deletingLastPathComponent().appendingPathComponent("bad.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["history", "import", file.path], environment: environment)
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 3 of the import is not a check-in: 'Zed␇' cannot be a person's name") && result.stderr.contains("nothing was imported"), "\(result.stderr)")
        // The file is read before the store is opened: a refused import into a new home leaves no store.
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("history.sqlite").path))
        #expect(try CLI.run(["history", "list", "Marcus"], environment: environment).status == 1, "no check-in of Marcus was saved")
    }

    /// Found by a review: a McGill battery stopped by pain (its times do not count) read as
    /// four weaknesses "resolved", and its voided times were plotted in the trend.
    @Test("a test whose measurements were voided is not compared or plotted: its findings are 'not comparable', not resolved")
    func aVoidedTestIsNotReadAsProgress() throws {
        let (_, environment) = try Self.home()
        #expect(try CLI.run(["run", "--answers", Self.story, "--save"], environment: environment).status == 0)
        let voided = try CLI.run(["run", "--answers", Self.story, "--save", "--set", "core-endurance-mcgill.flexor_hold=20",
                                  "--set", "core-endurance-mcgill.stopped_for_pain=true"], environment: environment)
        #expect(voided.status == 0, "\(voided.stderr)")
        let text = try CLI.run(["history", "compare", "Marcus"], environment: environment).stdout
        let mcgill = String(try #require(text.components(separatedBy: "McGill torso endurance battery").dropFirst().first))
            .components(separatedBy: "\n\n").first ?? ""
        #expect(!mcgill.contains("resolved:") && !mcgill.contains("45 s → 20 s"), "\(mcgill)")
        #expect(mcgill.contains("not comparable: Low trunk flexor endurance"), "\(mcgill)")
        #expect(mcgill.contains("new: Pain during an endurance hold"), "\(mcgill)")
        let json = try CLI.run(["history", "compare", "Marcus", "--format", "json"], environment: environment).stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let change = try #require((object["assessments"] as? [[String: Any]])?.first { $0["id"] as? String == "core-endurance-mcgill" })
        #expect(change["voided_in"] as? String == "later")
        #expect((change["resolved"] as? [Any])?.isEmpty == true && (change["inputs"] as? [Any])?.isEmpty == true)
        #expect((change["not_checked"] as? [[String: Any]])?.count == 4)
        let trend = try CLI.run(["history", "trend", "Marcus", "core-endurance-mcgill.flexor_hold"], environment: environment).stdout
        #expect(!trend.contains("20 s"), "a voided time is no trend point: \(trend)")
    }

    /// Found by a review: `run --save` wrote the report and the answers, then failed to open the
    /// store, so the files were on disk and the check-in was not.
    @Test func aStoreThatCannotBeOpenedStopsRunSaveBeforeItWritesAnything() throws {
        let folder = try CLI.temporaryFolder()
        let notAFolder = folder.appendingPathComponent("notadir")
        try "hi\n".write(to: notAFolder, atomically: true, encoding: .utf8)
        let report = folder.appendingPathComponent("report.txt").path
        let answers = folder.appendingPathComponent("answers.yaml").path
        let result = try CLI.run(
            ["run", "--answers", Self.story, "--save", "--output", report, "--save-answers", answers],
            environment: ["BACKCHECK_HOME": notAFolder.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot open the history store") && result.stderr.contains("nothing was written"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: report))
        #expect(!FileManager.default.fileExists(atPath: answers))
    }

    /// An export line for `person` whose report was made at `time` with `extensor` seconds.
    static func exportLine(person: String, time: String, extensor: Int) throws -> String {
        let result = try CLI.run(["run", "--answers", story, "--format", "json", "--start", "2026-12-07", "--set", "core-endurance-mcgill.extensor_hold=\(extensor)"])
        var report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        report["generated_at"] = time
        let line: [String: Any] = ["schema": "backcheck.checkin/1", "id": 0, "person": person, "report": report]
        return String(decoding: try JSONSerialization.data(withJSONObject: line), as: UTF8.self)
    }

    @Test("a trend says when the latest check-in got worse beyond measurement error, though first to latest is within it")
    func aRecentWorseningIsNotHiddenByTheWholeCourse() throws {
        let (_, environment) = try Self.home()
        for left in [40, 100, 65] {
            let saved = try CLI.run(
                ["run", "--answers", Self.story, "--save", "--person", "Ines", "--set", "core-endurance-mcgill.side_bridge.left=\(left)"],
                environment: environment)
            #expect(saved.status == 0, "\(saved.stderr)")
        }
        let trend = try CLI.run(["history", "trend", "Ines", "core-endurance-mcgill.side_bridge.left"], environment: environment)
        let text = trend.stdout.replacingOccurrences(of: "\n      ", with: " ")
        #expect(text.contains("40 → 100 → 65 s (+25, within the test's measurement error of 30 s)"), "\(trend.stdout)")
        #expect(text.contains("latest step: 100 → 65 s (-35, more than the test's measurement error of 30 s: a real change for the worse)"), "\(trend.stdout)")
        #expect(trend.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(trend.stdout)")
        let json = try CLI.run(["history", "trend", "Ines", "core-endurance-mcgill.side_bridge.left", "--format", "json"], environment: environment)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let series = try #require((object["series"] as? [[String: Any]])?.first)
        #expect(series["verdict"] as? String == "within-measurement-error")
        #expect(series["latest_change"] as? Double == -35)
        #expect(series["latest_verdict"] as? String == "worse")
        let page = URL(fileURLWithPath: try #require(environment["BACKCHECK_HOME"])).appendingPathComponent("ines.html")
        #expect(try CLI.run(["history", "trend", "Ines", "-o", page.path], environment: environment).status == 0)
        #expect(try String(contentsOf: page, encoding: .utf8).contains("Latest step: 100 → 65 s (-35, more than the test&#39;s measurement error of 30 s"))
        // Where the latest step says nothing the course does not, no line is added.
        let right = try CLI.run(["history", "trend", "Ines", "core-endurance-mcgill.side_bridge.right"], environment: environment)
        #expect(!right.stdout.contains("latest step"), "\(right.stdout)")
    }

    @Test func fourCheckInsOverThreeMonthsShowATrendAndAComparison() throws {
        let (folder, environment) = try Self.home()
        let lines = try [("2026-09-01T09:00:00Z", 50), ("2026-10-01T09:00:00Z", 62), ("2026-11-01T09:00:00Z", 80), ("2026-12-01T09:00:00Z", 95)]
            .map { try Self.exportLine(person: "Marcus", time: $0.0, extensor: $0.1) }
        let file = folder.deletingLastPathComponent().appendingPathComponent("marcus.jsonl")
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let imported = try CLI.run(["history", "import", file.path], environment: environment)
        #expect(imported.stdout.contains("imported 4 check-ins; 0 already saved"), "\(imported.stderr)")
        #expect(try CLI.run(["history", "import", file.path], environment: environment).stdout.contains("imported 0 check-ins; 4 already saved"))

        let people = try CLI.run(["history", "people"], environment: environment)
        #expect(people.stdout.contains("Marcus  none      4"), "\(people.stdout)")
        #expect(people.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(people.stdout)")
        #expect(people.stdout.contains("2027-01-04"), "\(people.stdout)")   // the latest program's closing retest
        let trend = try CLI.run(["history", "trend", "Marcus", "core-endurance-mcgill.extensor_hold"], environment: environment)
        // A review found the trend gave no direction: a longer hold is better, so a gain is an improvement.
        #expect(trend.stdout.replacingOccurrences(of: "\n      ", with: " ").replacingOccurrences(of: "  ", with: " ")
            .contains("core-endurance-mcgill.extensor_hold: ▁▃▆█ 50 → 62 → 80 → 95 s (+45, improved; now clear of the values that raise a finding, though no measurement error is known for it, so a small change may be noise)"), "\(trend.stdout)")
        let sides = try CLI.run(["history", "trend", "Marcus", "core-endurance-mcgill.side_bridge"], environment: environment)
        #expect(sides.stdout.replacingOccurrences(of: "\n      ", with: " ").replacingOccurrences(of: "  ", with: " ")
            .contains("(left): ▄▄▄▄ 28 → 28 → 28 → 28 s (0, within the test's measurement error of 30 s)"), "\(sides.stdout)")
        #expect(sides.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(sides.stdout)")
        // A side narrows it as --set writes one; the output file's extension picks the format.
        let left = try CLI.run(["history", "trend", "Marcus", "core-endurance-mcgill.side_bridge.left"], environment: environment)
        #expect(left.stdout.contains("side_bridge (left)") && !left.stdout.contains("(right)"), "\(left.stdout)")
        #expect(try CLI.run(["history", "trend", "Marcus", "core-endurance-mcgill.side_bridge.up"], environment: environment).status == 64)
        let page = folder.deletingLastPathComponent().appendingPathComponent("trend.html")
        #expect(try CLI.run(["history", "trend", "Marcus", "-o", page.path], environment: environment).status == 0)
        #expect(try String(contentsOf: page, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let json = try CLI.run(["history", "trend", "Marcus", "--format", "json"], environment: environment)
        let trendObject = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(trendObject["schema"] as? String == "backcheck.trend/1")
        #expect((trendObject["series"] as? [[String: Any]])?.count == 4)
        // Numbers as the report writes them: whole ones without ".0", at most 2 decimals.
        #expect(json.stdout.contains("\"change\": 45") && json.stdout.contains("\"value\": 50"), "\(json.stdout.prefix(600))")
        let extensor = try #require((trendObject["series"] as? [[String: Any]])?.first { $0["input"] as? String == "extensor_hold" })
        #expect(extensor["lower_is_better"] as? Bool == false && extensor["verdict"] as? String == "improved", "\(extensor)")
        #expect(!json.stdout.contains(".0,") && !json.stdout.contains(".0\n"), "\(json.stdout.prefix(600))")

        let compare = try CLI.run(["history", "compare", "Marcus"], environment: environment)
        #expect(compare.stdout.contains("80 s → 95 s (+15)"), "\(compare.stdout)")
        // The extensor hold has no known measurement error: its verdict says a small change may be
        // noise, even as it leaves the values that raise a finding.
        #expect(compare.stdout.replacingOccurrences(of: "\n    ", with: " ").contains("(+15), improved (now clear of the values that raise a finding, though no measurement error is known for it, so a small change may be noise)"), "\(compare.stdout)")
        let since = try CLI.run(["history", "compare", "Marcus", "--since", "2026-09-01", "--format", "json"], environment: environment)
        #expect(since.stdout.contains("\"schema\": \"backcheck.comparison/1\""))
        #expect(since.stdout.contains("2026-09-01T09:00:00Z"))
        let html = try CLI.run(["history", "compare", "Marcus", "--format", "html"], environment: environment)
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        let list = try CLI.run(["history", "list", "Marcus", "--format", "json"], environment: environment)
        #expect(list.stdout.contains("\"generated_at\": \"2026-10-01T09:00:00Z\""))
        let shown = try CLI.run(["history", "show", "2", "--format", "json"], environment: environment)
        #expect(shown.stdout.contains("\"extensor_hold\": 62"))
    }

    @Test func runSaveStoresOneCheckInPerDistinctReportWithOwnerOnlyFiles() throws {
        let (folder, environment) = try Self.home()
        let first = try CLI.run(["run", "--answers", Self.story, "--save"], environment: environment)
        #expect(first.stderr.contains("saved check-in 1 for Marcus"), "\(first.stderr)")
        let again = try CLI.run(["run", "--answers", Self.story, "--save"], environment: environment)
        #expect(again.stderr.contains("already saved as check-in 1"))
        let other = try CLI.run(["run", "--answers", Self.story, "--save", "--person", "Coach's client"], environment: environment)
        #expect(other.stderr.contains("saved check-in 2 for Coach's client"))
        let guided = try CLI.run(["run", "--save"], environment: environment)
        #expect(guided.status != 0)
        #expect(guided.stderr.contains("--save in a guided run needs to know whose check-in it is: add --person NAME."))
        let nameless = try CLI.run(["run", "--answers", "Assessments/stories/all-clear.answers.yaml", "--save"], environment: environment)
        if !nameless.stderr.contains("saved check-in") {
            #expect(nameless.status == 1)
            #expect(nameless.stderr.contains("--save needs to know whose check-in it is"))
        }
        let modes = try [folder.path, folder.appendingPathComponent("history.sqlite").path].map {
            (try FileManager.default.attributesOfItem(atPath: $0)[.posixPermissions] as? Int) ?? 0
        }
        #expect(modes == [0o700, 0o600])
    }

    @Test("names that differ only in capitals are different people, and every command that meets one says so")
    func namesDifferingInCapitalsAreFlagged() throws {
        let (_, environment) = try Self.home()
        #expect(try CLI.run(["run", "--answers", Self.story, "--save", "--person", "Anna"], environment: environment).stderr.contains("saved check-in 1"))
        let second = try CLI.run(["run", "--answers", Self.story, "--save", "--person", "anna"], environment: environment)
        #expect(second.stderr.contains("note: 'Anna' is saved too, as a different person"), "\(second.stderr)")
        let list = try CLI.run(["history", "list", "ANNA"], environment: environment)
        #expect(list.status == 1 && list.stderr.contains("did you mean 'Anna' or 'anna'?"), "\(list.stderr)")
        // Forgetting one spelling says the other is still kept, not that every trace is gone.
        let forgot = try CLI.run(["history", "forget", "anna", "--yes"], environment: environment)
        #expect(forgot.status == 0)
        #expect(forgot.stderr.contains("note: 'Anna' is kept as another person (names must match exactly, capitals included); `backcheck history forget 'Anna'` forgets those check-ins too"),
                "\(forgot.stderr)")
        let after = try CLI.run(["history", "forget", "anna", "--yes"], environment: environment)
        #expect(after.status == 1 && after.stderr.contains("did you mean 'Anna'?"), "\(after.stderr)")
    }

    @Test func compareOffersOnlyTheFormatsAComparisonHas() throws {
        let help = try CLI.run(["history", "compare", "--help"])
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("(values: text, json, markdown, html; default: text)") && !words.contains("ics"), "\(words)")
        let (_, environment) = try Self.home()
        let calendar = try CLI.run(["history", "compare", "Marcus", "--format", "ics"], environment: environment)
        #expect(calendar.status != 0 && calendar.stderr.contains("'ics'"), "\(calendar.stderr)")
    }

    @Test("a store made readable by others (a copy, a chmod) is owner-only again when next opened, and the person is told")
    func aLooseStoreIsTightenedOnOpen() throws {
        let (folder, environment) = try Self.home()
        #expect(try CLI.run(["run", "--answers", Self.story, "--save"], environment: environment).status == 0)
        let store = folder.appendingPathComponent("history.sqlite").path
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: store)
        let list = try CLI.run(["history", "people"], environment: environment)
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stderr.contains("could be read by other users; it is readable only by you again (mode 0600)"), "\(list.stderr)")
        #expect((try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? Int) == 0o600)
        // Once tightened, nothing more is said.
        #expect(try CLI.run(["history", "people"], environment: environment).stderr.isEmpty)
    }

    @Test func twoProcessesSavingAtOnceLoseNothing() throws {
        let (folder, environment) = try Self.home()
        let binary = try #require(CLI.binary)
        // Two writers, ten saves each, racing from the very first open of a new store.
        let script = """
            for i in 1 2 3 4 5 6 7 8 9 10; do
              "$0" run --answers \(Self.story) --save --person "$1" --set core-endurance-mcgill.extensor_hold=$((50 + i)) > /dev/null || exit 1
            done
            """
        let a = Process(), b = Process()
        for (process, person) in [(a, "Ann"), (b, "Bo")] {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script, binary, person]
            process.currentDirectoryURL = CLI.root
            var env = ProcessInfo.processInfo.environment
            env["BACKCHECK_HOME"] = environment["BACKCHECK_HOME"]
            process.environment = env
            let errors = Pipe()
            process.standardError = errors
            try process.run()
        }
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let people = try CLI.run(["history", "people", "--format", "json"], environment: environment)
        #expect(people.stdout.contains("\"person\": \"Ann\",\n      \"latest_referral\": null,\n      \"earlier_referral\": null,\n      \"latest_screening\": \"complete\",\n      \"check_ins\": 10"), "\(people.stdout)")
        #expect(people.stdout.contains("\"person\": \"Bo\",\n      \"latest_referral\": null,\n      \"earlier_referral\": null,\n      \"latest_screening\": \"complete\",\n      \"check_ins\": 10"))
        #expect(!people.stderr.contains("locked"))
        _ = folder
    }

    @Test func aKilledSaveLeavesAStoreThatOpensWithWholeCheckIns() throws {
        let (folder, environment) = try Self.home()
        let binary = try #require(CLI.binary)
        #expect(try CLI.run(["run", "--answers", Self.story, "--save"], environment: environment).status == 0)
        // Killed at moments spread over the run, so some die before, some during, some after the save.
        for round in 0..<8 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["run", "--answers", Self.story, "--save", "--person", "K\(round)", "--output", folder.deletingLastPathComponent().appendingPathComponent("r\(round).txt").path]
            process.currentDirectoryURL = CLI.root
            var env = ProcessInfo.processInfo.environment
            env["BACKCHECK_HOME"] = environment["BACKCHECK_HOME"]
            process.environment = env
            process.standardError = FileHandle(forWritingAtPath: "/dev/null")
            try process.run()
            usleep(useconds_t(40_000 + round * 40_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        let check = try CLI.tool("python3", ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            print(db.execute("PRAGMA integrity_check").fetchone()[0])
            print(db.execute("SELECT COUNT(*) FROM checkIn c WHERE NOT EXISTS (SELECT 1 FROM measurement m WHERE m.checkIn = c.id)").fetchone()[0])
            """, folder.appendingPathComponent("history.sqlite").path])
        #expect(check.stdout == "ok\n0\n", "\(check.stdout)\(check.stderr)")
        #expect(try CLI.run(["history", "people"], environment: environment).status == 0)
    }

    @Test func aForeignOrNewerFileIsRefusedAndLeftUntouched() throws {
        let (folder, environment) = try Self.home()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("history.sqlite")
        try "my notes, not a database\n".write(to: file, atomically: true, encoding: .utf8)
        let text = try CLI.run(["history", "people"], environment: environment)
        #expect(text.status == 1)
        #expect(text.stderr.contains("\(file.path) is not a BackCheck history store (not an SQLite database); it was left untouched"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "my notes, not a database\n")
        // Untouched means its mode too (a review found it tightened to 0600).
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o644)
        try FileManager.default.removeItem(at: file)
        #expect(try CLI.run(["run", "--answers", Self.story, "--save"], environment: environment).status == 0)
        _ = try CLI.tool("python3", ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1]); db.execute("INSERT INTO grdb_migrations VALUES ('v9: from the future')"); db.commit()
            """, file.path])
        let newer = try CLI.run(["history", "people"], environment: environment)
        #expect(newer.status == 1)
        #expect(newer.stderr.contains("was written by a newer BackCheck"), "\(newer.stderr)")
    }

    @Test("a store cut short, or missing a table, is called damaged, left untouched, and the way to save what is left is named")
    func aDamagedStoreIsToldApartFromAForeignFile() throws {
        for damage in ["cut", "table"] {
            let (folder, environment) = try Self.home()
            #expect(try CLI.run(["run", "--answers", Self.story, "--save", "--person", "Ola"], environment: environment).status == 0)
            let file = folder.appendingPathComponent("history.sqlite")
            if damage == "cut" {
                let handle = try FileHandle(forWritingTo: file)
                try handle.truncate(atOffset: 20_000)
                try handle.close()
            } else {
                _ = try CLI.tool("python3", ["-c", """
                    import sqlite3, sys
                    db = sqlite3.connect(sys.argv[1]); db.execute("DROP TABLE measurement"); db.commit()
                    """, file.path])
            }
            let before = try Data(contentsOf: file)
            let people = try CLI.run(["history", "people"], environment: environment)
            #expect(people.status == 1)
            #expect(people.stderr.contains("\(file.path) is a damaged history store ("), "\(people.stderr)")
            #expect(people.stderr.contains(damage == "cut" ? "SQLite cannot read it" : "its table 'measurement' is missing"), "\(people.stderr)")
            #expect(people.stderr.contains(".recover"), "\(people.stderr)")
            #expect(try Data(contentsOf: file) == before)
        }
    }

    @Test("a home folder others can write in is pointed out, not changed (it may be shared on purpose)")
    func aFolderOthersCanWriteInIsPointedOut() throws {
        let (folder, environment) = try Self.home()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o777])
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        let people = try CLI.run(["history", "people"], environment: environment)
        #expect(people.status == 0)
        #expect(people.stderr.contains("note: other users can write in \(folder.path), and so delete or replace the history"), "\(people.stderr)")
        #expect(try FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions] as? Int == 0o777)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        #expect(try CLI.run(["history", "people"], environment: environment).stderr.isEmpty)
    }

    @Test("a saved report that cannot be read is named, with what to do, not called a line of an import")
    func anUnreadableCheckInIsNamed() throws {
        let (folder, environment) = try Self.home()
        #expect(try CLI.run(["run", "--answers", Self.story, "--save", "--person", "Uma"], environment: environment).status == 0)
        let broken = try CLI.tool("python3", ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1]); db.execute("UPDATE checkIn SET report = '{}'"); db.commit()
            """, folder.appendingPathComponent("history.sqlite").path])
        #expect(broken.status == 0, "\(broken.stderr)")
        for command in [["history", "list", "Uma"], ["history", "checked", "Uma"]] {
            let result = try CLI.run(command, environment: environment)
            #expect(result.status == 1, "\(command)")
            #expect(result.stderr.contains("check-in 1 holds a report this program cannot read") && result.stderr.contains("backcheck history delete 1"), "\(command): \(result.stderr)")
            #expect(!result.stderr.contains("import"), "\(command): \(result.stderr)")
        }
    }

    @Test("history checked ends the standing referrals so far, a later one stands again, and forget removes the record")
    func aCheckEndsTheReferralsSoFar() throws {
        let (folder, environment) = try Self.home()
        func save(_ story: String, _ sets: [String] = []) throws -> CLI.Result {
            try CLI.run(["run", "--answers", "Assessments/stories/\(story).answers.yaml", "--save", "--person", "Ida"] + sets.flatMap { ["--set", $0] },
                        environment: environment)
        }
        func people() throws -> [String: Any] {
            let json = try CLI.run(["history", "people", "--format", "json"], environment: environment).stdout
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            return try #require((object["people"] as? [[String: Any]])?.first)
        }
        #expect(try save("deadlift-lockout-pain").status == 0)
        #expect(try save("weak-core").stderr.contains("stands in this report too, until Ida has been checked"))
        #expect(try people()["referral_stands"] as? Bool == true)
        let checked = try CLI.run(["history", "checked", "Ida"], environment: environment)
        #expect(checked.status == 0 && checked.stdout.contains("recorded that Ida has been checked by a clinician"), "\(checked.stdout)\(checked.stderr)")
        #expect(checked.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
        let after = try people()
        #expect(after["referral_stands"] as? Bool == false && after["earlier_referral"] is NSNull && after["checked_at"] is String, "\(after)")
        // The latest check-in carried the referral, and shows it as checked.
        #expect(try CLI.run(["history", "people"], environment: environment).stdout.contains("Ida     checked  "))
        // Nothing stands: nothing is recorded; the next save names no earlier referral.
        #expect(try CLI.run(["history", "checked", "Ida"], environment: environment).stdout.contains("no referral stands for Ida; nothing was recorded"))
        #expect(!(try save("weak-core", ["core-endurance-mcgill.flexor_hold=60"]).stderr.contains("stands in this report")))
        // A later referral stands again.
        #expect(try save("deadlift-lockout-pain", ["painful-lifts.deadlift_pain=7"]).status == 0)
        #expect(try people()["referral_stands"] as? Bool == true)
        #expect(try CLI.run(["history", "checked", "Nobody"], environment: environment).status == 1)
        // forget leaves no record of the check either.
        #expect(try CLI.run(["history", "forget", "Ida", "--yes"], environment: environment).status == 0)
        let left = try CLI.tool("python3", ["-c", """
            import sqlite3, sys
            print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM checked").fetchone()[0])
            """, folder.appendingPathComponent("history.sqlite").path])
        #expect(left.stdout == "0\n", "\(left.stdout)\(left.stderr)")
    }

    @Test func forgetLeavesNoTraceAndNeedsConfirmation() throws {
        let (folder, environment) = try Self.home()
        let marker = "Zebulon-7f3a9c"
        #expect(try CLI.run(["run", "--answers", Self.story, "--save", "--person", marker], environment: environment).status == 0)
        #expect(try CLI.run(["run", "--answers", Self.story, "--save", "--person", "Keep"], environment: environment).status == 0)
        let refused = try CLI.run(["history", "forget", marker], environment: environment)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Nothing was deleted"))
        let forgot = try CLI.run(["history", "forget", marker, "--yes"], environment: environment)
        #expect(forgot.stdout.contains("forgot \(marker): 1 check-in deleted"), "\(forgot.stderr)")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(name) still holds the person")
        }
        // Their measured values went with their check-in (the store turns foreign keys on).
        let orphans = try CLI.tool("python3", ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            print(db.execute("SELECT COUNT(*) FROM measurement WHERE checkIn NOT IN (SELECT id FROM checkIn)").fetchone()[0])
            print(db.execute("SELECT COUNT(*) FROM measurement").fetchone()[0] > 0)
            """, folder.appendingPathComponent("history.sqlite").path])
        #expect(orphans.stdout == "0\nTrue\n", "\(orphans.stdout)\(orphans.stderr)")
        #expect(try CLI.run(["history", "people"], environment: environment).stdout.contains("Keep"))
    }

    @Test func batchSaveKeepsEachRecordUnderItsNameOrId() throws {
        let (_, environment) = try Self.home()
        let named = #"{"id": 1, "profile": {"name": "Ann"}, "answers": {"core-endurance-mcgill": {"flexor_hold": 45, "extensor_hold": 50, "side_bridge": {"left": 28, "right": 20}}}}"#
        let anonymous = #"{"id": "p-0042", "answers": {"core-endurance-mcgill": {"flexor_hold": 90, "extensor_hold": 95, "side_bridge": {"left": 60, "right": 62}}}}"#
        let result = try CLI.run(["batch", "--save"], input: named + "\n" + anonymous + "\n", environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        let people = try CLI.run(["history", "people", "--format", "json"], environment: environment)
        #expect(people.stdout.contains("\"person\": \"Ann\""))
        #expect(people.stdout.contains("\"person\": \"p-0042\""))
        #expect(result.stderr.hasSuffix("saved 2 check-ins\n"), "\(result.stderr)")
        let again = try CLI.run(["batch", "--save"], input: named + "\n", environment: environment)
        #expect(again.status == 0)
        #expect(again.stderr.hasSuffix("saved 0 check-ins; 1 was saved already (the same results on the same day)\n"), "\(again.stderr)")
        #expect(try CLI.run(["history", "list", "Ann", "--format", "json"], environment: environment).stdout.components(separatedBy: "\"id\":").count - 1 == 1)
    }
}

/// Screen columns of a line of the people table (CJK characters take two), for checking alignment.
enum ExportColumns {
    static func of(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { $0 + ((0x1100...0x115F).contains($1.value) || (0x2E80...0xA4CF).contains($1.value) || (0xAC00...0xD7A3).contains($1.value) || (0xF900...0xFAFF).contains($1.value) || (0xFF00...0xFF60).contains($1.value) ? 2 : 1) }
    }
}
