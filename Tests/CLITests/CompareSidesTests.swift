import Foundation
import Testing

/// Two sides that match because the stronger one fell are not good news. A lifter's review
/// compared a left side bridge of 90 s → 50 s (right 50 s both times): the comparison called
/// the drop "improved" (the values beside it were flagged on both sides, too short or too long
/// beside the other, and the distance to them decided) and the asymmetry plainly "resolved".
struct CompareSidesTests {
    @Test func aSideThatFellIsWorseAndTheAsymmetryItEndedIsSaidSo() throws {
        let (_, environment) = try HistoryTests.home()
        for left in [90, 50] {
            let saved = try CLI.run([
                "run", "--answers", HistoryTests.story, "--save", "--person", "Marcus",
                "--set", "core-endurance-mcgill.side_bridge.left=\(left)", "--set", "core-endurance-mcgill.side_bridge.right=50",
            ], environment: environment)
            #expect(saved.status == 0, "\(saved.stderr)")
        }
        let compare = try CLI.run(["history", "compare", "Marcus"], environment: environment)
        #expect(compare.status == 0, "\(compare.stderr)")
        let text = compare.stdout.replacingOccurrences(of: "\n    ", with: " ")
        // The author says a longer hold is better (lower_is_better: false), and that decides.
        #expect(text.contains("left Side bridge hold: 90 s → 50 s (-40), worse"), "\(compare.stdout)")
        #expect(text.contains("resolved: One side bridge shorter than the other (right), but only because the left side got worse, not because the right improved"), "\(compare.stdout)")
        let html = try CLI.run(["history", "compare", "Marcus", "--format", "html"], environment: environment)
        #expect(html.stdout.contains("<li class=\"verdict-changed\">resolved: One side bridge shorter than the other (right), but only because"), "\(html.stdout.prefix(200))")
    }
}
