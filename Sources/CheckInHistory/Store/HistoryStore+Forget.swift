internal import Synchronization

extension HistoryStore {
    /// A check-in saved under another name (`run --save --person "Client 7"`) whose answers
    /// name a person in their profile: ``forget(_:)`` deletes it with the person's own when the
    /// names are the same, and tells of it when they differ only in capitals.
    public struct NamedElsewhere: Sendable, Equatable {
        /// The check-in's id.
        public var id: Int64
        /// The name it is saved under.
        public var savedUnder: String
        /// The name its answers give (`profile.name`), as the store would keep it.
        public var named: String
    }

    /// The check-ins saved under another name than `person` whose answers name them, the
    /// same way (``forget(_:)`` deletes these) or only in other capitals (it keeps these), by id.
    public func checkInsNaming(_ person: String) throws(HistoryError) -> (same: [NamedElsewhere], otherCapitals: [NamedElsewhere]) {
        let person = try PersonName.normalised(person)
        return try reading { db in try Self.checkIns(naming: person, in: db) }
    }

    /// ``checkInsNaming(_:)`` for a name already as the store keeps it.
    private static func checkIns(naming person: String, in db: SQLiteConnection) throws
        -> (same: [NamedElsewhere], otherCapitals: [NamedElsewhere])
    {
        let rows = try db.rows(
            "SELECT id, person, json_extract(report, '$.profile.name') AS named FROM checkIn WHERE person <> ? AND named IS NOT NULL ORDER BY id",
            [.text(person)])
        var same: [NamedElsewhere] = []
        var otherCapitals: [NamedElsewhere] = []
        for row in rows {
            // Compared as the store compares names, so "Zoë" typed either way, or with a stray
            // space, a tab or an invisible character, in the answers is found.
            guard let id = row.integer("id"), let savedUnder = row.text("person"),
                  let named = row.text("named").flatMap(PersonName.leniently)
            else { continue }
            let entry = NamedElsewhere(id: id, savedUnder: savedUnder, named: named)
            if named == person {
                same.append(entry)
            } else if named.lowercased() == person.lowercased() {
                otherCapitals.append(entry)
            }
        }
        return (same, otherCapitals)
    }

    /// Deletes every check-in of `person`, and every check-in saved under another name whose
    /// answers name them (see ``checkInsNaming(_:)``), with the records of their clinician
    /// checks, so that nothing of them is left in the file: rows deleted with `secure_delete`
    /// on (freed pages zeroed), the file vacuumed, and the write-ahead log checkpointed and
    /// truncated. Throws ``HistoryError/noPerson(_:similar:)`` when the store holds nothing of them.
    public func forget(_ person: String) throws(HistoryError) -> Forgotten {
        let person = try PersonName.normalised(person)
        do {
            let forgotten = try writing { db in
                let (elsewhere, otherCapitals) = try Self.checkIns(naming: person, in: db)
                try db.execute("DELETE FROM checkIn WHERE person = ?", [.text(person)])
                var removed = db.changes
                for entry in elsewhere {
                    try db.execute("DELETE FROM checkIn WHERE id = ?", [.integer(entry.id)])
                    removed += db.changes
                }
                try db.execute("DELETE FROM checked WHERE person = ?", [.text(person)])
                let checks = db.changes
                try Self.dropChecksOfNoOne(db)
                return Forgotten(
                    person: person, checkIns: removed, checks: checks, savedUnder: Set(elsewhere.map(\.savedUnder)).sorted(),
                    kept: otherCapitals)
            }
            guard forgotten.checkIns > 0 || forgotten.checks > 0 else {
                throw HistoryError.noPerson(person, similar: try namesLike(person))
            }
            try scrub()
            return forgotten
        } catch let error as HistoryError {
            throw error
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// What ``forget(_:)`` deleted.
    public struct Forgotten: Sendable, Equatable {
        /// The person's name as the store keeps it (spaces trimmed, composed), as shown back.
        public var person: String
        /// How many check-ins were deleted, those under other names among them.
        public var checkIns: Int
        /// How many records of a clinician's check (`history checked`) were deleted.
        public var checks: Int
        /// The other names (client codes, say) under which check-ins naming the person were
        /// saved and deleted, sorted.
        public var savedUnder: [String]
        /// Check-ins under other names whose answers give the name in other capitals: kept
        /// (names match exactly), for the command to point out.
        public var kept: [NamedElsewhere]
    }

    /// Deletes the one check-in `id` (a report saved under the wrong name, say) as ``forget(_:)``
    /// deletes a person's: nothing of it is left in the file, nor, when it was the person's
    /// last, the record that they were checked (which names them). Answers what was deleted.
    @discardableResult
    public func delete(checkIn id: Int64) throws(HistoryError) -> CheckIn {
        let checkIn = try self.checkIn(id)
        do {
            try writing { db in
                try db.execute("DELETE FROM checkIn WHERE id = ?", [.integer(id)])
                try Self.dropChecksOfNoOne(db)
            }
            try scrub()
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
        return checkIn
    }

    /// Deletes the records of clinician checks of people with no check-in left: a review found
    /// one, with the person's name, outliving their last check-in's deletion.
    private static func dropChecksOfNoOne(_ db: SQLiteConnection) throws {
        try db.execute("DELETE FROM checked WHERE person NOT IN (SELECT person FROM checkIn)")
    }

    /// Rewrites the file without the freed pages and empties the write-ahead log, so deleted
    /// rows cannot be read back from either.
    private func scrub() throws {
        try lock.withLock { _ in
            try database.execute("VACUUM")
            _ = try database.rows("PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }
}
