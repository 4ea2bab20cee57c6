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

        let future = try CLI.run(["run", "--answers", Self.story, "--start", "2099-01-05", "--format", "json"])
        #expect(future.status == 0 && future.stderr.isEmpty, "\(future.stderr)")
    }
}
