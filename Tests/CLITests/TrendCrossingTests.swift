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

/// A trend of many check-ins fits a screen: the first value and the latest ten, with a count.
struct TrendLengthTests {
    @Test func aLongTrendShowsTheFirstAndTheLatestTenAndSaysSo() throws {
        let (_, environment) = try HistoryTests.home()
        for hold in 41...55 {
            let saved = try CLI.run(
                ["run", "--answers", HistoryTests.story, "--save", "--person", "Max", "--set", "core-endurance-mcgill.extensor_hold=\(hold)"],
                environment: environment)
            #expect(saved.status == 0, "\(saved.stderr)")
        }
        let trend = try CLI.run(["history", "trend", "Max", "core-endurance-mcgill.extensor_hold"], environment: environment)
        let text = trend.stdout.replacingOccurrences(of: "\n      ", with: " ").replacingOccurrences(of: "\n    ", with: " ")
        #expect(text.contains("41 → … → 46 → 47"), "\(trend.stdout)")
        #expect(!text.contains("→ 45 →"), "\(trend.stdout)")
        #expect(text.contains("(15 check-ins: the first and the latest 10 are shown; --format json lists them all)"), "\(trend.stdout)")
        #expect(trend.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "\(trend.stdout)")
        let json = try CLI.run(["history", "trend", "Max", "core-endurance-mcgill.extensor_hold", "--format", "json"], environment: environment)
        #expect(json.stdout.components(separatedBy: "\"check_in\"").count - 1 == 15)
    }
}
