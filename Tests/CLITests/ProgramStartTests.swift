import Foundation
import Testing

/// `--start` in the past is allowed (a program already under way) but said, since every date
/// of the program and its retest then lies behind the person (a review found it silent).
@Suite struct ProgramStartTests {
    static let story = "Assessments/stories/sore-after-squats.answers.yaml"

    @Test("a start before today is noted on standard error; the report is still made")
    func aPastStartIsNoted() throws {
        let past = try CLI.run(["run", "--answers", Self.story, "--start", "2020-01-06", "--format", "json"])
        #expect(past.status == 0, "\(past.stderr)")
        #expect(past.stderr.contains("note: --start 2020-01-06 is before today"), "\(past.stderr)")
        #expect(past.stderr.contains("the program's days and its retest date are in the past"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(past.stdout.utf8)) as? [String: Any])
        #expect((report["program"] as? [String: Any])?["start"] as? String == "2020-01-06")

        let nextYear = Calendar(identifier: .gregorian).component(.year, from: Date()) + 1
        let future = try CLI.run(["run", "--answers", Self.story, "--start", "\(nextYear)-01-05", "--format", "json"])
        #expect(future.status == 0 && future.stderr.isEmpty, "\(future.stderr)")
    }

    @Test("a start more than 10 years ahead is refused: a typo, and past 9999 a calendar cannot be written")
    func aFarStartIsRefused() throws {
        let far = try CLI.run(["run", "--answers", Self.story, "--start", "9999-12-27", "--format", "ics"])
        #expect(far.status == 64, "\(far.stderr)")
        #expect(far.stderr.contains("--start 9999-12-27 is more than 10 years ahead"), "\(far.stderr)")
        #expect(far.stdout.isEmpty)
    }
}
