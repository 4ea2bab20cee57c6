import AssessmentKit
import BackCheckPluginAPI

/// The tests of a guided run with their minutes and the total, before anything is asked;
/// the person takes them all or picks some (the red-flag screen is always asked first).
struct SessionMenu {
    let terminal: Terminal
    let assessments: [Assessment]

    /// The tests to run, in their order.
    func choose(ask: Bool) throws -> [Assessment] {
        let width = terminal.width
        let total = assessments.reduce(0) { $0 + $1.durationMinutes }
        terminal.say(terminal.emphasis("The tests, about \(NumberText.format(total.rounded(.up))) min in all:"))
        for (index, assessment) in assessments.enumerated() {
            let minutes = "(\(NumberText.format(assessment.durationMinutes)) min\(assessment.isRedFlagScreen ? ", always asked" : ""))"
            for line in wrap("\(index + 1)) \(assessment.title) \(minutes)", indent: "  ", hanging: true, width: width) { terminal.say(line) }
        }
        guard ask, assessments.count > 1 else { return assessments }
        while true {
            let typed = try terminal.ask("  Enter to do them all, or the numbers of the ones to do (e.g. 2,4 or 2-5):")
            // Said for all of them too: the person sees what Enter chose before the first question.
            let result = typed.isEmpty ? .success(Set(1...assessments.count)) : pick(typed)
            switch result {
            case .success(let numbers):
                let chosen = assessments.enumerated().filter { numbers.contains($0.offset + 1) || $0.element.isRedFlagScreen }.map(\.element)
                let minutes = chosen.reduce(0) { $0 + $1.durationMinutes }
                terminal.say("  \(chosen.count) test\(chosen.count == 1 ? "" : "s"), about \(NumberText.format(minutes.rounded(.up))) min.")
                return chosen
            case .failure(let problem):
                terminal.refuse(problem.message)
            }
        }
    }

    private struct Problem: Error { var message: String }

    /// `2,4`, `2 4` or `2-5` as test numbers, each from 1 to the count. A space separates two
    /// numbers as a comma does (a review found `1 2` read as test 12), except beside a `-`.
    private func pick(_ typed: String) -> Result<Set<Int>, Problem> {
        var numbers: Set<Int> = []
        for part in Self.withoutSpacesAroundDashes(typed).split(whereSeparator: { $0 == "," || $0.isWhitespace }) {
            let bounds = part.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard (1...2).contains(bounds.count), let low = bounds.first ?? nil, let high = bounds.last ?? nil, low <= high,
                  low >= 1, high <= assessments.count else {
                return .failure(Problem(message: "'\(part)' is not a test number from 1 to \(assessments.count)"))
            }
            numbers.formUnion(low...high)
        }
        return numbers.isEmpty ? .failure(Problem(message: "type test numbers such as 2,4")) : .success(numbers)
    }

    /// `typed` with the spaces next to a `-` taken out, so `2 - 5` reads as the range `2-5`.
    static func withoutSpacesAroundDashes(_ typed: String) -> String {
        let characters = Array(typed)
        var kept = ""
        for (index, character) in characters.enumerated() {
            if character.isWhitespace {
                let before = characters[..<index].last { !$0.isWhitespace }
                let after = characters[(index + 1)...].first { !$0.isWhitespace }
                if before == "-" || after == "-" { continue }
            }
            kept.append(character)
        }
        return kept
    }
}
