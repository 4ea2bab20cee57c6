import AssessmentKit
import BackCheckPluginAPI

/// The text `show` prints for an exercise or a norms table.
enum ExerciseSheet {
    static func text(_ exercise: Exercise) -> String {
        var lines = ["\(exercise.name) (\(exercise.id))"]
        lines.append("\(exercise.kind.rawValue) · pattern: \(exercise.pattern.rawValue) · \(exercise.loaded ? "loaded work" : "not loaded")")
        if !exercise.targets.isEmpty { lines.append("Targets: " + exercise.targets.joined(separator: ", ")) }
        lines += ["", "Dose: " + dose(exercise.dosage)]
        if exercise.dosage.withoutLifting != nil {
            lines.append("While loaded training has stopped: " + dose(exercise.dosage.whileNotLifting))
        }
        lines += ["", "How to do it:", exercise.instructions.trimmed]
        if !exercise.cues.isEmpty { lines += ["", "Cues:"] + exercise.cues.map { "  - " + $0 } }
        if !exercise.cautions.isEmpty { lines += ["", "Take care:"] + exercise.cautions.map { "  - " + $0 } }
        if let easier = exercise.regression { lines += ["", "Easier: \(easier)"] }
        if let harder = exercise.progression { lines.append("Harder: \(harder)") }
        if !exercise.references.isEmpty { lines += ["", "References:"] + exercise.references.map { "  - " + $0.trimmed } }
        return lines.joined(separator: "\n") + "\n"
    }

    static func text(_ table: NormsTable) -> String {
        var lines = ["\(table.id): norms", "Population: \(table.population)", "Source: \(table.source.trimmed)"]
        if let note = table.note { lines += ["", note.trimmed] }
        lines += ["", "Measures (mean ± SD):"]
        for (name, measure) in table.measures.sorted(by: { $0.key < $1.key }) {
            let unit = measure.unit.map { " \($0)" } ?? ""
            func bands(_ list: [NormBand]) -> String {
                list.map { band in
                    let ages = band.ages.map { " (ages \(NumberText.format($0.lowerBound))-\(NumberText.format($0.upperBound)))" } ?? ""
                    return "\(NumberText.format(band.mean)) ± \(NumberText.format(band.sd))\(unit)\(ages)"
                }.joined(separator: "; ")
            }
            lines.append("  \(name): men \(bands(measure.male)); women \(bands(measure.female))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func dose(_ dosage: Dosage) -> String {
        var parts: [String] = []
        if let sets = dosage.sets { parts.append("\(sets) set\(sets == 1 ? "" : "s")") }
        if let reps = dosage.reps { parts.append("\(reps) reps") }
        if let hold = dosage.holdSeconds { parts.append("\(NumberText.format(hold)) s hold") }
        if dosage.perSide == true { parts.append("per side") }
        if let minutes = dosage.durationMinutes { parts.append("\(NumberText.format(minutes)) min") }
        if let frequency = dosage.frequency { parts.append(frequency) }
        return (parts.isEmpty ? "as described" : parts.joined(separator: ", ")) + (dosage.note.map { ". " + $0 } ?? "")
    }
}
