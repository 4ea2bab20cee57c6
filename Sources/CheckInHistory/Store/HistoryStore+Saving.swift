import BackCheckPluginAPI
import BackCheckExpressions
public import AssessmentKit
internal import BackCheckYAML

extension HistoryStore {
    /// What saving did.
    public enum SaveOutcome: Sendable, Hashable {
        /// A new check-in, with its id.
        case saved(Int64)
        /// The same person, answers, profile and catalogue were saved before: that check-in.
        case alreadySaved(Int64)

        /// The check-in's id either way.
        public var id: Int64 {
            switch self {
            case .saved(let id), .alreadySaved(let id): id
            }
        }
    }

    /// `person` as the store keeps it (surrounding spaces dropped, runs of spaces as one,
    /// composed); throws ``HistoryError/badName(_:reason:)`` when ``save(_:person:)`` would
    /// refuse it, so a command can check before it writes anything else.
    @discardableResult
    public static func check(person: String) throws(HistoryError) -> String {
        try PersonName.normalised(person)
    }

    /// Saves `report` as a check-in of `person`, with one row per measured value, in one
    /// transaction: a save cut short leaves the check-in wholly there or wholly absent.
    @discardableResult
    public func save(_ report: Report, person: String) throws(HistoryError) -> SaveOutcome {
        let person = try PersonName.normalised(person)
        let fingerprint = Self.fingerprint(report, person: person)
        let json = report.jsonText()
        let measurements = Self.measurements(of: report)
        do {
            return try writing { db in
                if let existing = try db.rows("SELECT id FROM checkIn WHERE fingerprint = ?", [.text(fingerprint)]).first?.integer("id") {
                    return .alreadySaved(existing)
                }
                try db.execute(
                    """
                        INSERT INTO checkIn (person, generatedAt, screening, referral, findings, fingerprint, report, retestDue)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    [
                        .text(person), .text(report.generatedAt), .text(report.screening?.status.rawValue),
                        .text(report.referral?.urgency.rawValue),
                        .integer(Int64(report.assessments.reduce(0) { $0 + $1.findings.count })), .text(fingerprint), .text(json),
                        .text(report.retestDue),
                    ])
                let id = db.lastInsertedRowID
                for value in measurements {
                    try db.execute(
                        "INSERT INTO measurement (checkIn, assessment, input, side, value, unit, mdc) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [
                            .integer(id), .text(value.assessment), .text(value.input), .text(value.side), .real(value.value),
                            .text(value.unit), .real(value.mdc),
                        ])
                }
                return .saved(id)
            }
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// The report's identity for saving: whose it is, the day it was made, and what was
    /// measured (every assessment's answers, findings and definition, in id order, the profile
    /// and the tool), not the time of day. The same report saved twice on one day (a command run
    /// again, an export imported twice) is one check-in; the same results on another day are a
    /// check-in of their own (a client who tests the same in January and February), or a history
    /// would skip a return to earlier values and show the opposite trend. What follows from the
    /// results and the command's options is left out: the plan and the program (`--weeks`,
    /// `--start`, `--days` and `--max-exercises` lay the same results out differently), and the
    /// order of the answers file (a review found the same answers listed in another order, or
    /// with a shorter plan, saved as check-ins of their own).
    static func fingerprint(_ report: Report, person: String) -> String {
        var measured = report
        measured.generatedAt = String(report.generatedAt.prefix(10))
        measured.program = nil
        measured.plan = []
        measured.planNotes = []
        measured.planLeftOut = []
        measured.planAlternatives = []
        measured.assessments.sort { $0.id < $1.id }
        return SHA256.hex(of: Array((person + "\n" + measured.jsonText()).utf8))
    }

    /// Every numeric answer of the report, per side.
    static func measurements(of report: Report) -> [Measurement] {
        // A voided test's numbers do not count (a hold stopped by pain): no trend point.
        report.assessments.filter { !$0.voided }.flatMap { assessment in
            assessment.inputs.filter(\.isNumeric).flatMap { input -> [Measurement] in
                guard let answer = assessment.answer(input.name) else { return [] }
                let sides: [(String?, Double?)] = switch answer {
                case .single(let value): [(nil, value?.numberValue)]
                case .bilateral(let left, let right): [("left", left?.numberValue), ("right", right?.numberValue)]
                }
                return sides.compactMap { side, value in
                    value.map {
                        Measurement(
                            checkIn: 0, generatedAt: report.generatedAt, assessment: assessment.id, input: input.name,
                            side: side, value: $0, unit: input.unit, mdc: input.mdc)
                    }
                }
            }
        }
    }
}
