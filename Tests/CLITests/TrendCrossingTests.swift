import Foundation
import Testing

/// A trend of a value with no known measurement error (a pain rating) says when it crossed into
/// or out of the values that raise a finding, as `history compare` does: a lifter's review found
/// next-morning pain of 2 → 6 called "a small change that may be noise".
struct TrendCrossingTests {
    private static let story = "Assessments/stories/sore-after-squats.answers.yaml"

    /// Saves one check-in of `person` per pain rating, in a fresh store, and returns its environment.
    private func store(_ person: String, pain: [Int]) throws -> [String: String] {
        let (_, environment) = try HistoryTests.home()
        for rating in pain {
            let saved = try CLI.run(
                ["run", "--answers", Self.story, "--save", "--person", person, "--set", "training-load.next_day_pain=\(rating)"],
                environment: environment)
            #expect(saved.status == 0, "\(saved.stderr)")
        }
        return environment
    }

    private func trend(_ person: String, _ environment: [String: String]) throws -> (text: String, json: [String: Any]) {
        let input = "training-load.next_day_pain"
        let text = try CLI.run(["history", "trend", person, input], environment: environment)
        #expect(text.status == 0, "\(text.stderr)")
        let json = try CLI.run(["history", "trend", person, input, "--format", "json"], environment: environment)
        let series = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["series"] as? [[String: Any]])
        return (text.stdout.replacingOccurrences(of: "\n      ", with: " "), try #require(series.first))
    }

    @Test func aRatingThatRoseIntoTheFlaggedValuesIsNotCalledNoise() throws {
        let (text, series) = try trend("Bo", try store("Bo", pain: [2, 6]))
        #expect(text.contains("2 → 6 (+4, worse; now among the values that raise a finding)"), "\(text)")
        #expect(series["entered_flagged"] as? Bool == true)
    }

    @Test func aRatingThatFellOutOfThemKeepsTheNoiseCaveat() throws {
        let (text, series) = try trend("Cy", try store("Cy", pain: [5, 1]))
        #expect(text.contains("5 → 1 (-4, improved; now clear of the values that raise a finding, though no measurement error is known for it, so a small change may be noise)"), "\(text)")
        #expect(series["entered_flagged"] as? Bool == false)
    }

    @Test func aRatingThatStayedAmongThemCrossedNothing() throws {
        // 4/10 already raises the next-day pain finding.
        let (text, series) = try trend("Di", try store("Di", pain: [4, 7]))
        #expect(text.contains("4 → 7 (+3, worse; no measurement error is known for it, so a small change may be noise)"), "\(text)")
        #expect(series["entered_flagged"] is NSNull)
    }
}
