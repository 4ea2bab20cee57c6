import ArgumentParser
import AssessmentKit
import BackCheckYAML
import CheckInHistory

struct HistoryTrend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend", abstract: "A person's measured values over time, per side, against the test's measurement error.",
        usage: "backcheck history trend <person> [<what>] [<options>]")

    @Argument(help: "The person.") var person: String
    @Argument(help: "ASSESSMENT, ASSESSMENT.INPUT or ASSESSMENT.INPUT.SIDE to narrow it (default: everything measured).") var what: String?
    @Option(name: .customLong("format"), help: "text, json or html (a chart per value); without it, the --output file's extension (.json, .html) says, else text.")
    var chosenFormat: TrendFormat?
    /// `--format`, else what the output file's extension names, else text.
    var format: TrendFormat {
        chosenFormat ?? ReportFormat.implied(by: output).flatMap { TrendFormat(rawValue: $0.rawValue) } ?? .text
    }
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    enum TrendFormat: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    func validate() throws {
        let parts = what?.split(separator: ".", maxSplits: 2) ?? []
        if parts.count == 3, parts[2] != "left", parts[2] != "right" {
            throw ValidationError("'\(what ?? "")': the part after the input must be left or right.")
        }
    }

    func run() throws {
        var parts = what?.split(separator: ".", maxSplits: 2).map(String.init) ?? []
        // ID.input.side, as --set writes it: the side narrows the series.
        let side = parts.count == 3 ? parts.removeLast() : nil
        let series: [TrendSeries]
        let checkIns: [CheckIn]
        let store = try HistoryCommand.store()
        do {
            checkIns = try store.checkIns(of: person)
            series = TrendSeries.directed(
                TrendSeries.series(try store.measurements(of: person, assessment: parts.first, input: parts.dropFirst().first)), by: checkIns)
                .filter { side == nil || $0.side == side }
        } catch {
            throw HistoryCommand.fail(error)
        }
        if series.isEmpty, let what {
            throw HistoryCommand.say("\(VisibleText.escaped(person)) has no measured values for '\(what)'; `backcheck history trend \(VisibleText.escaped(person))` shows them all.")
        }
        // A trend of numbers never hides a referral: the latest one leads, earlier ones are named.
        let referrals = TrendReferral.of(checkIns)
        let latest = checkIns.last?.id
        let text = switch format {
        case .text: TrendView.text(person: person, series, referrals: referrals, latest: latest)
        case .json: TrendView.json(person: person, series, referrals: referrals)
        case .html: TrendPage.html(person: person, series, referrals: referrals, latest: latest)
        }
        try Output.deliver(text, to: output)
    }
}

struct HistoryCompare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "A person's latest check-in against an earlier one: what improved, what got worse.")

    @Argument(help: "The person.") var person: String
    @Option(help: ArgumentHelp("Compare with the first check-in on or after this date (YYYY-MM-DD); default: the one before the latest.", valueName: "date"))
    var since: String?
    @Option(help: "text, json, markdown or html.") var format: CompareFormat = .text
    @Flag(help: "Compare even when the two check-ins look like different people.") var force = false

    /// A comparison's forms: a report's, less the calendar, which a comparison has none of.
    enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown, html
        var reportFormat: ReportFormat { ReportFormat(rawValue: rawValue) ?? .text }
    }

    func validate() throws {
        if let since, !Timestamp.isValid(since + "T00:00:00Z") { throw ValidationError("--since takes a date such as 2026-09-01, found '\(since)'.") }
    }

    func run() throws {
        let checkIns: [CheckIn]
        let store = try HistoryCommand.store()
        do { checkIns = try store.checkIns(of: person) } catch { throw HistoryCommand.fail(error) }
        guard let latest = checkIns.last, checkIns.count > 1 else {
            throw HistoryCommand.say("\(VisibleText.escaped(person)) has one check-in; save another with `backcheck run --save` to compare.")
        }
        let earlier: CheckIn
        if let since {
            guard let found = checkIns.dropLast().first(where: { $0.generatedAt >= since }) else {
                throw HistoryCommand.say("\(VisibleText.escaped(person)) has no check-in between \(since) and the latest.")
            }
            earlier = found
        } else {
            earlier = checkIns[checkIns.count - 2]
        }
        if !force, let reason = Comparison.personMismatch(earlier: earlier.report, later: latest.report) {
            throw HistoryCommand.say("\(reason); check the profiles, or pass --force")
        }
        var comparison = Comparison(earlier: earlier.report, later: latest.report)
        comparison.earlierCheckIn = earlier.id
        comparison.laterCheckIn = latest.id
        // By place in the history (oldest first), not by time: check-ins saved in one second
        // share a timestamp.
        let earlierIndex = checkIns.firstIndex { $0.id == earlier.id } ?? 0
        // A referral stands in later check-ins until the person is checked: each is said once,
        // by the check-in that raised it, and not at all when a compared report shows it.
        var said = Set([earlier, latest].compactMap { $0.report.referral?.standing?.checkIn })
        func referrals(_ checkIns: ArraySlice<CheckIn>) -> [Comparison.InterimReferral] {
            checkIns.compactMap { checkIn in
                guard let referral = checkIn.report.referral, said.insert(referral.standing?.checkIn ?? checkIn.id).inserted else { return nil }
                return Comparison.InterimReferral(generatedAt: checkIn.generatedAt, referral: referral, checkIn: checkIn.id)
            }
        }
        // A referral stands until the person has been checked: one before the pair is said too
        // (first, so one it raised that later check-ins carried is named by its origin).
        comparison.referralsBefore = referrals(checkIns[..<earlierIndex])
        // A check-in skipped by --since may have sent the person to a doctor: say so.
        comparison.referralsBetween = referrals(checkIns[(earlierIndex + 1)..<(checkIns.count - 1)])
        StandardOutput.write(ComparisonExport.render(comparison, format: format.reportFormat))
    }
}

struct HistoryExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Check-ins as JSON Lines, to keep or to move to another machine.")

    @Argument(help: "Only this person's check-ins.") var person: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        let text: String
        let store = try HistoryCommand.store()
        do { text = try store.export(person: person) } catch { throw HistoryCommand.fail(error) }
        try Output.deliver(text, to: output)
    }
}

struct HistoryImport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Check-ins from an export; importing twice changes nothing.")

    @Argument(help: "A file written by `history export`.") var file: String

    func run() throws {
        let bytes: [UInt8]
        // An export of many people can be far larger than a catalogue file.
        switch FileBytes.load(file, limit: 1 << 30) {
        case .success(let read): bytes = read
        case .failure(let message):
            var standardError = StandardError()
            print(message, to: &standardError)
            throw ExitCode(1)
        }
        // Read before the store is opened: the wrong file must not leave an empty store behind.
        let entries: [ExportedCheckIn]
        do { entries = try HistoryStore.checkIns(inExport: bytes, file: file) } catch { throw HistoryCommand.fail(error) }
        let store = try HistoryCommand.store()
        let counts: (saved: Int, alreadyThere: Int)
        do { counts = try store.save(entries) } catch { throw HistoryCommand.fail(error) }
        StandardOutput.print("imported \(counts.saved) check-in\(counts.saved == 1 ? "" : "s"); \(counts.alreadyThere) already saved")
    }
}

struct HistoryForget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget", abstract: "Delete every check-in of a person, leaving no trace in the file.")

    @Argument(help: "The person.") var person: String
    @Flag(help: "Do not ask (needed when standard input is not a terminal).") var yes = false

    func run() throws {
        // Nothing to forget where no history was ever kept: said, and no empty store made.
        guard FileStatus.exists(StoreLocation.path(environment: HistoryCommand.environment)) else {
            throw HistoryCommand.fail(HistoryError.noPerson(person, similar: []))
        }
        let store = try HistoryCommand.store()
        if !yes {
            // Check-ins under other names go too: listed before the question, not after.
            let elsewhere: [HistoryStore.NamedElsewhere]
            do { elsewhere = try store.checkInsNaming(person).same } catch { throw HistoryCommand.fail(error) }
            let others = elsewhere.isEmpty ? "" : ", with "
                + elsewhere.map { "check-in \($0.id) saved under '\(VisibleText.escaped($0.savedUnder))'" }.joined(separator: ", ")
                + " (\(elsewhere.count == 1 ? "its answers name" : "their answers name") them)"
            try HistoryCommand.confirm(
                "forgetting '\(VisibleText.escaped(person))' deletes their check-ins for good\(others)",
                question: "Delete every check-in of '\(VisibleText.escaped(person))'\(others) for good? Type the name to confirm: ", answer: person)
        }
        let forgotten: HistoryStore.Forgotten
        do { forgotten = try store.forget(person) } catch { throw HistoryCommand.fail(error) }
        let name = VisibleText.escaped(forgotten.person)
        let count = forgotten.checkIns
        var told = "forgot \(name): \(count) check-in\(count == 1 ? "" : "s") deleted"
        if !forgotten.savedUnder.isEmpty {
            let others = forgotten.savedUnder.map { "'\(VisibleText.escaped($0))'" }.joined(separator: ", ")
            told += " (with those saved under \(others) whose answers name them)"
        }
        if forgotten.checks > 0 { told += ", the record of their clinician check\(forgotten.checks == 1 ? "" : "s") deleted" }
        StandardOutput.print(told + ", the file vacuumed and its log cleared")
        // Names match exactly, so the same person saved as 'sam' is still there: say so, rather
        // than let "forgot Sam" read as every trace gone.
        let variants = ((try? store.people()) ?? []).map(\.person).filter { $0.lowercased() == forgotten.person.lowercased() && $0 != forgotten.person }
        for variant in variants {
            var standardError = StandardError()
            print(
                "note: '\(VisibleText.escaped(variant))' is kept as another person (names must match exactly, capitals included); `backcheck history forget '\(VisibleText.escaped(variant))'` forgets those check-ins too",
                to: &standardError)
        }
        for kept in forgotten.kept {
            var standardError = StandardError()
            print(
                "note: check-in \(kept.id), saved under '\(VisibleText.escaped(kept.savedUnder))', names '\(VisibleText.escaped(kept.named))' and is kept (names must match exactly, capitals included); `backcheck history delete \(kept.id)` deletes it",
                to: &standardError)
        }
    }
}
