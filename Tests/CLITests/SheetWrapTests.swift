import Foundation
import Testing

/// `show` and `plugins` wrap like a report (found by a review: lines of 500 columns), and `show`
/// says what an author checking a file needs.
@Suite struct SheetWrapTests {
    @Test(arguments: [["show", "hip-flexor-thomas"], ["show", "goblet-squat"], ["show", "mcgill-1999"], ["plugins"]])
    func noLinePassesEightyColumnsWhenPiped(arguments: [String]) throws {
        let result = try CLI.run(arguments)
        #expect(result.status == 0, "\(result.stderr)")
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(line)") }
    }

    @Test func aLongStepContinuesUnderItsOwnText() throws {
        let lines = try CLI.run(["show", "hip-flexor-thomas"]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let step = try #require(lines.firstIndex { $0.hasPrefix("3. Let go of the leg you are testing") })
        // The numbered step's next line starts under its text, not at the margin.
        #expect(lines[step + 1].hasPrefix("   ") && !lines[step + 1].hasPrefix("    "), "\(lines[step + 1])")
        // Nothing is lost: the words of the step come back when the lines are joined.
        let joined = lines[step...].prefix { !$0.hasPrefix("4. ") }.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(joined.contains("keep hugging the other knee just far enough that your low back is flat on the table"), "\(joined)")
    }

    @Test func aScoringKeyContinuesUnderItsMeaning() throws {
        let lines = try CLI.run(["plugins"]).stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let key = try #require(lines.firstIndex { $0.hasPrefix("    items[].when ") })
        let column = try #require(lines[key].range(of: "expression")).lowerBound.utf16Offset(in: lines[key])
        #expect(lines[key + 1].prefix(column).allSatisfy { $0 == " " } && lines[key + 1].dropFirst(column).first != " ",
                "\(lines[key])\n\(lines[key + 1])")
    }

    @Test func aConditionalRecommendationSaysWhenItApplies() throws {
        let words = try CLI.run(["show", "hip-flexor-thomas"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("→ Half-kneeling hip flexor stretch, Thomas-position hip flexor stretch (lying, gravity-assisted) (when hip_angle > -11.9 + 19)"),
                "\(words)")
    }
}
