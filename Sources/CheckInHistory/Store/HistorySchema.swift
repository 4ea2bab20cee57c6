internal import AssessmentKit

/// The store's tables, as versioned migrations: a store written by a later BackCheck (with
/// migrations this one does not know) is refused, never downgraded.
///
/// Which migrations a store has had is kept in the table `grdb_migrations`, one row per
/// identifier: the name and layout of the database library earlier versions used, kept so
/// that their stores open unchanged.
enum HistorySchema {
    /// The table listing the migrations a store has had.
    static let migrationsTable = "grdb_migrations"

    /// Every migration, oldest first: an identifier (never changed once released) and its SQL.
    static let migrations: [(identifier: String, apply: @Sendable (SQLiteConnection) throws -> Void)] = [
        ("v1: check-ins and measurements", { db in
            // Each report whole, as JSON, with the columns the history's views sort and filter
            // by; the same person, answers, profile and catalogue give the same report: one
            // check-in (the fingerprint).
            try db.execute("""
                CREATE TABLE "checkIn" ("id" INTEGER PRIMARY KEY AUTOINCREMENT, "person" TEXT NOT NULL,
                    "generatedAt" TEXT NOT NULL, "screening" TEXT, "referral" TEXT, "findings" INTEGER NOT NULL,
                    "fingerprint" TEXT NOT NULL UNIQUE, "report" TEXT NOT NULL)
                """)
            try db.execute(#"CREATE INDEX "checkIn_on_person" ON "checkIn"("person")"#)
            try db.execute(#"CREATE INDEX "checkIn_person_time" ON "checkIn"("person", "generatedAt")"#)
            // One row per measured value, for trends.
            try db.execute("""
                CREATE TABLE "measurement" ("checkIn" INTEGER NOT NULL REFERENCES "checkIn"("id") ON DELETE CASCADE,
                    "assessment" TEXT NOT NULL, "input" TEXT NOT NULL, "side" TEXT, "value" DOUBLE NOT NULL,
                    "unit" TEXT, "mdc" DOUBLE)
                """)
            try db.execute(#"CREATE INDEX "measurement_on_checkIn" ON "measurement"("checkIn")"#)
        }),
        ("v2: when each check-in is due again", { db in
            try db.execute(#"ALTER TABLE "checkIn" ADD COLUMN "retestDue" TEXT"#)
            // Check-ins saved before: worked out from their reports.
            for row in try db.rows("SELECT id, report FROM checkIn") {
                let due = row.text("report").flatMap { (try? Report.read(json: Array($0.utf8), file: "check-in").get())?.retestDue }
                try db.execute("UPDATE checkIn SET retestDue = ? WHERE id = ?", [.text(due), .integer(row.integer("id") ?? 0)])
            }
        }),
        ("v3: when a person was checked by a clinician", { db in
            // A referral stands until the person has been checked: `history checked` records
            // when, and through which check-in (by id, as times can share a second): a referral
            // of a check-in up to that one no longer stands.
            try db.execute(#"CREATE TABLE "checked" ("person" TEXT NOT NULL, "checkedAt" TEXT NOT NULL, "throughCheckIn" INTEGER NOT NULL)"#)
            try db.execute(#"CREATE INDEX "checked_on_person" ON "checked"("person")"#)
        }),
    ]

    /// The identifiers of the migrations `db` has had; `nil` when it has no migrations table.
    static func applied(in db: SQLiteConnection) throws -> Set<String>? {
        let tables = try db.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [.text(migrationsTable)])
        guard !tables.isEmpty else { return nil }
        return Set(try db.rows("SELECT identifier FROM \(migrationsTable)").compactMap { $0.text("identifier") })
    }

    /// Whether `db` has had a migration this version does not know (a later BackCheck wrote it).
    static func hasBeenSuperseded(_ db: SQLiteConnection) throws -> Bool {
        let known = Set(migrations.map(\.identifier))
        return try applied(in: db).map { !$0.isSubset(of: known) } ?? false
    }

    /// The first of the store's tables that `db` lacks, when it lacks one (a damaged store).
    static func missingTable(in db: SQLiteConnection) throws -> String? {
        let tables = Set(try db.rows("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0.text("name") })
        return ["checkIn", "measurement", "checked"].first { !tables.contains($0) }
    }

    /// Applies the migrations `db` has not had, each in a transaction of its own with its row.
    static func migrate(_ db: SQLiteConnection) throws {
        try db.execute("CREATE TABLE IF NOT EXISTS \(migrationsTable) (identifier TEXT NOT NULL PRIMARY KEY)")
        let done = try applied(in: db) ?? []
        for migration in migrations where !done.contains(migration.identifier) {
            try db.writing {
                try migration.apply(db)
                try db.execute("INSERT INTO \(migrationsTable) (identifier) VALUES (?)", [.text(migration.identifier)])
            }
        }
    }
}
