import BackCheckPluginAPI

extension Comparison {
    /// Why `earlier` and `later` cannot be one person's reports, or `nil` when they can be:
    /// their names or sexes differ, or the later age does not follow from the earlier one and
    /// the time between them. Comparing two people would call one person's numbers the other's
    /// progress.
    public static func personMismatch(earlier: Report, later: Report) -> String? {
        let (a, b) = (earlier.profile, later.profile)
        // Spaces around or inside a name do not make another person, as the history keeps
        // names (a review found " Sam " refused beside "Sam"); capitals do, as there.
        if let first = a.name, let second = b.name, spaced(first) != spaced(second) {
            return "the reports are of different people ('\(first)' and '\(second)')"
        }
        if let first = a.sex, let second = b.sex, first != second {
            return "the reports give different sexes (\(first.rawValue) and \(second.rawValue))"
        }
        if let first = a.age, let second = b.age {
            let years = Double(daysBetween(earlier.generatedAt, later.generatedAt)) / 365.25
            // A whole year of slack each way: ages are given in whole years.
            if second < first - 1 - max(0, -years) || second > first + max(0, years) + 1 {
                return "the ages (\(NumberFormat.plain(first)) and \(NumberFormat.plain(second))) cannot be one person's \(NumberFormat.plain((years * 10).rounded() / 10)) years apart"
            }
        }
        return nil
    }

    /// `name` with its runs of white space made single spaces and none at its ends.
    private static func spaced(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func daysBetween(_ a: String, _ b: String) -> Int {
        func days(_ text: String) -> Int? {
            let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
            return parts.count == 3 ? CivilDate.days(year: parts[0], month: parts[1], day: parts[2]) : nil
        }
        guard let first = days(a), let second = days(b) else { return 0 }
        return second - first
    }
}

/// Numbers in sentences: `29`, `1.5`.
enum NumberFormat {
    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
