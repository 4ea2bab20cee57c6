#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import AssessmentKit
import BackCheckYAML
import CheckInHistory

/// `backcheck batch [FILE]`: JSON Lines of answers in, JSON Lines of reports out.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Score many people at once: JSON Lines of answers in, JSON Lines of reports out.",
        // The generated line lists every option and runs to 228 columns.
        usage: "backcheck batch [<file>] [<options>]",
        discussion: """
            Each input line is one person: {"id": ..., "profile": {...}, "answers": {...}} (an answers \
            file with an id; see `backcheck schema batch-input`). Each output line is \
            {"id": ..., "line": N, "report": {...}} with the report as `run --format json` gives it, \
            or, for a line that cannot be scored, {"id": ..., "line": N, "errors": [{"line", "column", \
            "message"}]}; the batch goes on. Output keeps the input order; the work is spread over \
            every core and memory stays flat however long the input. A summary goes to standard \
            error, with a progress bar when it is a terminal. Exits 0 when every line gave a report, \
            1 when any did not (0 with --allow-errors). Ctrl-C finishes and writes the records in \
            flight, then says which input line to go on from (exit 130). To go past one machine, \
            split the input and run one batch per part (GNU parallel, Spark's pipe, Hadoop streaming).
            """)

    @Argument(help: ArgumentHelp("The JSON Lines file (default: standard input).", valueName: "file"))
    var input: String?

    @OptionGroup var catalogue: CatalogueOptions

    @OptionGroup(title: "Program") var program: ProgramArguments

    // Unconditional, as every number option: `--jobs -1` reaches the range check.
    @Option(parsing: .unconditional, help: "The most exercises each plan lists (1 to 100).")
    var maxExercises: Int = 6

    @Flag(help: "A clinician screened every person for red flags in person: an unanswered screen counts as skipped, not incomplete (recorded in each report; a yes to a screen question still wins, and one that needs the age still needs it).")
    var screenedElsewhere = false

    @Flag(help: "Also keep each report as a check-in in your history, under the record's profile.name, else its id.")
    var save = false

    @Option(parsing: .unconditional, help: "Worker threads, 1 to 256 (default: one per core).")
    var jobs: Int?

    @Flag(inversion: .prefixedNo, help: "Show a progress bar on standard error (default: when it is a terminal).")
    var progress: Bool?

    @Flag(help: """
        Exit 0 even when some lines gave error records (Spark's pipe and Hadoop streaming fail a \
        task on any other status); a catalogue or input that cannot be read still exits 1.
        """)
    var allowErrors = false

    func validate() throws {
        guard (1...100).contains(maxExercises) else { throw ValidationError("--max-exercises must be 1 to 100, found \(maxExercises).") }
        if let jobs, !(1...256).contains(jobs) { throw ValidationError("--jobs must be 1 to 256, found \(jobs).") }
    }

    func run() throws {
        var standardError = StandardError()
        if let note = program.pastStartNote(today: Timestamp.now()) { print(note, to: &standardError) }
        let catalogue = try catalogue.load(forReports: true, guiding: false)
        let (descriptor, source, size) = try openInput()
        FreedMemory.keepForReuse()
        defer { if descriptor != 0 { close(descriptor) } }
        var processor = BatchProcessor(
            catalogue: catalogue, source: source, generatedAt: Timestamp.now(), maxExercises: maxExercises, programOptions: program.options,
            screenedElsewhere: screenedElsewhere)
        let tally = SaveTally()
        if save {
            let store = try HistoryCommand.store()
            processor.keep = { report, person in tally.count(try store.save(report, person: person)) }
        }
        var bar = ProgressBar(enabled: progress ?? Terminal.isTerminal(2), total: size)
        var output = OutputBuffer()
        // Ctrl-C finishes the records in flight and writes them: every check-in --save kept
        // has its line, and the message says where to go on from.
        StopRequest.install()
        var failures = 0
        let summary = BatchRunner.run(
            reading: descriptor, processor: processor, workers: jobs ?? BatchRunner.defaultWorkers,
            write: { output.append($0) }, progress: { state in
                // An error record is written out at once: whoever reads the output as it comes
                // sees the problem now, not a buffer later.
                if bar.isDue || state.failures > failures { output.flush() }
                failures = state.failures
                bar.update(state)
            }, shouldStop: { StopRequest.requested != nil }, idle: { output.flush() })
        output.flush()
        bar.finish()
        print(Self.describe(summary, saving: save), to: &standardError)
        if save { print(tally.description, to: &standardError) }
        if summary.stoppedEarly, let signal = StopRequest.requested {
            print(Self.stopped(summary, input: input), to: &standardError)
            throw ExitCode(StopRequest.exitStatus(for: signal))
        }
        if summary.failures > 0, !allowErrors { throw ExitCode(1) }
    }

    /// Where a batch stopped early, and how to go on with the rest of the input.
    static func stopped(_ summary: BatchSummary, input: String?) -> String {
        let saved = summary.records == 0 ? "no record was written" : "every record up to it was written"
        let next = summary.lastLine + 1
        guard let input, input != "-" else {
            return "interrupted: stopped after input line \(summary.lastLine) (\(saved)); to go on, give the input from line \(next) on"
        }
        let quoted = "'" + String(VisibleText.escaped(input).flatMap { $0 == "'" ? Array("'\\''") : [$0] }) + "'"
        return "interrupted: stopped after input line \(summary.lastLine) (\(saved)); to go on: tail -n +\(next) -- \(quoted) | backcheck batch ..."
    }

    /// The input: the file (with its size, for the progress bar) or standard input.
    private func openInput() throws -> (descriptor: Int32, source: String, size: Int?) {
        guard let input, input != "-" else { return (0, "<stdin>", nil) }
        let descriptor = open(input, O_RDONLY)
        guard descriptor >= 0 else {
            var standardError = StandardError()
            print("error: cannot read \(input): \(String(cString: strerror(errno)))", to: &standardError)
            throw ExitCode(1)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else {
            close(descriptor)
            var standardError = StandardError()
            print("error: cannot read \(input): it is a folder; give a JSON Lines file, or - for standard input", to: &standardError)
            throw ExitCode(1)
        }
        // A device (a terminal, /dev/zero) is no file of records: /dev/zero's one line never
        // ends. /dev/null, an empty input scripts pass, is one.
        var null = stat()
        let isNull = stat("/dev/null", &null) == 0 && status.st_rdev == null.st_rdev && (status.st_mode & S_IFMT) == S_IFCHR
        if [S_IFCHR, S_IFBLK].contains(status.st_mode & S_IFMT), !isNull {
            close(descriptor)
            var standardError = StandardError()
            print("error: cannot read \(input): it is a device, not a file of records; give a JSON Lines file, or - for standard input", to: &standardError)
            throw ExitCode(1)
        }
        // A pipe streams (that is what batch is for); only a regular file has a size to show.
        let size = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
        return (descriptor, input, size)
    }

    /// `10000 records: 9998 reports, 2 errors; referrals: 12 soon, 3 same-day`.
    static func describe(_ summary: BatchSummary, saving: Bool = false) -> String {
        func counted(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        var text = "\(counted(summary.records, "record")): \(counted(summary.reports, "report")), \(counted(summary.failures, "error"))"
        let referrals = ["emergency", "same-day", "soon"].compactMap { urgency in summary.referrals[urgency].map { "\($0) \(urgency)" } }
        if !referrals.isEmpty { text += "; referrals: " + referrals.joined(separator: ", ") }
        if let repeated = summary.firstRepeat {
            let others = summary.repeatedIDs - 1
            let more = others == 0 ? "" : others == 1 ? "; 1 more record repeats an earlier id" : "; \(others) more records repeat an earlier id"
            text += "\nwarning: the id '\(VisibleText.excerpt(repeated.id))' is on lines \(repeated.firstLine) and \(repeated.line)\(more): "
                + "a report is matched to its person by id, so give each person their own"
            // --save files a record under its profile.name, else its id: two people may now share a history.
            if saving {
                text += "; records without profile.name were saved under their id, so check `backcheck history list NAME` "
                    + "and remove another person's check-ins with `backcheck history delete ID`"
            }
        }
        return text
    }
}
