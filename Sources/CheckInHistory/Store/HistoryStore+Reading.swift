internal import AssessmentKit
internal import BackCheckYAML
internal import GRDB

extension HistoryStore {
    /// Every person with check-ins, by name, with their first and latest check-in and when
    /// the next retest is due: as the latest report says (its soonest `retest_weeks`), else
    /// `retestWeeks` after it.
    public func people(retestWeeks: Int = 4) throws(HistoryError) -> [PersonSummary] {
        try reading { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT person, COUNT(*) AS checkIns, MIN(generatedAt) AS first, MAX(generatedAt) AS latest,
                       (SELECT findings FROM checkIn f WHERE f.person = c.person ORDER BY generatedAt, id LIMIT 1) AS firstFindings,
                       (SELECT findings FROM checkIn l WHERE l.person = c.person ORDER BY generatedAt DESC, id DESC LIMIT 1) AS latestFindings,
                       (SELECT retestDue FROM checkIn l WHERE l.person = c.person ORDER BY generatedAt DESC, id DESC LIMIT 1) AS retestDue,
                       (SELECT referral FROM checkIn l WHERE l.person = c.person ORDER BY generatedAt DESC, id DESC LIMIT 1) AS latestReferral,
                       (SELECT referral FROM checkIn f WHERE f.person = c.person ORDER BY generatedAt, id LIMIT 1) AS firstReferral,
                       (SELECT screening FROM checkIn l WHERE l.person = c.person ORDER BY generatedAt DESC, id DESC LIMIT 1) AS latestScreening,
                       (SELECT id FROM checkIn e WHERE e.person = c.person AND e.referral IS NOT NULL ORDER BY generatedAt DESC, id DESC LIMIT 1) AS referredID,
                       (SELECT referral FROM checkIn e WHERE e.person = c.person AND e.referral IS NOT NULL ORDER BY generatedAt DESC, id DESC LIMIT 1) AS referredUrgency,
                       (SELECT generatedAt FROM checkIn e WHERE e.person = c.person AND e.referral IS NOT NULL ORDER BY generatedAt DESC, id DESC LIMIT 1) AS referredAt,
                       (SELECT report FROM checkIn f WHERE f.person = c.person ORDER BY generatedAt, id LIMIT 1) AS firstReport,
                       (SELECT report FROM checkIn l WHERE l.person = c.person ORDER BY generatedAt DESC, id DESC LIMIT 1) AS latestReport
                FROM checkIn c GROUP BY person ORDER BY person
                """)
            return rows.map { row in
                let latest: String = row["latest"]
                let due: String? = row["retestDue"]
                var summary = PersonSummary(
                    person: row["person"], checkIns: row["checkIns"], first: row["first"], latest: latest,
                    firstFindings: row["firstFindings"], latestFindings: row["latestFindings"],
                    retestDue: due ?? Timestamp.date(latest, plusDays: 7 * retestWeeks), latestReferral: row["latestReferral"],
                    firstReferral: row["firstReferral"])
                summary.latestScreening = row["latestScreening"]
                // A referral of an earlier check-in stands until the person has been checked.
                if summary.latestReferral == nil, let id: Int64 = row["referredID"], let urgency: String = row["referredUrgency"] {
                    summary.earlierReferral = EarlierReferral(checkIn: id, urgency: urgency, generatedAt: row["referredAt"])
                }
                summary.compareTests(first: Self.findingsByTest(row["firstReport"]), latest: Self.findingsByTest(row["latestReport"]))
                return summary
            }
        }
    }

    /// The person's check-ins, oldest first.
    public func checkIns(of person: String) throws(HistoryError) -> [CheckIn] {
        let person = try PersonName.normalised(person)
        let found = try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM checkIn WHERE person = ? ORDER BY generatedAt, id", arguments: [person])
        }
        guard !found.isEmpty else { throw .noPerson(person, similar: try namesLike(person)) }
        return try found.map(Self.checkIn)
    }

    /// The saved names other than `person` that differ from it only in capitals ("anna" for
    /// "Anna"): separate people to the store, and easy to mistake for one.
    public func namesLike(_ person: String) throws(HistoryError) -> [String] {
        let person = try PersonName.normalised(person)
        let names = try reading { db in try String.fetchAll(db, sql: "SELECT DISTINCT person FROM checkIn ORDER BY person") }
        return names.filter { $0 != person && $0.lowercased() == person.lowercased() }
    }

    /// The check-in with `id`.
    public func checkIn(_ id: Int64) throws(HistoryError) -> CheckIn {
        guard let row = try reading({ db in try Row.fetchOne(db, sql: "SELECT * FROM checkIn WHERE id = ?", arguments: [id]) })
        else { throw .noCheckIn(id) }
        return try Self.checkIn(row)
    }

    /// The person's measured values over time, oldest first; `assessment` and `input` narrow them.
    public func measurements(of person: String, assessment: String? = nil, input: String? = nil) throws(HistoryError) -> [Measurement] {
        let person = try PersonName.normalised(person)
        var sql = """
            SELECT m.*, c.generatedAt FROM measurement m JOIN checkIn c ON c.id = m.checkIn WHERE c.person = ?
            """
        var values: StatementArguments = [person]
        if let assessment { sql += " AND m.assessment = ?"; values += [assessment] }
        if let input { sql += " AND m.input = ?"; values += [input] }
        sql += " ORDER BY m.assessment, m.input, m.side, c.generatedAt, c.id"
        let statement = sql
        return try reading { db in
            try Row.fetchAll(db, sql: statement, arguments: values).map { row -> Measurement in
                Measurement(
                    checkIn: row["checkIn"], generatedAt: row["generatedAt"], assessment: row["assessment"], input: row["input"],
                    side: row["side"], value: row["value"], unit: row["unit"], mdc: row["mdc"])
            }
        }
    }

    func reading<T>(_ body: (Database) throws -> T) throws(HistoryError) -> T {
        do { return try pool.read(body) } catch { throw .cannotOpen(path: path, reason: "\(error)") }
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

    private static func checkIn(_ row: Row) throws(HistoryError) -> CheckIn {
        let id: Int64 = row["id"]
        let text: String = row["report"]
        guard case .success(let report) = Report.read(json: Array(text.utf8), file: "check-in \(id)") else {
            throw .badImport(line: 0, reason: "check-in \(id) holds a report this program cannot read")
        }
        return CheckIn(
            id: id, person: row["person"], generatedAt: row["generatedAt"], screening: row["screening"],
            referral: row["referral"], findings: row["findings"], report: report)
    }
}
