import Foundation
import Testing

/// What makes a check-in new: the person, the day and the results, not how the program lays
/// them out (a coach's review found `--weeks 2` and `--weeks 3` saved as two check-ins).
@Suite struct CheckInIdentityTests {
    @Test("the same results on the same day with another --weeks, --start, --days or --max-exercises, or listed in another order, are one check-in")
    func anotherProgramLayoutIsNotANewCheckIn() throws {
        let (_, environment) = try HistoryTests.home()
        func save(_ extra: [String]) throws -> CLI.Result {
            try CLI.run(["run", "--answers", HistoryTests.story, "--save", "--person", "Gus", "--format", "json"] + extra, environment: environment)
        }
        #expect(try save(["--weeks", "2"]).stderr.contains("saved check-in 1 for Gus"))
        let again = try save(["--weeks", "3", "--days", "mon,thu"])
        #expect(again.status == 0 && again.stderr.contains("already saved as check-in 1 for Gus"), "\(again.stderr)")
        // Nor a shorter plan, nor the same answers listed in another order (a review found both
        // saved as new check-ins).
        #expect(try save(["--max-exercises", "3"]).stderr.contains("already saved as check-in 1 for Gus"))
        let story = try String(contentsOfFile: HistoryTests.story, encoding: .utf8)
        let reordered = FileManager.default.temporaryDirectory.appendingPathComponent("reordered-\(UUID().uuidString).yaml")
        try Self.reversingAssessments(story).write(to: reordered, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: reordered) }
        let swapped = try CLI.run(["run", "--answers", reordered.path, "--save", "--person", "Gus"], environment: environment)
        #expect(swapped.stderr.contains("already saved as check-in 1 for Gus"), "\(swapped.stderr)")
        // Other results are a check-in of their own.
        let other = try save(["--set", "core-endurance-mcgill.extensor_hold=40"])
        #expect(other.stderr.contains("saved check-in 2 for Gus"), "\(other.stderr)")
    }

    /// `story` with the assessments under `answers:` (each a block starting two spaces in) in
    /// the opposite order.
    static func reversingAssessments(_ story: String) throws -> String {
        let lines = story.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let start = try #require(lines.firstIndex(of: "answers:"))
        let end = lines[(start + 1)...].firstIndex { !$0.isEmpty && !$0.hasPrefix(" ") } ?? lines.count
        var blocks: [[String]] = []
        for line in lines[(start + 1)..<end] {
            if line.hasPrefix("  ") && !line.hasPrefix("   ") && !line.hasPrefix("  #") { blocks.append([line]) } else if !blocks.isEmpty { blocks[blocks.count - 1].append(line) }
        }
        #expect(blocks.count > 1)
        return (Array(lines[...start]) + blocks.reversed().flatMap { $0 } + Array(lines[end...])).joined(separator: "\n")
    }
}
