#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import AssessmentKit
import BackCheckYAML
import CheckInHistory

/// `backcheck history …`: the check-ins saved with `run --save`, kept on this machine.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Check-ins saved with `run --save`: people, trends, comparisons, export, delete, forget.",
        discussion: """
            The store is one SQLite file, readable only by you: $BACKCHECK_HOME/history.sqlite, else \
            $XDG_DATA_HOME/backcheck/, else ~/.local/share/backcheck/. Nothing is sent anywhere.
            """,
        subcommands: [
            HistoryPeople.self, HistoryList.self, HistoryShow.self, HistoryTrend.self, HistoryCompare.self,
            HistoryChecked.self, HistoryExport.self, HistoryImport.self, HistoryDelete.self, HistoryForget.self,
        ])

    /// The store for this environment, or exit 1 with the reason.
    static func store() throws -> HistoryStore {
        do {
            return try openStore()
        } catch {
            throw fail(error)
        }
    }

    /// The store, opened; says so on standard error when its permissions had to be tightened.
    static func openStore() throws(HistoryError) -> HistoryStore {
        let store = try HistoryStore.open(at: StoreLocation.path(environment: environment))
        if store.permissionsTightened {
            var standardError = StandardError()
            print("note: \(store.path) could be read by other users; it is readable only by you again (mode 0600)", to: &standardError)
        }
        if let folder = store.folderWritableByOthers {
            var standardError = StandardError()
            print("note: other users can write in \(folder), and so delete or replace the history; make it yours alone (chmod go-w '\(folder)') unless it is shared on purpose", to: &standardError)
        }
        return store
    }

    /// The variables that choose the store's folder.
    static var environment: [String: String] {
        var values: [String: String] = [:]
        for name in ["BACKCHECK_HOME", "XDG_DATA_HOME", "HOME"] {
            if let value = getenv(name) { values[name] = String(cString: value) }
        }
        return values
    }

    /// Prints `message` as an error and answers exit code 1 (not a usage error: the store says no).
    static func say(_ message: String) -> ExitCode {
        var standardError = StandardError()
        print("error: \(message)", to: &standardError)
        return ExitCode(1)
    }

    /// Prints `error` and answers the exit code for it.
    static func fail(_ error: HistoryError) -> ExitCode {
        var standardError = StandardError()
        print("error: \(error)", to: &standardError)
        return ExitCode(1)
    }
}

/// The formats the history's lists and trends come in.
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct HistoryPeople: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "people", abstract: "Everyone with check-ins: the latest, findings then and now, when to retest.")

    @Option(help: "text or json.") var format: ListFormat = .text

    func run() throws {
        let people: [PersonSummary]
        let store = try HistoryCommand.store()
        do { people = try store.people() } catch { throw HistoryCommand.fail(error) }
        switch format {
        case .json:
            StandardOutput.print(HistoryJSON.people(people))
        case .text:
            // A referral comes first here too: fewer findings can mean results withheld, not progress.
            // Headers and cells kept short so a row fits 80 columns; REFERRAL and FINDINGS are the
            // latest check-in's, FINDINGS from the first check-in to it. After an emergency the
            // latest report withholds its other results: its count is not shown as progress.
            let table = TextTable(headers: ["PERSON", "REFERRAL", "COUNT", "LATEST", "FINDINGS", "RETEST DUE"])
            // The most urgent first, so an emergency never sits at the bottom of a long list: an
            // earlier one not yet cleared right after a latest one of the same urgency (a review
            // found an earlier emergency listed among the earlier "soon" ones). An unfinished
            // screen next: its report asked for the screen before any exercise.
            let urgency = ["emergency": 0, "same-day": 2, "soon": 4]
            func rank(_ person: PersonSummary) -> Int {
                if let latest = person.latestReferral, !person.latestReferralChecked { return urgency[latest] ?? 4 }
                if let earlier = person.earlierReferral { return (urgency[earlier.urgency] ?? 4) + 1 }
                return person.latestScreenUnfinished ? 6 : 7
            }
            let ordered = people.enumerated().sorted { a, b in
                let (x, y) = (rank(a.element), rank(b.element))
                return x != y ? x < y : a.offset < b.offset
            }.map(\.element)
            var countedOverCommonTests = false
            var bracketed = false
            for person in ordered {
                // An earlier referral stands until the person has been checked, as the note below says.
                let next = person.referralStands ? "clinician first" : person.latestScreenUnfinished ? "screen first" : person.retestDue
                // A referral the person was checked for since reads "checked", not as one standing.
                let latestReferral = person.latestReferralChecked ? "checked" : person.latestReferral
                let referral = latestReferral ?? (person.earlierReferral != nil ? "earlier" : person.latestScreenUnfinished ? "unscreened" : "none")
                table.add([person.person, referral,
                           "\(person.checkIns)", String(person.latest.prefix(10)),
                           Self.findings(person, countedOverCommonTests: &countedOverCommonTests, bracketed: &bracketed), next])
            }
            guard !people.isEmpty else {
                StandardOutput.print("No check-ins saved yet; save one with `backcheck run --save`.")
                return
            }
            // Whole names, wrapped in their column: two people must never look alike (a review
            // found "Maximilian…ehaugh" twice), and the name is what `history list` needs.
            StandardOutput.print(table.rendered(width: Output.textWidth(to: nil)), terminator: "")
            let earlier = ordered.compactMap { person in
                person.earlierReferral.map { "\(VisibleText.escaped(person.person)): \($0.urgency) on \($0.generatedAt.prefix(10)), check-in \($0.checkIn)" }
            }
            if !earlier.isEmpty {
                let note = "earlier: a check-in before the latest had a referral (\(earlier.joined(separator: "; "))). It stands until "
                    + "the person has been checked; make sure they were before going on, then record it with "
                    + "`backcheck history checked NAME`."
                StandardOutput.print(TextWrap.lines(note, width: 80).joined(separator: "\n"))
            }
            if countedOverCommonTests {
                // A test stopped for pain counts as not run: its numbers do not count.
                let note = "* Counted only over the tests whose results both the first and the latest check-in have "
                    + "(not the red-flag screen, nor a test stopped for pain), as the two differ"
                    + (bracketed ? "; in brackets, all the latest one's findings. " : ". ")
                    + "`backcheck history compare NAME --since DATE` compares a check-in with the latest test by test."
                StandardOutput.print(TextWrap.lines(note, width: 80).joined(separator: "\n"))
            }
        }
    }
}

extension HistoryPeople {
    /// The FINDINGS cell: first → latest, `withheld` for an emergency check-in, and counted over
    /// the tests both ran (marked `*`, which sets `countedOverCommonTests`; `bracketed` when it
    /// adds all the latest one's findings in brackets) when they ran different ones: a latest check-in of one test is not progress from a first of six.
    static func findings(_ person: PersonSummary, countedOverCommonTests: inout Bool, bracketed: inout Bool) -> String {
        let first = person.firstReferral == "emergency" ? "withheld" : "\(person.firstFindings)"
        let latest = person.latestReferral == "emergency" ? "withheld" : "\(person.latestFindings)"
        if first == "withheld", latest == "withheld" { return first }
        // One check-in: "5 → 5" would read as "no change".
        if person.checkIns == 1 { return latest }
        guard first != "withheld", latest != "withheld", person.testsDiffer else { return "\(first) → \(latest)" }
        countedOverCommonTests = true
        guard !person.commonTests.isEmpty else { return "none in common*" }
        let counted = "\(person.firstCommonFindings) → \(person.latestCommonFindings)*"
        // Findings on tests the first did not run are hidden from the arrow, not from the row.
        guard person.latestFindings != person.latestCommonFindings else { return counted }
        bracketed = true
        return counted + " (\(person.latestFindings))"
    }
}

struct HistoryList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "A person's check-ins, oldest first, with their ids.")

    @Argument(help: "The person.") var person: String
    @Option(help: "text or json.") var format: ListFormat = .text

    func run() throws {
        let checkIns: [CheckIn]
        let store = try HistoryCommand.store()
        do { checkIns = try store.checkIns(of: person) } catch { throw HistoryCommand.fail(error) }
        switch format {
        case .json: StandardOutput.print(HistoryJSON.checkIns(checkIns))
        case .text:
            // TESTS beside FINDINGS: 8 findings of five tests then 0 of one is not progress. After
            // an emergency the report withheld its other results, so its count means nothing.
            let table = TextTable(headers: ["ID", "WHEN", "SCREENING", "REFERRAL", "TESTS", "FINDINGS"])
            for checkIn in checkIns {
                table.add(["\(checkIn.id)", checkIn.generatedAt, checkIn.screening ?? "-", checkIn.referral ?? "-", "\(checkIn.tests.count)",
                           checkIn.referral == "emergency" ? "withheld" : "\(checkIn.findings)"])
            }
            StandardOutput.print(table.rendered, terminator: "")
        }
    }
}

struct HistoryShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "One check-in's report, in any format.", usage: "backcheck history show <id> [<options>]")

    @Argument(help: "The check-in's id, as `history list` prints it.") var id: Int64
    @Option(name: .customLong("format"), help: "text, json, markdown, html, or ics (the program as a calendar); without it, the --output file's extension (.json, .md, .html, .ics) says, else text.")
    var chosenFormat: ReportFormat?
    /// `--format`, else what the output file's extension names, else text.
    var format: ReportFormat { chosenFormat ?? ReportFormat.implied(by: output) ?? .text }
    @Flag(help: "Show severities, weights and priorities.") var explain = false
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let checkIn: CheckIn
        let store = try HistoryCommand.store()
        do { checkIn = try store.checkIn(id) } catch { throw HistoryCommand.fail(error) }
        if format == .ics, let reason = Output.noCalendar(checkIn.report) { throw HistoryCommand.say(reason) }
        let text = format.render(
            checkIn.report, colour: format == .text && Output.colourStandardOutput(to: output), explain: explain, person: checkIn.person)
        try Output.deliver(text, to: output)
    }
}
