import BackCheckPluginAPI

/// An exercise's dose week by week, and how long it takes.
enum ProgramDose {
    /// The dose of `week` (1-based) of `weeks`: the plan's dose in week 1, built up evenly to the
    /// top of the range (`reps_max`, `hold_s_max`) by the second-last week and held there, so
    /// the last week is the one to move on from. Static stretches keep their 30 s holds: longer
    /// holds add nothing (ACSM 2009), consistency does.
    static func dose(_ base: Dosage, week: Int, of weeks: Int) -> Dosage {
        let share = weeks <= 1 ? 0 : min(1, Double(week - 1) / Double(max(1, weeks - 2)))
        var dose = base
        dose.frequency = nil
        dose.note = nil
        if let reps = base.reps, let top = base.repsMax {
            dose.reps = reps + Int((Double(top - reps) * share).rounded())
        }
        if let hold = base.holdSeconds, let top = base.holdSecondsMax {
            // Whole 5 s steps read better on a stopwatch than 23.3 s.
            dose.holdSeconds = min(top, hold + ((top - hold) * share / 5).rounded() * 5)
        }
        dose.repsMax = nil
        dose.holdSecondsMax = nil
        return dose
    }

    /// What changed from the week before, as a phrase (`2 more reps than last week`), or `nil`
    /// when nothing did.
    static func change(from earlier: Dosage, to later: Dosage) -> String? {
        var changes: [String] = []
        if let before = earlier.reps, let after = later.reps, after > before {
            let group = later.pyramid ? " in each group" : ""
            changes.append("\(after - before) more rep\(after - before == 1 ? "" : "s")\(group) than last week")
        }
        if let before = earlier.holdSeconds, let after = later.holdSeconds, after > before {
            changes.append("hold \(NumberText.format(after - before)) s longer than last week")
        }
        return changes.isEmpty ? nil : changes.joined(separator: ", ")
    }

    /// About how many seconds `dose` takes, rests included: 3 s a rep, 2 s to set up each hold,
    /// 30 s between sets of drills and stretches and 60 s between sets of strength work (the
    /// ACSM's 30-60 s for endurance sets), twice for a one-sided exercise (both sides are done even when a finding names one). A
    /// set with neither reps nor a hold (a carry) counts 30 s.
    static func seconds(_ dose: Dosage, kind: Exercise.Kind) -> Double {
        if let minutes = dose.durationMinutes { return minutes * 60 }
        let sets = Double(dose.sets ?? 1)
        let reps = Double(dose.reps == nil ? 1 : dose.repGroups.reduce(0, +))
        let perSet: Double = switch (dose.reps, dose.holdSeconds) {
        case (_, let hold?): reps * (hold + 2)
        case (_?, nil): reps * 3
        case (nil, nil): 30
        }
        let rest: Double = [.stretch, .mobility, .activation].contains(kind) ? 30 : 60
        let perSide: Double = dose.perSide == true ? 2 : 1
        return perSide * sets * perSet + (sets - 1) * rest
    }
}
