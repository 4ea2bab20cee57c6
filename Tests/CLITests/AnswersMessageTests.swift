import Foundation
import Testing

/// Messages about a hand-written answers file (from a black-box review): in file order, with a
/// fix for a quoted yes or no, and pointing at the format rather than at this repository.
@Suite struct AnswersMessageTests {
    static func refused(_ yaml: String) throws -> [Substring] {
        let file = try CLI.temporaryFolder().appendingPathComponent("hand.answers.yaml")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", "--answers", file.path])
        #expect(result.status == 1)
        return result.stderr.split(separator: "\n")
    }

    @Test func problemsComeInTheFilesOrderWithAFixForQuotedBooleans() throws {
        let lines = try Self.refused("""
            answers:
              red-flag-screen: {chest_pain: "true", saddle_numbness: 'no', fever_or_unwell: yes}
            """)
        #expect(lines.count == 4, "\(lines)")
        // saddle_numbness is asked before chest_pain, but the file has chest_pain first.
        #expect(lines[0].hasSuffix("2:33: error: expected true or false for 'red-flag-screen' input 'chest_pain', found the string \"true\"; write true without quotes"), "\(lines)")
        #expect(lines[1].hasSuffix("2:58: error: expected true or false for 'red-flag-screen' input 'saddle_numbness', found the string \"no\"; write false without quotes"), "\(lines)")
        #expect(lines[2].hasSuffix("2:81: error: expected true or false for 'red-flag-screen' input 'fever_or_unwell', found the string \"yes\"; write true"), "\(lines)")
    }

    /// Found by a review: 30 unknown ids were listed as 20 and "... and 10 more like this",
    /// then counted as 21 problems.
    @Test func theTotalCountsProblemsSummedUpInOneLine() throws {
        let lines = try Self.refused("answers:\n" + (0..<30).map { "  nope\($0): {}\n" }.joined())
        #expect(lines.contains { $0.contains("... and 10 more like this: unknown assessment") }, "\(lines)")
        #expect(lines.last == "error: 30 problems with the answers; nothing was written", "\(lines)")
    }

    @Test func aFileWithoutAnswersOrNotAMappingIsToldTheFormat() throws {
        #expect(try Self.refused("profile: {age: 30}\n").first?.hasSuffix("1:1: error: missing required key 'answers' in the answers file") == true)
        let sequence = try Self.refused("- a\n- b\n")
        #expect(sequence.first?.hasSuffix(
            "1:1: error: expected the answers file to be a mapping with 'profile' and 'answers' (`backcheck schema answers` gives the format), found a sequence") == true,
            "\(sequence)")
        let empty = try Self.refused("# nothing yet\n")
        #expect(empty.first?.contains("(`backcheck schema answers` gives the format)") == true && empty.first?.contains("Assessments/stories") == false,
                "\(empty)")
    }

    @Test func aNumberWrittenWithAnotherUnitIsToldTheFieldsUnit() throws {
        let lines = try Self.refused("""
            answers:
              hamstring-length: {active_knee_extension: {left: 20kg, right: 20}}
            """)
        #expect(lines.first?.hasSuffix("found the string \"20kg\"; write only the number, in deg, this field's unit") == true, "\(lines)")
    }
}
