import Foundation
import Testing

/// `history forget` and `history delete` leave nothing of a person in the store: found by a
/// privacy review, through the binary.
@Suite struct ForgetTests {
    /// Every file of the store folder that still holds `text`.
    static func files(in folder: URL, holding text: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { name in
            let bytes = try Data(contentsOf: folder.appendingPathComponent(name))
            return bytes.range(of: Data(text.utf8)) != nil
        }
    }

    /// The number of rows of the store's `checked` table.
    static func checkRecords(in folder: URL) throws -> String {
        let counted = try CLI.tool("python3", ["-c", """
            import sqlite3, sys
            print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM checked").fetchone()[0])
            """, folder.appendingPathComponent("history.sqlite").path])
        #expect(counted.status == 0, "\(counted.stderr)")
        return counted.stdout
    }

    @Test("deleting a person's last check-in deletes the record of their clinician check, which names them")
    func deletingTheLastCheckInDeletesTheCheckRecord() throws {
        let (folder, environment) = try HistoryTests.home()
        let saved = try CLI.run(
            ["run", "--answers", "Assessments/stories/deadlift-lockout-pain.answers.yaml", "--save", "--person", "Ingeborg"], environment: environment)
        #expect(saved.status == 0, "\(saved.stderr)")
        #expect(try CLI.run(["history", "checked", "Ingeborg"], environment: environment).status == 0)
        #expect(try Self.checkRecords(in: folder) == "1\n")
        let deleted = try CLI.run(["history", "delete", "1", "--yes"], environment: environment)
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(try Self.checkRecords(in: folder) == "0\n")
        #expect(try Self.files(in: folder, holding: "Ingeborg").isEmpty)
    }

    @Test("forget deletes a record of a check left without check-ins by an earlier version, and succeeds")
    func forgetDeletesALeftOverCheckRecord() throws {
        let (folder, environment) = try HistoryTests.home()
        #expect(try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "Keep"], environment: environment).status == 0)
        let planted = try CLI.tool("python3", ["-c", """
            import sqlite3, sys
            db = sqlite3.connect(sys.argv[1])
            db.execute("INSERT INTO checked (person, checkedAt, throughCheckIn) VALUES ('Ingeborg', '2026-11-01T09:00:00Z', 7)")
            db.commit()
            """, folder.appendingPathComponent("history.sqlite").path])
        #expect(planted.status == 0, "\(planted.stderr)")
        let forgot = try CLI.run(["history", "forget", "Ingeborg", "--yes"], environment: environment)
        #expect(forgot.status == 0, "\(forgot.stderr)")
        #expect(forgot.stdout.contains("forgot Ingeborg: 0 check-ins deleted, the record of their clinician check deleted"), "\(forgot.stdout)")
        #expect(try Self.checkRecords(in: folder) == "0\n")
        #expect(try Self.files(in: folder, holding: "Ingeborg").isEmpty)
        // Someone the store never held is still an error.
        #expect(try CLI.run(["history", "forget", "Ingeborg", "--yes"], environment: environment).status == 1)
    }

    @Test("forget finds check-ins saved under a client code whose answers name the person, and says so")
    func forgetFindsCheckInsSavedUnderAnotherName() throws {
        let (folder, environment) = try HistoryTests.home()
        for (story, person) in [("new-back-pain-at-58", "Client 7"), ("new-back-pain-at-58", "Alan"), ("weak-core", "Client 8")] {
            let saved = try CLI.run(["run", "--answers", "Assessments/stories/\(story).answers.yaml", "--save", "--person", person], environment: environment)
            #expect(saved.status == 0, "\(saved.stderr)")
        }
        // Typed with a stray space, and shown back as the store keeps the name.
        let forgot = try CLI.run(["history", "forget", "Alan ", "--yes"], environment: environment)
        #expect(forgot.status == 0, "\(forgot.stderr)")
        #expect(
            forgot.stdout.contains("forgot Alan: 2 check-ins deleted (with those saved under 'Client 7' whose answers name them)"),
            "\(forgot.stdout)")
        #expect(try Self.files(in: folder, holding: "Alan").isEmpty)
        let people = try CLI.run(["history", "people"], environment: environment).stdout
        #expect(people.contains("Client 8") && !people.contains("Client 7"), "\(people)")
    }

    @Test("forget names the check-ins under other names before asking, finds a name with a stray tab or invisible character, and points out one in other capitals")
    func forgetSaysWhatItTakesAndWhatItLeaves() throws {
        let (folder, environment) = try HistoryTests.home()
        let story = try String(contentsOf: CLI.root.appendingPathComponent("Assessments/stories/new-back-pain-at-58.answers.yaml"), encoding: .utf8)
        for (number, (named, person)) in [(#""alan""#, "Client 9"), (#""Alan\t""#, "Client 10"), (#""Al\u200Ban""#, "Client 11")].enumerated() {
            let answers = folder.deletingLastPathComponent().appendingPathComponent("a\(number).answers.yaml")
            try story.replacingOccurrences(of: "{name: Alan,", with: "{name: \(named),").write(to: answers, atomically: true, encoding: .utf8)
            let saved = try CLI.run(["run", "--answers", answers.path, "--save", "--person", person], environment: environment)
            #expect(saved.status == 0, "\(saved.stderr)")
        }
        let asked = try CLI.run(["history", "forget", "Alan"], environment: environment)
        #expect(asked.status == 1)
        #expect(
            asked.stderr.contains("forgetting 'Alan' deletes their check-ins for good, with check-in 2 saved under 'Client 10', check-in 3 saved under 'Client 11' (their answers name them); confirm at a terminal, or pass --yes. Nothing was deleted."),
            "\(asked.stderr)")
        let forgot = try CLI.run(["history", "forget", "Alan", "--yes"], environment: environment)
        #expect(forgot.stdout.contains("forgot Alan: 2 check-ins deleted (with those saved under 'Client 10', 'Client 11' whose answers name them)"), "\(forgot.stdout)")
        #expect(
            forgot.stderr.contains("note: check-in 1, saved under 'Client 9', names 'alan' and is kept (names must match exactly, capitals included); `backcheck history delete 1` deletes it"),
            "\(forgot.stderr)")
        let people = try CLI.run(["history", "people"], environment: environment).stdout
        #expect(people.contains("Client 9") && !people.contains("Client 10") && !people.contains("Client 11"), "\(people)")
    }

    @Test("forget where no history was ever kept says so and makes no store")
    func forgetWithoutAStoreMakesNone() throws {
        let (folder, environment) = try HistoryTests.home()
        let result = try CLI.run(["history", "forget", "Alan", "--yes"], environment: environment)
        #expect(result.status == 1 && !result.stderr.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("history.sqlite").path))
    }
}
