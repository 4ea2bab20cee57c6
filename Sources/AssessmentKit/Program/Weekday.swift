/// A day of the week, as the program and `--days` write it (`mon` … `sun`).
public enum Weekday: String, Sendable, Hashable, CaseIterable, Comparable {
    /// Monday.
    case mon
    /// Tuesday.
    case tue
    /// Wednesday.
    case wed
    /// Thursday.
    case thu
    /// Friday.
    case fri
    /// Saturday.
    case sat
    /// Sunday.
    case sun

    /// 0 for Monday … 6 for Sunday.
    public var index: Int { Self.allCases.firstIndex(of: self)! }

    /// The full English name: `Monday`.
    public var name: String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][index]
    }

    /// `Mon`.
    public var shortName: String { name.prefix(3).description }

    /// The weekday of the civil day `days` days after 1970-01-01 (a Thursday).
    static func of(daysSinceEpoch days: Int) -> Weekday {
        allCases[((days % 7) + 7 + 3) % 7]
    }

    /// The days a person who trains `count` days a week most likely trains on, spread so that
    /// rest days fall between them where they can (3 → Mon, Wed, Fri).
    static func spread(_ count: Int) -> [Weekday] {
        switch count {
        case ..<1: []
        case 1: [.mon]
        case 2: [.mon, .thu]
        case 3: [.mon, .wed, .fri]
        case 4: [.mon, .tue, .thu, .fri]
        case 5: [.mon, .tue, .wed, .fri, .sat]
        case 6: [.mon, .tue, .wed, .thu, .fri, .sat]
        default: allCases
        }
    }

    /// Monday first: the order of the week a program is laid out in, not alphabetical.
    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.index < rhs.index }
}
