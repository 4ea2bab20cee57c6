import ArgumentParser
import AssessmentKit
import BackCheckPluginAPI
import BackCheckYAML

/// `backcheck show ID`: everything about one assessment.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show an assessment (protocol, inputs, findings, references), an exercise or a norms table.")

    @OptionGroup var catalogue: CatalogueOptions

    @Argument(help: "An assessment's, exercise's or norms table's id (see `backcheck list`).")
    var id: String

    /// Which kind of document to show, when ids are shared across kinds (unique only per kind).
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case assessment, exercise, norms

        /// `an assessment`, `an exercise`, `a norms table`.
        var withArticle: String {
            switch self {
            case .assessment: "an assessment"
            case .exercise: "an exercise"
            case .norms: "a norms table"
            }
        }
    }

    @Option(help: "Which kind to show when an id is used by more than one (ids are unique per kind).")
    var kind: Kind?

    func run() throws {
        // Every file is checked; of the assessments only this one is kept (if it is one).
        let catalogue = try catalogue.load(keeping: [id])
        let text: String
        // Ids are unique per kind only: every kind holding this one, in the order shown first.
        let holders = Kind.allCases.filter { kind in
            switch kind {
            case .assessment: catalogue.assessment(id) != nil
            case .exercise: catalogue.exercise(id) != nil
            case .norms: catalogue.norms[id] != nil
            }
        }
        let shown = kind ?? holders.first
        if let shown, holders.contains(shown) {
            switch shown {
            case .assessment: text = AssessmentSheet(assessment: catalogue.assessment(id)!, catalogue: catalogue).text
            case .exercise: text = ExerciseSheet.text(catalogue.exercise(id)!)
            case .norms: text = ExerciseSheet.text(catalogue.norms[id]!)
            }
        } else if let kind {
            var standardError = StandardError()
            let others = holders.map(\.withArticle).joined(separator: " and ")
            print("error: no \(kind.rawValue) '\(id)'" + (others.isEmpty ? "." : "; it is the id of \(others).") + " Run `backcheck list` to see the ids.", to: &standardError)
            throw ExitCode(1)
        } else {
            let every = catalogue.everyAssessmentID + catalogue.exercises.keys.sorted() + catalogue.norms.keys.sorted()
            // The start of an id is what people most often type.
            let starting = every.filter { $0.hasPrefix(id) }
            let hint = switch starting.count {
            case 0: Suggestion.hint(for: id, among: every)
            case 1: "; did you mean '\(starting[0])'?"
            default: "; ids starting with it: \(starting.prefix(5).joined(separator: ", "))."
            }
            let sentence = "no assessment, exercise or norms table '\(id)'" + (hint.isEmpty ? "." : hint)
            // Not a usage mistake (the root usage line only confused): a name that is not there.
            var standardError = StandardError()
            print("error: " + sentence + " Run `backcheck list` (or `list exercises`, `list norms`) to see them.", to: &standardError)
            throw ExitCode(1)
        }
        // Wrapped like a report: at the terminal's width, or 80 columns when piped.
        StandardOutput.print(TextWrap.sheet(VisibleText.escaped(text, keepingLayout: true), width: Output.textWidth(to: nil)), terminator: "")
        if kind == nil, holders.count > 1 {
            let others = holders.dropFirst().map { "--kind \($0.rawValue)" }.joined(separator: " or ")
            var standardError = StandardError()
            print("note: '\(id)' is also the id of \(holders.dropFirst().map(\.withArticle).joined(separator: " and ")); show it with \(others)", to: &standardError)
        }
    }
}

/// The text `show` prints for one assessment.
struct AssessmentSheet {
    var assessment: Assessment
    var catalogue: Catalogue

    var text: String {
        var lines: [String] = []
        let minutes = NumberText.format(assessment.durationMinutes)
        lines.append("\(assessment.title) (\(assessment.id), version \(assessment.version))")
        lines.append("\(assessment.category.rawValue) · about \(minutes) min · evidence: \(assessment.evidence.level.rawValue) · evaluator: \(assessment.evaluatorID)")
        lines.append("")
        lines.append(assessment.summary.trimmed)
        if let note = assessment.evidence.note { lines += ["", "Evidence: " + note.trimmed] }
        if !assessment.equipment.isEmpty { lines += ["", "Equipment: " + assessment.equipment.joined(separator: ", ")] }
        lines += ["", "How to do it:", assessment.instructions.trimmed]
        lines += ["", "Inputs:"]
        for input in assessment.inputs { lines.append("  " + describe(input)) }
        lines += ["", "Findings:"]
        for finding in assessment.findings {
            var line = "  \(finding.id) [\(finding.tier.rawValue)\(finding.urgency.map { ", \($0.rawValue)" } ?? "")]: \(finding.title)"
            // A conditional recommendation says when it applies: an author checking the file
            // needs that, and the same exercise under two conditions would otherwise read twice.
            let exercises = finding.recommend.map { recommendation in
                (catalogue.exercise(recommendation.exercise)?.name ?? recommendation.exercise)
                    + (recommendation.condition.map { " (when \($0.source))" } ?? "")
            }
            if !exercises.isEmpty { line += " → " + exercises.joined(separator: ", ") }
            lines.append(line)
        }
        if !assessment.references.isEmpty {
            lines += ["", "References:"]
            for reference in assessment.references { lines.append("  - " + reference.trimmed) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func describe(_ input: AssessmentInput) -> String {
        var parts = ["\(input.name): \(input.label)", input.type.rawValue]
        if let unit = input.unit { parts.append("in \(unit)") }
        if let range = input.range { parts.append("\(NumberText.format(range.lowerBound)) to \(NumberText.format(range.upperBound))") }
        if !input.spec.choices.isEmpty { parts.append("one of: " + input.spec.choices.joined(separator: ", ")) }
        if input.bilateral { parts.append("left and right") }
        if let mdc = input.spec.mdc { parts.append("MDC \(NumberText.format(mdc))") }
        if input.optional { parts.append("optional") }
        return parts.joined(separator: " · ")
    }
}

extension String {
    /// Without leading and trailing white space and newlines.
    var trimmed: String {
        let scalars = unicodeScalars
        let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) }) else { return "" }
        return String(scalars[first...last])
    }
}
