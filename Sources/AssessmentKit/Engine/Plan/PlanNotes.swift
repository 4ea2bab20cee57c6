import BackCheckPluginAPI

/// The plan's sentences: why it is empty, shorter or ordered as it is, in plain words.
struct PlanNotes {
    var circumstances: PlanCircumstances
    var maxExercises: Int
    /// Whether a referral keeps every exercise out (``PlanGate/noExercise``).
    var noExercise = false

    /// Shown with every non-empty plan, so nobody has to guess why the order is what it is.
    static let order =
        "The exercises are in order of importance: work for the clearest findings from the most trustworthy tests comes first, with extra weight for a one-sided difference at least as large as the test's measurement error."

    /// Shown when a complete screen and every result came back clear.
    static let nothingToCorrect =
        "Nothing to correct: none of the tests you did found a result beyond its cut-off. Keep training in ways that do not hurt your back, and test again if it starts to hurt or gets worse."

    /// The plan's notes. `unloaded` names the left-out exercises that are not loaded work;
    /// `alternatives` is ``PlanAlternatives``' note on those left out for a planned one doing
    /// the same job; `loadAdvice` names the plan's training-load items (a lighter week, say).
    func notes(
        leftOut: [PlanLeftOut], offered: [(left: String, instead: String)], uncovered: [MajorFinding],
        hasFindings: Bool, unscored: [String] = [], planned: Bool, painful: Set<MovementPattern> = [], unloaded: Set<String> = [],
        alternatives: String? = nil, loadAdvice: [String] = []
    ) -> [String] {
        var notes: [String] = []
        if let urgency = circumstances.referral?.urgency, let note = ReferralBuilder.planNote(urgency, holdsExercise: noExercise) {
            notes.append(note)
        } else if circumstances.referral != nil, !planned, leftOut.contains(where: { $0.reason != .neural }) {
            // (Left out for a nerve sign alone, the nerve note below says why.)
            // A plan of left-out lines alone read as a gap (found by a physiotherapist's review).
            notes.append("No exercises until you have been checked: each that would help here loads the back or practises the movement that hurts.")
        }
        func names(_ reason: PlanLeftOut.Reason) -> String? {
            let matching = leftOut.filter { $0.reason == reason }.map(\.name)
            return matching.isEmpty ? nil : matching.joined(separator: ", ")
        }
        if circumstances.referral?.urgency == .soon, !noExercise {
            // Under a soon referral only a no-stretching finding keeps unloaded work out.
            let byReferral = leftOut.filter { $0.reason == .referral }
            let loaded = byReferral.filter { !unloaded.contains($0.exercise) }.map(\.name)
            let stretches = byReferral.filter { unloaded.contains($0.exercise) }.map(\.name)
            if !loaded.isEmpty {
                notes.append("Left out because of the referral (loaded training waits until you have been checked): \(loaded.joined(separator: ", ")).")
            }
            if !stretches.isEmpty {
                notes.append("Left out because of the referral (no stretching or mobility drills until you have been checked: they can make a stress fracture of the spine worse): \(stretches.joined(separator: ", ")).")
            }
        }
        if let list = names(.unscreened) {
            notes.append("Left out until the red-flag screen is complete (they load the back): \(list).")
        }
        if let list = names(.painfulLift) {
            if circumstances.referral != nil {
                // Under a referral even the unloaded versions wait, and no lift goes on at any
                // pain level: "keep pain at 3/10" would read as leave to lift (found by a review).
                notes.append("Left out because that lift hurts (they practise the painful movement, which waits until you have been checked): \(list).")
            } else {
                // The finding's advice may itself name a shorter range ("pull from blocks") for
                // the person's own lift: say that the plan adds no loaded work of that movement
                // on top, not that the movement is forbidden (a lifter's review read it so).
                notes.append(circumstances.screening.clearsLoadedWork
                    ? "Left out because that lift hurts (they would add loaded work of the painful movement to your own lifting of it): \(list). Your own lift follows its finding's advice (lighter, or a shorter range); keep pain during any lift at 3/10 or less, and let it settle by the next morning."
                    : "Left out because that lift hurts (they would add loaded work of the painful movement to your own lifting of it): \(list). Your own lifting waits until the red-flag screen is answered.")
            }
        }
        // A lighter week or the 2-10% rule must not read as "keep loading the lift that hurts";
        // under a referral no lift goes on lighter, it stops until the person has been checked.
        let lifts = MovementPattern.allCases.filter(painful.contains).compactMap(\.liftFamily).joined(separator: ", ")
        if planned, !painful.isEmpty, circumstances.referral != nil {
            notes.append("The lifts that hurt (\(lifts)) stop until you have been checked, as the referral says, and so does the rest of your loaded training.")
        } else if planned, !painful.isEmpty, !circumstances.screening.clearsLoadedWork {
            // An unfinished screen holds all loaded work: "for your other lifts" would read as
            // leave to go on lifting them (a lifter's review found the two side by side).
            notes.append("The lifts that hurt (\(lifts)) wait with the rest of your loaded training until the red-flag screen is answered; then they follow their findings' advice: lighter at 4-5/10, stopped over 5/10 until the pain settles.")
        } else if planned, !painful.isEmpty {
            // The load advice is named only when the plan holds some: a lifter's review looked
            // for a lighter week the plan did not have.
            notes.append("The lifts that hurt (\(lifts)) follow their findings' advice: lighter at 4-5/10, stopped over 5/10 until the pain settles."
                + (loadAdvice.isEmpty ? "" : " The \(Self.listed(loadAdvice)) in this plan \(loadAdvice.count == 1 ? "is" : "are") for your other lifts."))
        }
        if let list = names(.history) {
            let history = Self.phrases(circumstances.profile.backHistory).map { "your back (\($0))" } ?? "your back"
            notes.append("Left out until the clinician who treated \(history) clears you for loaded work: \(list).")
        }
        if let list = names(.neural) {
            notes.append("Left out because leg pain or tingling below the knee suggests an irritated nerve (do not stretch into leg symptoms, on either leg: lifting the other leg straight can pull on the same nerve): \(list).")
        }
        // One easier version may stand in for several left out (the bodyweight box squat for
        // both the goblet and the box squat): each is named, so none seems forgotten.
        var insteadOf: [(instead: String, left: [String])] = []
        for pair in offered {
            if let index = insteadOf.firstIndex(where: { $0.instead == pair.instead }) {
                if !insteadOf[index].left.contains(pair.left) { insteadOf[index].left.append(pair.left) }
            } else {
                insteadOf.append((pair.instead, [pair.left]))
            }
        }
        let swaps = insteadOf.map { "\($0.instead) instead of \(Self.listed($0.left))" }
        if !swaps.isEmpty { notes.append("Offered instead, because they are easier on the back: \(swaps.joined(separator: "; ")).") }
        if let alternatives { notes.append(alternatives) }
        if let list = names(.cap) {
            let count = leftOut.filter { $0.reason == .cap }.count
            notes.append("\(count) more exercise\(count == 1 ? "" : "s") left out to keep the plan to \(maxExercises): \(list).")
        }
        if !uncovered.isEmpty {
            notes.append("The plan has room for \(maxExercises) exercise\(maxExercises == 1 ? "" : "s"), so these findings have none: \(uncovered.map(\.label).joined(separator: ", ")). Raise --max-exercises to include them.")
        }
        let loadedWorkWaits = circumstances.referral != nil || leftOut.contains { [.history, .referral, .unscreened].contains($0.reason) }
        if let note = Self.historyCaution(circumstances.profile.backHistory, loadedWorkWaits: loadedWorkWaits) { notes.append(note) }
        if planned { notes.append(Self.order) }
        if !planned, notes.isEmpty {
            if circumstances.referral != nil {
                notes.append("No exercises: none of the tests asked for one. Keep moving gently within comfort until you have been seen.")
            } else if !hasFindings, !unscored.isEmpty {
                // A test that could not be scored found nothing because it decided nothing.
                notes.append("No exercises, but not because all is well: \(unscored.joined(separator: ", ")) could not be scored from these answers (the notes say why). Check those answers and run it again.")
            } else if !hasFindings && circumstances.screening.clearsLoadedWork {
                notes.append(Self.nothingToCorrect)
            } else {
                notes.append("No exercises: no finding asked for one.")
            }
        }
        return notes
    }

    /// What a back history asks of loaded work, or `nil` without one; the calendar repeats it
    /// beside "your own training". When the plan holds no loaded work (`loadedWorkWaits`: a
    /// recent injury, a referral, an unfinished screen), it does not say that loaded work here
    /// starts light: a review found that beside "left out until the clinician clears you".
    static func historyCaution(_ history: [Profile.BackHistory], loadedWorkWaits: Bool = false) -> String? {
        phrases(history).map {
            "You have had \($0): get cleared by the clinician who \(history.count > 1 ? "treated them" : "treated it") before heavy lifts that bend or arch the spine (squats, deadlifts, good mornings, back extensions, hip thrusts)"
                + (loadedWorkWaits ? "." : "; the loaded work here starts light.")
        }
    }

    /// "a disc herniation and spinal surgery", or `nil` when there is none.
    static func phrases(_ history: [Profile.BackHistory]) -> String? {
        history.isEmpty ? nil : listed(history.map(\.phrase))
    }

    /// "a, b and c": `words` as a list in a sentence.
    static func listed(_ words: [String]) -> String {
        guard let last = words.last else { return "" }
        return words.count == 1 ? last : words.dropLast().joined(separator: ", ") + " and " + last
    }
}
