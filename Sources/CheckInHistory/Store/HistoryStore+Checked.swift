internal import AssessmentKit

extension HistoryStore {
    /// When `person` was last recorded as checked by a clinician (``recordChecked(_:at:)``),
    /// and the id of their latest check-in then; `nil` when never.
    public func lastCheck(_ person: String) throws(HistoryError) -> (at: String, through: Int64)? {
        let person = try PersonName.normalised(person)
        let row = try reading { db in
            try db.rows("SELECT checkedAt, throughCheckIn FROM checked WHERE person = ? ORDER BY throughCheckIn DESC, checkedAt DESC LIMIT 1", [.text(person)])
        }.first
        guard let row, let at = row.text("checkedAt"), let through = row.integer("throughCheckIn") else { return nil }
        return (at, through)
    }

    /// The latest of `person`'s check-ins whose referral still stands (saved after the last
    /// recorded check, see ``lastCheck(_:)``, and not carried from a deleted check-in), read
    /// alone rather than with every check-in; `nil` when none stands.
    public func standingReferralCheckIn(of person: String) throws(HistoryError) -> CheckIn? {
        let person = try PersonName.normalised(person)
        let since = try lastCheck(person)?.through ?? 0
        let row = try reading { db in
            try db.rows(
                "SELECT id FROM checkIn c WHERE person = ? AND \(Self.liveReferral("c")) IS NOT NULL AND id > ? ORDER BY generatedAt DESC, id DESC LIMIT 1",
                [.text(person), .integer(since)])
        }.first
        guard let id = row?.integer("id") else { return nil }
        return try checkIn(id)
    }

    /// Records that `person` has been checked by a clinician at `time` (`history checked`): the
    /// referrals of their check-ins so far no longer stand, while one of a later check-in does.
    /// Answers the referrals that stood until now, oldest first; when none stood, records
    /// nothing and answers `[]`. Throws ``HistoryError/noPerson(_:similar:)`` for a name with
    /// no check-ins.
    public func recordChecked(_ person: String, at time: String) throws(HistoryError) -> [EarlierReferral] {
        let person = try PersonName.normalised(person)
        let checkIns = try checkIns(of: person)
        let since = try lastCheck(person)?.through ?? 0
        let standing = checkIns.filter { $0.referral != nil && $0.id > since }
        guard !standing.isEmpty, let through = checkIns.map(\.id).max() else { return [] }
        do {
            try writing { db in
                try db.execute(
                    "INSERT INTO checked (person, checkedAt, throughCheckIn) VALUES (?, ?, ?)", [.text(person), .text(time), .integer(through)])
            }
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
        return standing.map { EarlierReferral(checkIn: $0.id, urgency: $0.referral ?? "", generatedAt: $0.generatedAt) }
    }
}
