public import AssessmentKit
internal import BackCheckYAML

extension HistoryStore {
    /// The JSON Lines schema of exported check-ins.
    public static let exportSchema = "backcheck.checkin/1"

    /// Every check-in (of `person`, when given) as JSON Lines, oldest first:
    /// `{"schema": "backcheck.checkin/1", "id": 3, "person": "Sam", "report": {...}}`.
    public func export(person: String? = nil) throws(HistoryError) -> String {
        let person = try person.map { name throws(HistoryError) in try PersonName.normalised(name) }
        let rows = try reading { db in
            try person.map { person in
                try db.rows("SELECT id, person, report FROM checkIn WHERE person = ? ORDER BY generatedAt, id", [.text(person)])
            } ?? db.rows("SELECT id, person, report FROM checkIn ORDER BY generatedAt, id")
        }
        if let person, rows.isEmpty { throw .noPerson(person, similar: try namesLike(person)) }
        return rows.map { row in
            let report = row.text("report") ?? "null"
            let id = row.integer("id") ?? 0
            let name = row.text("person") ?? ""
            return #"{"schema":"\#(Self.exportSchema)","id":\#(id),"person":\#(JSONValue.string(name).serialized()),"report":\#(report)}"#
        }.joined(separator: "\n") + (rows.isEmpty ? "" : "\n")
    }

    /// Saves every check-in of an export; one already in the store is not saved again, so
    /// importing the same file twice changes nothing. Every line is checked before any is saved.
    public func importCheckIns(_ bytes: [UInt8], file: String) throws(HistoryError) -> (saved: Int, alreadyThere: Int) {
        try save(try Self.checkIns(inExport: bytes, file: file))
    }

    /// Every check-in of an export, each line checked, for ``save(_:)``: a command reads the
    /// file before it opens (and so perhaps creates) the store, so that the wrong file leaves
    /// no empty store behind (a review found one).
    public static func checkIns(inExport bytes: [UInt8], file: String) throws(HistoryError) -> [ExportedCheckIn] {
        var entries: [ExportedCheckIn] = []
        var number = 0
        for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { continue }
            let (node, problems) = JSONReader.parse(Array(line), file: file, line: number)
            guard let node, !problems.hasErrors, let members = node.mapping else {
                throw .badImport(line: number, reason: problems.errors.first?.message ?? "not a JSON object")
            }
            func member(_ key: String) -> YAMLNode? { members.first { $0.key.scalar?.text == key }?.value }
            guard member("schema")?.scalar?.text == Self.exportSchema else {
                throw .badImport(line: number, reason: "no \"schema\": \"\(Self.exportSchema)\"")
            }
            guard let name = member("person")?.scalar?.text, !name.isEmpty else { throw .badImport(line: number, reason: "no person") }
            // Checked with the rest, so a name the store refuses stops the import before any line is saved.
            let person: String
            do {
                person = try PersonName.normalised(name)
            } catch {
                guard case .badName(let shown, let reason) = error else { throw error }
                throw .badImport(line: number, reason: "'\(shown)' cannot be a person's name: \(reason)")
            }
            guard let reportNode = member("report") else { throw .badImport(line: number, reason: "no report") }
            switch Report.read(json: Array(reportNode.jsonValue.serialized().utf8), file: "\(file):\(number)") {
            case .success(let report): entries.append(ExportedCheckIn(person: person, report: report))
            case .failure(let failure):
                throw .badImport(line: number, reason: failure.diagnostics.all.first?.message ?? "not a report")
            }
        }
        return entries
    }

    /// Saves `entries` (see ``checkIns(inExport:file:)``); one already in the store is not
    /// saved again. Answers how many were saved and how many were there already.
    public func save(_ entries: [ExportedCheckIn]) throws(HistoryError) -> (saved: Int, alreadyThere: Int) {
        var saved = 0
        var already = 0
        for entry in entries {
            switch try save(entry.report, person: entry.person) {
            case .saved: saved += 1
            case .alreadySaved: already += 1
            }
        }
        return (saved, already)
    }
}

/// One check-in of an export (`backcheck.checkin/1`): whose it is and its report.
public struct ExportedCheckIn: Sendable {
    /// The person, as the store keeps names.
    public var person: String
    /// The report.
    public var report: Report
}
