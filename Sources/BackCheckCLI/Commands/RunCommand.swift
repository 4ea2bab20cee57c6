import BackCheckPluginAPI
import ArgumentParser
import AssessmentKit
import BackCheckYAML
import CheckInHistory

/// `backcheck run [ID...]`: runs assessments from an answers file or, at a terminal, by
/// asking, and writes the report.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run assessments and write a report with a prioritised exercise plan.",
        discussion: """
            With --answers FILE (YAML or JSON), the answers come from the file. At a terminal without \
            --answers, you are guided through each test. Bad answers print every problem and exit 1 \
            without writing anything.

            In the guided session: answer and press Enter; 'back' answers the question before again \
            (within a test); 'skip' leaves out an optional answer (Enter does too, but for a time, \
            where it starts the stopwatch), and 'skip' at a test's start leaves the whole test out. A timed hold starts with Enter and a 3-2-1 countdown \
            with a bell; any key stops the clock, then Enter keeps the time, 'r' tries again, and \
            'pain' says the hold was stopped because it hurt. Ctrl-C or Ctrl-D stops at any time \
            and nothing is written. Colour is left out when NO_COLOR is set; TERM=dumb gets no \
            escape codes.
            """)

    @Argument(help: "Only these assessments (the red-flag screen is always run when answered).")
    var ids: [String] = []

    @Option(help: ArgumentHelp("The answers file (YAML or JSON); - reads standard input.", valueName: "file"))
    var answers: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("Override one answer: ID.input[.side]=VALUE (repeatable).", valueName: "answer"))
    var overrides: [String] = []

    @OptionGroup var catalogue: CatalogueOptions

    @Option(name: .customLong("format"), help: "Report format: text, json, markdown, html, or ics (the program as a calendar); without it, the --output file's extension (.json, .md, .html, .ics) says, else text.")
    var chosenFormat: ReportFormat?
    /// `--format`, else what the output file's extension names, else text.
    var format: ReportFormat { chosenFormat ?? ReportFormat.implied(by: output) ?? .text }

    @OptionGroup(title: "Program") var program: ProgramArguments

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    // Unconditional: `--max-exercises -2` reaches the range check instead of reading as an option.
    @Option(parsing: .unconditional, help: "The most exercises the plan lists (1 to 100).")
    var maxExercises: Int = 6

    @Flag(help: "A clinician screened you for red flags in person: an unanswered screen counts as skipped, not incomplete (recorded in the report; a yes to a screen question still wins, and one that needs your age still needs it).")
    var screenedElsewhere = false

    @Flag(help: "Show the arithmetic behind the plan's order: severities, evidence weights and priorities.")
    var explain = false

    @Option(help: ArgumentHelp("Also save the answers (YAML, mode 0600) to re-run or compare later.", valueName: "file"))
    var saveAnswers: String?

    @Flag(help: "Also keep the report as a check-in in your history (see `backcheck history`).")
    var save = false

    @Option(help: ArgumentHelp("Whose check-in it is (default: the answers' profile.name).", valueName: "name"))
    var person: String?

    func validate() throws {
        guard (1...100).contains(maxExercises) else { throw ValidationError("--max-exercises must be 1 to 100, found \(maxExercises).") }
        if answers == nil, !overrides.isEmpty { throw ValidationError("--set changes answers from --answers FILE; give the file too.") }
        // A guided run asks no name: say so before the session, not after every answer is given.
        if let person, person.allSatisfy(\.isWhitespace) {
            throw ValidationError("--person is empty; give the person's name, such as --person Sam.")
        }
        if save, answers == nil, person == nil {
            throw ValidationError("--save in a guided run needs to know whose check-in it is: add --person NAME.")
        }
        try FileStatus.refuseOverwriting(output, option: "--output", inputs: [("--answers", answers), ("--save-answers", saveAnswers)])
        try FileStatus.refuseOverwriting(saveAnswers, option: "--save-answers", inputs: [("--answers", answers)])
        if saveAnswers == "-", output == nil || output == "-" {
            throw ValidationError("--save-answers - and the report would both go to standard output, mixed; give one of them a file (--output FILE or --save-answers FILE).")
        }
        try catalogue.refuseWriting(output, option: "--output")
        try catalogue.refuseWriting(saveAnswers, option: "--save-answers", answersAllowed: true)
        if answers == nil, !Terminal.isTerminal(0) {
            throw ValidationError("no answers: give --answers FILE (see `backcheck schema answers`), or run at a terminal to be guided through the tests.")
        }
    }

    func run() throws {
        var standardError = StandardError()
        var parsedOverrides: [AnswerOverride] = []
        var problems = DiagnosticLog()
        for text in overrides {
            switch AnswerOverride.parse(text) {
            case .success(let override): parsedOverrides.append(override)
            case .failure(let problem): problems.append(problem)
            }
        }
        let catalogue: Catalogue
        var answerSet: AnswerSet
        // Opened before a guided session asks anything, else once the owner is known.
        var store: HistoryStore?
        if let path = answers {
            let loaded: Result<AnswerSet, AnswerProblems>
            (catalogue, loaded) = try catalogueAndAnswers(path, overrides: parsedOverrides)
            switch loaded {
            case .success(let set) where problems.isEmpty: answerSet = set
            case .success: throw fail(problems, &standardError)
            case .failure(let failure):
                problems.append(contentsOf: failure.diagnostics)
                throw fail(problems, &standardError)
            }
        } else {
            // A session of named tests keeps those (and the screens); one that asks which keeps all.
            catalogue = try self.catalogue.load(forReports: true, keeping: ids.isEmpty ? nil : Set(ids))
            // A session can take half an hour: every path, the name and the store are checked
            // before the first question, so none of it is lost to a typo in an option.
            do {
                try Output.checkWritable(output)
                try Output.checkWritable(saveAnswers)
            } catch {
                print("error: \(error); nothing was asked", to: &standardError)
                throw ExitCode(1)
            }
            if save, let person { store = try Self.storeForSaving(person) }
            let order = try SessionOrder.assessments(ids, in: catalogue)
            RawMode.prepare()
            do {
                switch try InteractiveSession(terminal: Terminal(), catalogue: catalogue, assessments: order, askWhichTests: ids.isEmpty).run() {
                // An emergency or a referral ends the session early; its report leads with the referral either way.
                case .finished(let set), .emergency(let set), .stoppedForReferral(let set): answerSet = set
                }
            } catch is Terminal.EndOfInput {
                print("\nstopped: the input ended before the session finished; nothing was written", to: &standardError)
                throw ExitCode(1)
            }
            // The session asks no name: the one given with --person is the report's and goes into
            // the saved answers, so `run --answers FILE --save` later keeps the same history.
            if let person, answerSet.profile.name == nil { answerSet.profile.name = person }
        }
        if screenedElsewhere { answerSet.screenedElsewhere = true }
        let owner = save ? person ?? answerSet.profile.name : nil
        if save, owner?.isEmpty != false {
            print("error: --save needs to know whose check-in it is: give --person NAME, or a name under 'profile'; nothing was written", to: &standardError)
            throw ExitCode(1)
        }
        // The store and the name are checked before anything is written: a store that cannot
        // be opened must not leave a report on disk whose check-in was never kept.
        if store == nil, let owner { store = try Self.storeForSaving(owner) }
        var builder = ReportBuilder(catalogue: catalogue, maxExercises: maxExercises, programOptions: program.options)
        if let store, let owner { builder.standingReferral = Self.standingReferral(of: owner, in: store) }
        let report = builder.report(for: answerSet, generatedAt: Timestamp.now())
        if let note = program.pastStartNote(today: report.generatedAt) { print(note, to: &standardError) }
        // A report with no program has no calendar; the answers (a guided session's work) and
        // the check-in are still kept, and the referral still comes last.
        let noCalendar = format == .ics ? Output.noCalendar(report) : nil
        do {
            // Both paths are checked before either is written, and the report is written first:
            // a run that fails must not have replaced the answers kept from an earlier one.
            try Output.checkWritable(output)
            try Output.checkWritable(saveAnswers)
            if noCalendar == nil {
                let colour = format == .text && Output.colourStandardOutput(to: output)
                // The calendar's events belong to the person named, as the check-in does.
                let named = person.map { (try? HistoryStore.check(person: $0)) ?? $0 }
                try Output.write(format.render(report, colour: colour, explain: explain, width: Output.textWidth(to: output), person: named), to: output)
            }
            if let saveAnswers {
                try Output.write(answerSet.yaml(comment: "Answers for backcheck run --answers; saved \(report.generatedAt)"), to: saveAnswers)
            }
        } catch {
            print("error: \(error)", to: &standardError)
            if answers == nil {
                // A guided session's work is not lost to a file that could not be written: the
                // report and the answers go to the screen instead, to copy or redirect.
                print("The report and your answers follow here instead; run again with --answers on the saved answers to write the file.", to: &standardError)
                StandardOutput.write(TextExport(width: Output.textWidth(to: nil)).render(report))
                StandardOutput.write("\n" + answerSet.yaml(comment: "Answers for backcheck run --answers; given \(report.generatedAt)"))
            }
            throw ExitCode(1)
        }
        if let noCalendar { print("error: \(noCalendar); no calendar was written", to: &standardError) }
        if noCalendar == nil, let output, output != "-" { print("wrote \(VisibleText.escaped(output))", to: &standardError) }
        if let saveAnswers { print("saved the answers to \(VisibleText.escaped(saveAnswers))", to: &standardError) }
        if let store, let owner { try saveCheckIn(report, owner: owner, in: store) }
        // After a guided run, a referral is the last thing on screen, whatever came before it.
        if answers == nil, let box = TextExport(width: Terminal().width, colour: Terminal().colour).referral(of: report) {
            print("\n" + box, terminator: "", to: &standardError)
        }
        if noCalendar != nil { throw ExitCode(1) }
    }

    /// The history store `--save` keeps the check-in of `owner` in, once `owner` is known to be
    /// a name it takes; otherwise the reason, with "nothing was written", and exit 1.
    private static func storeForSaving(_ owner: String) throws -> HistoryStore {
        do {
            try HistoryStore.check(person: owner)
            return try HistoryCommand.openStore()
        } catch {
            // A reason that is whole sentences (a store that is not one) ends with its own stop.
            let reason = "\(error)"
            throw HistoryCommand.say(reason.hasSuffix(".")
                ? "\(reason) Nothing was written (fix that, or leave out --save)."
                : "\(reason); nothing was written (fix that, or leave out --save)")
        }
    }

    /// Keeps the report as a check-in of `owner` (`--save`).
    private func saveCheckIn(_ report: Report, owner: String, in store: HistoryStore) throws {
        var standardError = StandardError()
        let outcome: HistoryStore.SaveOutcome
        do { outcome = try store.save(report, person: owner) } catch { throw HistoryCommand.fail(error) }
        // Named as it is kept ("  zoë " is saved as "zoë").
        let kept = (try? HistoryStore.check(person: owner)) ?? owner
        switch outcome {
        case .saved(let id):
            print("saved check-in \(id) for \(VisibleText.escaped(kept)) in \(store.path)", to: &standardError)
            if let doubt = Self.doubtAboutOwner(report, kept: kept, id: id, in: store) {
                print("note: \(doubt); if it is someone else's, remove it with `backcheck history delete \(id)` and save it under their name", to: &standardError)
            }
            if let standing = report.referral?.standing {
                print("note: the referral of check-in \(standing.checkIn) (\(standing.generatedAt.prefix(10))) stands in this report too, until \(VisibleText.escaped(kept)) has been checked; then record it with `backcheck history checked NAME`", to: &standardError)
            }
        case .alreadySaved(let id): print("already saved as check-in \(id) for \(VisibleText.escaped(kept)); not saved again", to: &standardError)
        }
        // "anna" and "Anna" are two people to the store: say so before their check-ins part ways.
        if let similar = try? store.namesLike(owner), !similar.isEmpty {
            let names = similar.map { "'\(VisibleText.escaped($0))'" }.joined(separator: " and ")
            let saved = similar.count == 1 ? "is saved too, as a different person" : "are saved too, as different people"
            print("note: \(names) \(saved) (names must match exactly, capitals included); use --person with the same spelling to keep one history", to: &standardError)
        }
    }

    /// The referral of `owner`'s latest check-in that had one, when no clinician's check has
    /// been recorded since (`history checked`): it stands in this report too, so a plan of
    /// loaded work and a calendar do not read as leave to ignore it (a coach's and a lifter's
    /// review found programs saved without a word).
    private static func standingReferral(of owner: String, in store: HistoryStore) -> Referral? {
        guard let earlier = (try? store.standingReferralCheckIn(of: owner)) ?? nil, var referral = earlier.report.referral
        else { return nil }
        // Its earlier part came from a check-in since deleted: only its own part stands.
        if let origin = referral.standing?.checkIn, ((try? store.checkIn(origin)) ?? nil) == nil {
            guard let own = referral.ownPart(of: earlier.report) else { return nil }
            referral = own
        }
        return referral.standing(since: earlier.id, generatedAt: earlier.generatedAt)
    }

    /// Why check-in `id`, kept under the name `kept`, may not be that person's: the answers
    /// name someone else, or its profile does not fit the check-in before it (another name,
    /// sex, or an age that cannot follow).
    private static func doubtAboutOwner(_ report: Report, kept: String, id: Int64, in store: HistoryStore) -> String? {
        if let named = report.profile.name, (try? HistoryStore.check(person: named)) != kept {
            return "the answers name '\(VisibleText.escaped(named))', and the check-in was saved under '\(VisibleText.escaped(kept))' as asked"
        }
        guard let earlier = (try? store.checkIns(of: kept))?.last(where: { $0.id != id }) else { return nil }
        return Comparison.personMismatch(earlier: earlier.report, later: report).map { "this check-in does not fit the one before it (\($0))" }
    }

    private func fail(_ problems: DiagnosticLog, _ standardError: inout StandardError) -> ExitCode {
        // In the order of the file (they are found test by test).
        for problem in Diagnostic.inFileOrder(problems.all) { print(problem, to: &standardError) }
        // Every problem, also those summed up in one "... and N more like this" line.
        let count = problems.distinctErrorCount
        print("error: \(count) problem\(count == 1 ? "" : "s") with the answers; nothing was written", to: &standardError)
        return ExitCode(1)
    }
}

/// The assessments of an interactive session: the ones named (or all), red-flag screens first.
enum SessionOrder {
    static func assessments(_ ids: [String], in catalogue: Catalogue) throws -> [Assessment] {
        var chosen: [Assessment] = []
        for id in ids {
            guard let assessment = catalogue.assessment(id) else {
                let hint = Suggestion.hint(for: id, among: catalogue.everyAssessmentID)
                throw ValidationError("unknown assessment '\(id)'\(hint)\(hint.isEmpty ? ";" : "") `backcheck list` shows them.")
            }
            chosen.append(assessment)
        }
        let pool = ids.isEmpty ? catalogue.assessments : chosen
        let screens = catalogue.assessments.filter(\.isRedFlagScreen)
        return screens + pool.filter { !$0.isRedFlagScreen }
    }
}
