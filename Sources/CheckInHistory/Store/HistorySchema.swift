internal import AssessmentKit
internal import GRDB

/// The store's tables, as versioned migrations: a store written by a later BackCheck (with
/// migrations this one does not know) is refused, never downgraded.
enum HistorySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: check-ins and measurements") { db in
            // Each report whole, as JSON, with the columns the history's views sort and filter by.
            try db.create(table: "checkIn") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("person", .text).notNull().indexed()
                table.column("generatedAt", .text).notNull()
                table.column("screening", .text)
                table.column("referral", .text)
                table.column("findings", .integer).notNull()
                // The same person, answers, profile and catalogue give the same report: one check-in.
                table.column("fingerprint", .text).notNull().unique()
                table.column("report", .text).notNull()
            }
            try db.create(index: "checkIn_person_time", on: "checkIn", columns: ["person", "generatedAt"])
            // One row per measured value, for trends.
            try db.create(table: "measurement") { table in
                table.column("checkIn", .integer).notNull().indexed().references("checkIn", onDelete: .cascade)
                table.column("assessment", .text).notNull()
                table.column("input", .text).notNull()
                table.column("side", .text)
                table.column("value", .double).notNull()
                table.column("unit", .text)
                table.column("mdc", .double)
            }
        }
        migrator.registerMigration("v2: when each check-in is due again") { db in
            try db.alter(table: "checkIn") { table in table.add(column: "retestDue", .text) }
            // Check-ins saved before: worked out from their reports.
            for row in try Row.fetchAll(db, sql: "SELECT id, report FROM checkIn") {
                let text: String = row["report"]
                let due = (try? Report.read(json: Array(text.utf8), file: "check-in").get())?.retestDue
                try db.execute(sql: "UPDATE checkIn SET retestDue = ? WHERE id = ?", arguments: [due, row["id"] as Int64])
            }
        }
        return migrator
    }
}
