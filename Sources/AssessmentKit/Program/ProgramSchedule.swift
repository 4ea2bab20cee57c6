/// Which days of the week an exercise goes on, from its dosage's frequency and the person's
/// training days.
enum ProgramSchedule {
    /// How often an exercise is done.
    enum Frequency: Equatable {
        /// Every day.
        case daily
        /// Before or during every lifting session (warm-up drills).
        case everySession
        /// `low`-`high` days a week.
        case perWeek(low: Int, high: Int)
        /// Advice for the training itself (a lighter week, the 2-10% rule), not a drill.
        case advice
    }

    /// The frequency a dosage states, or the kind's usual one when it states none (stretches
    /// daily; strength, endurance and activation 2-3 days a week, ACSM 2009).
    static func frequency(of exercise: Exercise) -> Frequency {
        let text = exercise.dosage.frequency?.lowercased() ?? ""
        if exercise.kind == .load {
            return exercise.dosage.durationMinutes != nil ? .everySession : .advice
        }
        // Byte searches: the plan asks this of every exercise it weighs, for every person.
        if ByteSearch.contains("daily", in: text) || ByteSearch.contains("every day", in: text) { return .daily }
        if ByteSearch.contains("session", in: text) { return .everySession }
        let numbers = text.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.filter { (1...7).contains($0) }
        if let low = numbers.first { return .perWeek(low: low, high: max(low, numbers.dropFirst().first ?? low)) }
        switch exercise.kind {
        case .stretch, .mobility: return .daily
        default: return .perWeek(low: 2, high: 3)
        }
    }

    /// How often, in words, for a dose that states no frequency: the one the program schedules
    /// it at (``frequency(of:)``), so a plan read without a program (under a referral) still
    /// says how often; `nil` for a dose that states one, and for advice and warm-ups.
    static func usualFrequencyText(of exercise: Exercise) -> String? {
        guard exercise.dosage.frequency == nil else { return nil }
        switch frequency(of: exercise) {
        case .daily: return "daily"
        case .perWeek(let low, let high): return low == high ? "\(low) days a week" : "\(low)-\(high) days a week"
        case .everySession, .advice: return nil
        }
    }

    /// `count` days of the week, no two in a row (Sunday and Monday count as in a row) when
    /// `count` allows, with as many training days among them as can be, earliest first: the
    /// same inputs always give the same days.
    static func days(_ count: Int, preferring training: [Weekday]) -> [Weekday] {
        let count = min(max(count, 0), 7)
        if count == 0 { return [] }
        if count >= 4 {
            // Four or more days cannot all be apart; training days first, then the rest in order.
            let rest = Weekday.allCases.filter { !training.contains($0) }
            return Array((training + rest).prefix(count)).sorted()
        }
        var best: (days: [Weekday], score: Int)?
        for choice in combinations(of: Weekday.allCases, count) where apart(choice) {
            let score = choice.filter(training.contains).count
            if best == nil || score > best!.score { best = (choice, score) }
        }
        return best?.days ?? Array(Weekday.allCases.prefix(count))
    }

    /// Up to `count` of the training days, spread as far apart as they allow (the most days
    /// with no two in a row, earliest first; otherwise the first `count`): technique work is
    /// practice of the lift itself, so it goes where the lifting already is rather than adding
    /// loaded days for a back that is sore the morning after, and not on two days in a row
    /// when half as many days apart are to be had (two training days back to back get it once).
    static func days(_ count: Int, within training: [Weekday]) -> [Weekday] {
        let count = min(max(count, 0), training.count)
        guard count > 0 else { return [] }
        // The largest set of training days with none in a row; it beats the first `count` days
        // when it keeps at least half of them.
        let largestApart = stride(from: count, through: 1, by: -1).lazy
            .compactMap { combinations(of: training, $0).first(where: apart) }.first ?? []
        if largestApart.count * 2 >= count { return largestApart }
        return Array(training.prefix(count))
    }

    private static func apart(_ days: [Weekday]) -> Bool {
        guard days.count > 1 else { return true }
        let indexes = days.map(\.index)
        let gaps = zip(indexes, indexes.dropFirst()).map { $1 - $0 } + [indexes[0] + 7 - indexes[indexes.count - 1]]
        return gaps.allSatisfy { $0 > 1 }
    }

    /// Every `k`-element choice of `items` in lexicographic order.
    private static func combinations(of items: [Weekday], _ k: Int) -> [[Weekday]] {
        guard k > 0 else { return [[]] }
        guard items.count >= k else { return [] }
        var result: [[Weekday]] = []
        for (index, item) in items.enumerated() {
            for rest in combinations(of: Array(items[(index + 1)...]), k - 1) { result.append([item] + rest) }
        }
        return result
    }
}
