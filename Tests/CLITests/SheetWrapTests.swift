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

    @Test("the guides wrap to 80 columns when piped, code blocks aside; tables become lists (a review found lines of 195)",
          arguments: ["format", "expressions", "report", "evaluators"])
    func theGuidesFitEightyColumns(topic: String) throws {
        let result = try CLI.run(["docs", topic])
        #expect(result.status == 0, "\(result.stderr)")
        var inCode = false
        for line in result.stdout.split(separator: "\n") {
            if line.drop(while: { $0 == " " }).hasPrefix("```") { inCode.toggle() }
            // Code is kept as written: fenced, or indented four spaces.
            if !inCode, !line.hasPrefix("    ") { #expect(line.count <= 80, "\(line)") }
            #expect(!line.hasPrefix("|"), "a table row: \(line)")
        }
        // DocC's links are words; a code fence stays a fence.
        let prose = result.stdout.split(separator: "\n").filter { !$0.drop(while: { $0 == " " }).hasPrefix("```") }.joined(separator: "\n")
        #expect(!prose.contains("<doc:") && !prose.contains("``"))
    }

    @Test("every command's help fits 80 columns when piped (batch's usage line ran to 228)",
          arguments: [["lint"], ["list"], ["show"], ["plugins"], ["new"], ["run"], ["report"], ["schema"], ["batch"], ["docs"],
                      ["history"], ["history", "show"], ["history", "trend"], ["history", "list"], ["history", "people"]])
    func everyHelpFitsEightyColumns(command: [String]) throws {
        let result = try CLI.run(command + ["--help"])
        #expect(result.status == 0, "\(result.stderr)")
        for line in result.stdout.split(separator: "\n") { #expect(line.count <= 80, "\(command): \(line)") }
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
