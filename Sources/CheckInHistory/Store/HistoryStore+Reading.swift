internal import AssessmentKit
internal import BackCheckYAML
internal import Synchronization

extension HistoryStore {
    /// Every person with check-ins, by name, with their first and latest check-in and when
    /// the next retest is due: as the latest report says (its soonest `retest_weeks`), else
    /// `retestWeeks` after it.
    public func people(retestWeeks: Int = 4) throws(HistoryError) -> [PersonSummary] {
        try reading { db in
            try db.rows("""
                WITH k0 AS (SELECT person, MAX(checkedAt) AS at, MAX(throughCheckIn) AS through FROM checked GROUP BY person)
                SELECT c.person AS person, COUNT(*) AS checkIns, MIN(generatedAt) AS first, MAX(generatedAt) AS latest,
                       (SELECT findings FROM checkIn f WHERE f.person = c.person ORDER BY generatedAt, id LIMIT 1) AS firstFindings,
                       (SELECT findings FROM checkIn l WHERE l.person = c.person ORDER BY generatedAt DESC, id DESC LIMIT 1) AS latestFindings,
                       (SELECT retestDue FROM checkIn l WHERE l.person = c.person ORDER BY generatedAt DESC, id DESC LIMIT 1) AS retestDue,
                       (SELECT \(Self.liveReferral("l")) FROM checkIn l WHERE l.person = c.person ORDER BY generatedAt DESC, id DESC LIMIT 1) AS latestReferral,
                       (SELECT \(Self.liveReferral("f")) FROM checkIn f WHERE f.person = c.person ORDER BY generatedAt, id LIMIT 1) AS firstReferral,
                       (SELECT screening FROM checkIn l WHERE l.person = c.person ORDER BY generatedAt DESC, id DESC LIMIT 1) AS latestScreening,
                       (SELECT id FROM checkIn e WHERE e.person = c.person AND \(Self.liveReferral("e")) IS NOT NULL AND e.id > COALESCE(k.through, 0) ORDER BY generatedAt DESC, id DESC LIMIT 1) AS referredID,
                       (SELECT \(Self.liveReferral("e")) FROM checkIn e WHERE e.person = c.person AND \(Self.liveReferral("e")) IS NOT NULL AND e.id > COALESCE(k.through, 0) ORDER BY generatedAt DESC, id DESC LIMIT 1) AS referredUrgency,
                       (SELECT generatedAt FROM checkIn e WHERE e.person = c.person AND \(Self.liveReferral("e")) IS NOT NULL AND e.id > COALESCE(k.through, 0) ORDER BY generatedAt DESC, id DESC LIMIT 1) AS referredAt,
                       k.at AS checkedAt, k.through AS checkedThrough,
                       (SELECT id FROM checkIn l WHERE l.person = c.person ORDER BY generatedAt DESC, id DESC LIMIT 1) AS latestID,
                       (SELECT report FROM checkIn f WHERE f.person = c.person ORDER BY generatedAt, id LIMIT 1) AS firstReport,
                       (SELECT report FROM checkIn l WHERE l.person = c.person ORDER BY generatedAt DESC, id DESC LIMIT 1) AS latestReport
                FROM checkIn c LEFT JOIN k0 k ON k.person = c.person GROUP BY c.person ORDER BY c.person
                """)
        }.map { row in
            let latest = row.text("latest") ?? ""
            var summary = PersonSummary(
                person: row.text("person") ?? "", checkIns: Int(row.integer("checkIns") ?? 0), first: row.text("first") ?? "",
                latest: latest, firstFindings: Int(row.integer("firstFindings") ?? 0),
                latestFindings: Int(row.integer("latestFindings") ?? 0),
                retestDue: row.text("retestDue") ?? Timestamp.date(latest, plusDays: 7 * retestWeeks),
                latestReferral: row.text("latestReferral"), firstReferral: row.text("firstReferral"))
            summary.latestScreening = row.text("latestScreening")
            summary.checkedAt = row.text("checkedAt")
            summary.latestReferralChecked = summary.latestReferral != nil && (row.integer("latestID") ?? 0) <= (row.integer("checkedThrough") ?? 0)
            // A referral of an earlier check-in stands until the person has been checked.
            if summary.latestReferral == nil, let id = row.integer("referredID"), let urgency = row.text("referredUrgency") {
                summary.earlierReferral = EarlierReferral(checkIn: id, urgency: urgency, generatedAt: row.text("referredAt") ?? "")
            }
            summary.compareTests(first: Self.findingsByTest(row.text("firstReport")), latest: Self.findingsByTest(row.text("latestReport")))
            return summary
        }
    }

    /// The person's check-ins, oldest first.
    public func checkIns(of person: String) throws(HistoryError) -> [CheckIn] {
        let person = try PersonName.normalised(person)
        let found = try reading { db in
            try db.rows("SELECT * FROM checkIn WHERE person = ? ORDER BY generatedAt, id", [.text(person)])
        }
        guard !found.isEmpty else { throw .noPerson(person, similar: try namesLike(person)) }
        return try found.map(Self.checkIn)
    }

    /// The saved names other than `person` that differ from it only in capitals ("anna" for
    /// "Anna"): separate people to the store, and easy to mistake for one.
    public func namesLike(_ person: String) throws(HistoryError) -> [String] {
        let person = try PersonName.normalised(person)
        let names = try reading { db in try db.rows("SELECT DISTINCT person FROM checkIn ORDER BY person") }.compactMap { $0.text("person") }
        return names.filter { $0 != person && $0.lowercased() == person.lowercased() }
    }

    /// The check-in with `id`.
    public func checkIn(_ id: Int64) throws(HistoryError) -> CheckIn {
        guard let row = try reading({ db in try db.rows("SELECT * FROM checkIn WHERE id = ?", [.integer(id)]) }).first
        else { throw .noCheckIn(id) }
        return try Self.checkIn(row)
    }

    /// The person's measured values over time, oldest first; `assessment` and `input` narrow them.
    public func measurements(of person: String, assessment: String? = nil, input: String? = nil) throws(HistoryError) -> [Measurement] {
        let person = try PersonName.normalised(person)
        var sql = """
            SELECT m.*, c.generatedAt FROM measurement m JOIN checkIn c ON c.id = m.checkIn WHERE c.person = ?
            """
        var values: [SQLiteValue] = [.text(person)]
        if let assessment { sql += " AND m.assessment = ?"; values.append(.text(assessment)) }
        if let input { sql += " AND m.input = ?"; values.append(.text(input)) }
        sql += " ORDER BY m.assessment, m.input, m.side, c.generatedAt, c.id"
        let statement = sql
        let arguments = values
        return try reading { db in try db.rows(statement, arguments) }.map { row -> Measurement in
            Measurement(
                checkIn: row.integer("checkIn") ?? 0, generatedAt: row.text("generatedAt") ?? "",
                assessment: row.text("assessment") ?? "", input: row.text("input") ?? "", side: row.text("side"),
                value: row.real("value") ?? 0, unit: row.text("unit"), mdc: row.real("mdc"))
        }
    }

    /// What `body` does in one write transaction (see ``SQLiteConnection/writing(_:)``).
    func writing<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try lock.withLock { _ in try database.writing { try body(database) } }
    }

    /// What `body` reads from the store, a failure told as one that cannot open it.
    func reading<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws(HistoryError) -> T {
        do {
            return try lock.withLock { _ in try body(database) }
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// The findings count of each test a saved report ran, by assessment id; `nil` when the
    /// report cannot be read. A test stopped for pain is left out (its numbers do not count),
    /// and so is the red-flag screen: its findings are referrals, which the listing shows apart.
    private static func findingsByTest(_ text: String?) -> [String: Int]? {
        guard let text, case .success(let report) = Report.read(json: Array(text.utf8), file: "check-in") else { return nil }
        var counts: [String: Int] = [:]
        for assessment in report.assessments where assessment.isComparedTest {
            counts[assessment.id] = assessment.findings.count
        }
        return counts
    }

    private static func checkIn(_ row: SQLiteRow) throws(HistoryError) -> CheckIn {
        let id = row.integer("id") ?? 0
        guard let text = row.text("report"), case .success(let report) = Report.read(json: Array(text.utf8), file: "check-in \(id)") else {
            // Found by a review: said as "line 0 of the import is not a check-in" by `history checked`.
            throw .unreadableCheckIn(id)
        }
        return CheckIn(
            id: id, person: row.text("person") ?? "", generatedAt: row.text("generatedAt") ?? "", screening: row.text("screening"),
            referral: row.text("referral"), findings: Int(row.integer("findings") ?? 0), report: report)
    }
}
