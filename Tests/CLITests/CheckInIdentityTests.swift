import Foundation
import Testing

/// What makes a check-in new: the person, the day and the results, not how the program lays
/// them out (a coach's review found `--weeks 2` and `--weeks 3` saved as two check-ins).
@Suite struct CheckInIdentityTests {
    @Test("the same results on the same day with another --weeks, --start or --days are one check-in")
    func anotherProgramLayoutIsNotANewCheckIn() throws {
        let (_, environment) = try HistoryTests.home()
        func save(_ extra: [String]) throws -> CLI.Result {
            try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "Gus", "--format", "json"] + extra, environment: environment)
        }
        #expect(try save(["--weeks", "2"]).stderr.contains("saved check-in 1 for Gus"))
        let again = try save(["--weeks", "3", "--days", "mon,thu"])
        #expect(again.status == 0 && again.stderr.contains("already saved as check-in 1 for Gus"), "\(again.stderr)")
        // Other results are a check-in of their own.
        let other = try save(["--set", "core-endurance-mcgill.extensor_hold=40"])
        #expect(other.stderr.contains("saved check-in 2 for Gus"), "\(other.stderr)")
    }
}
