import BackCheckPluginAPI
import BackCheckYAML

/// The program as an iCalendar file (RFC 5545) to import into a phone's calendar: one event
/// per session with its exercises and doses in the description, and an all-day event for the
/// retest. Times are floating (the person's local time, whatever the zone); nothing refers
/// to the network.
public struct CalendarExport: Sendable {
    /// The local time each session starts, `HH:MM`; a calendar shows it at that clock time
    /// wherever the phone is.
    public var startTime: String

    /// Creates a calendar export.
    /// Whose program it is when that is not the report's profile name: the name a check-in is
    /// kept under (`--person`), so two people saved from the same answers get events of their own.
    public var person: String?

    /// A calendar whose sessions start at `startTime` (24-hour `HH:MM`), its events owned by
    /// `person` when given, else by the report's profile name.
    public init(startTime: String = "18:00", person: String? = nil) {
        self.startTime = startTime
        self.person = person
    }

    /// The calendar, lines ending CRLF and folded at 75 octets; an empty calendar (no events)
    /// when the report has no program.
    public func render(_ report: Report) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//BackCheck//\(report.tool.name) \(report.tool.version)//EN", "CALSCALE:GREGORIAN"]
        if let program = report.program {
            let stamp = Self.compact(report.generatedAt)
            // A named person's re-run from the same start keeps its UIDs, so importing it updates
            // the events. Without a name nothing tells two people apart, and one client's import
            // must never overwrite another's: each unnamed report (its answers and time) gets UIDs
            // of its own.
            // A review found two clients saved from one answers file (`--person`) given the
            // same UIDs, so importing the second calendar replaced the first's events.
            // Not its time: the same answers from the same start are the same events, so a
            // calendar imported again updates them (a review found every UID new each run).
            var timeless = report
            timeless.generatedAt = ""
            let person = (self.person ?? report.profile.name).map { "name:\($0)" } ?? "unnamed:" + timeless.json.serialized()
            let owner = SHA256.hex(of: Array("\(person)|\(program.start)".utf8)).prefix(12)
            // A caution is safety advice: it goes wherever the exercise does, the calendar too.
            let cautions = Dictionary(report.plan.map { ($0.exercise.id, $0.exercise.cautions) }, uniquingKeysWith: { first, _ in first })
            for week in program.weeks {
                for session in week.sessions {
                    lines += event(
                        session, week: week, program: program, cautions: cautions,
                        historyCaution: PlanNotes.historyCaution(
                            report.profile.backHistory, loadedWorkWaits: report.planLeftOut.contains { $0.reason == .history }),
                        uid: "\(Self.dateDigits(session.date))-\(owner)@backcheck", stamp: stamp)
                }
            }
            lines += [
                "BEGIN:VEVENT", "UID:retest-\(Self.dateDigits(program.retest))-\(owner)@backcheck", "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(Self.dateDigits(program.retest))", "SUMMARY:\(Self.escape("BackCheck: test again"))",
                "DESCRIPTION:\(Self.escape("Repeat the tests (backcheck run) to see whether the program worked."))",
                "TRANSP:TRANSPARENT", "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.flatMap(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    private func event(
        _ session: ProgramSession, week: ProgramWeek, program: Program, cautions: [String: [String]], historyCaution: String?,
        uid: String, stamp: String
    ) -> [String] {
        // An event is read on its own, on the day: the program's notes (own lifting waiting
        // for a clinician, say) go in each one, as the other formats put them beside the weeks.
        var description = ["Week \(week.week) of \(program.weeks.count)."]
            + week.notes.compactMap { ProgramBuilder.note($0, on: session) } + program.notes
        for part in ProgramWording.parts(session) {
            description.append("")
            switch part {
            case .ownTraining:
                description.append(ProgramWording.ownTraining)
                if let historyCaution { description.append("Take care: " + historyCaution) }
            case .block(let title, let items):
                description.append(title + ":")
                for item in items {
                    description.append("- " + ProgramWording.item(item) + (item.moveOn.map { " " + ProgramWording.moveOn($0) } ?? ""))
                    description += (cautions[item.exercise] ?? []).map { "  Take care: " + $0 }
                }
            }
        }
        if session.trainingDay, !program.painRules.isEmpty {
            description += ["", "Pain rules for every lift:"] + program.painRules.map { "- " + $0 }
        }
        let what = session.trainingDay ? "warm-up and exercises" : session.items.allSatisfy({ $0.block == .stretches }) ? "stretches" : "exercises"
        return [
            "BEGIN:VEVENT", "UID:\(uid)", "DTSTAMP:\(stamp)",
            "DTSTART:\(Self.dateDigits(session.date))T\(startTime.replacingColon())00",
            "DURATION:PT\(session.minutes)M",
            "SUMMARY:\(Self.escape("BackCheck: \(what) (\(session.minutes) min)"))",
            "DESCRIPTION:\(Self.escape(description.joined(separator: "\n")))",
            "END:VEVENT",
        ]
    }

    /// `20261207` from `2026-12-07`.
    private static func dateDigits(_ date: String) -> String { date.filter(\.isNumber) }

    /// `20261201T162136Z` from `2026-12-01T16:21:36Z`.
    private static func compact(_ timestamp: String) -> String { timestamp.filter { $0.isNumber || $0 == "T" || $0 == "Z" } }

    /// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and every line break
    /// (`\n`, `\r\n`, a lone `\r`) as `\n`; other control characters, which TEXT may not hold,
    /// become spaces. By Unicode scalar: `\r\n` is one Character and would not match `\n`.
    private static func escape(_ text: String) -> String {
        var escaped = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": escaped.append(contentsOf: "\\\\".unicodeScalars)
            case ";": escaped.append(contentsOf: "\\;".unicodeScalars)
            case ",": escaped.append(contentsOf: "\\,".unicodeScalars)
            case "\r": escaped.append(contentsOf: "\\n".unicodeScalars)
            case "\n" where previousWasCR: break
            case "\n": escaped.append(contentsOf: "\\n".unicodeScalars)
            case "\t": escaped.append(scalar)
            default:
                let control = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                escaped.append(control ? " " : scalar)
            }
        }
        return String(escaped)
    }

    /// `line` folded into pieces of at most 75 octets, never inside a UTF-8 character; each
    /// continuation starts with a space (RFC 5545 §3.1).
    private static func fold(_ line: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = pieces.isEmpty ? 75 : 74
            if octets + size > limit {
                pieces.append(pieces.isEmpty ? current : " " + current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        pieces.append(pieces.isEmpty ? current : " " + current)
        return pieces
    }
}

extension String {
    /// `1800` from `18:00`.
    fileprivate func replacingColon() -> String { filter { $0 != ":" } }
}
