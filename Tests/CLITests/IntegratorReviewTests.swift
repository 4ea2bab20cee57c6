import Foundation
import Testing

/// What an app developer's review of the built binary found (2026-12-03): contract edges an
/// integrator meets, each checked through the binary.
@Suite struct IntegratorReviewTests {
    @Test("a fraction of a training day is refused where it is written, not rounded into the program")
    func aFractionOfADayIsRefused() throws {
        let story = try String(contentsOfFile: "Assessments/stories/sore-after-squats.answers.yaml", encoding: .utf8)
        let file = try CLI.temporaryFolder().appendingPathComponent("fraction.answers.yaml")
        try story.replacing("training_days_per_week: 4", with: "training_days_per_week: 3.5").write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run(["run", "--answers", file.path, "--format", "json"])
        #expect(run.status == 1 && run.stdout.isEmpty)
        #expect(run.stderr.contains("fraction.answers.yaml:") && run.stderr.contains("error: give a whole number of days, 0 to 7"), "\(run.stderr)")
        #expect(try CLI.run(["schema", "answers"]).stdout.contains(#""description": "Days a week, a whole number""#))
    }

    @Test("an unnamed report's calendar keeps its UIDs when made again at another time, so importing it again updates it")
    func anUnnamedCalendarIsStableOverTime() throws {
        let story = try String(contentsOfFile: "Assessments/stories/sore-after-squats.answers.yaml", encoding: .utf8)
        let folder = try CLI.temporaryFolder()
        let answers = folder.appendingPathComponent("unnamed.answers.yaml")
        try story.replacing(/name: [^,}\n]*,? ?/, with: "").write(to: answers, atomically: true, encoding: .utf8)
        let json = try CLI.run(["run", "--answers", answers.path, "--format", "json", "--start", "2027-03-01"])
        #expect(json.status == 0, "\(json.stderr)")
        var uids: [Set<String>] = []
        for time in ["2027-02-20T08:00:00Z", "2027-02-21T19:30:00Z"] {
            let report = folder.appendingPathComponent("report-\(time.prefix(10)).json")
            try json.stdout.replacing(/"generated_at": "[^"]*"/, with: "\"generated_at\": \"\(time)\"").write(to: report, atomically: true, encoding: .utf8)
            let ics = try CLI.run(["report", report.path, "--format", "ics"])
            #expect(ics.status == 0, "\(ics.stderr)")
            uids.append(Set(ics.stdout.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") }))
        }
        #expect(uids[0].count > 10 && uids[0] == uids[1])
    }

    @Test("a batch line's stray byte is named plainly, and no schema description ends '?.'")
    func messagesReadPlainly() throws {
        let batch = try CLI.run(["batch"], input: "{\"id\": 1, \"answers\": {}}\u{7F}\n")
        #expect(batch.stdout.contains("unexpected character U+007F after the JSON value"), "\(batch.stdout)")
        #expect(!batch.stdout.contains("unexpected the "), "\(batch.stdout)")
        #expect(!(try CLI.run(["schema", "answers"]).stdout.contains("?.")))
    }

    @Test("an unknown assessment named on the command line is a usage error (64) with answers as without")
    func anUnknownIdIsAUsageError() throws {
        let run = try CLI.run(["run", "squat-frm", "--answers", "Assessments/stories/all-clear.answers.yaml"])
        #expect(run.status == 64, "\(run.stderr)")
        #expect(run.stderr.contains("unknown assessment 'squat-frm'; did you mean 'squat-form'?"), "\(run.stderr)")
    }
}
