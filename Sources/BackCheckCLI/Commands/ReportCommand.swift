import BackCheckYAML
import ArgumentParser
import AssessmentKit

/// `backcheck report FILE.json`: re-renders a saved JSON report (its program laid out again with
/// `--start`, `--weeks` or `--days`), or compares it with an earlier one.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Re-render a saved JSON report, or compare it with an earlier one (--compare).",
        usage: "backcheck report <file.json> [--compare <earlier.json>] [<options>]")

    @Argument(help: ArgumentHelp("A report written by `backcheck run --format json`; - reads standard input.", valueName: "file.json"))
    var report: String

    @Option(name: .customLong("format"), help: "Output format: text, json, markdown, html, or ics (the program as a calendar); without it, the --output file's extension (.json, .md, .html, .ics) says, else text.")
    var chosenFormat: ReportFormat?
    /// `--format`, else what the output file's extension names, else text.
    var format: ReportFormat { chosenFormat ?? ReportFormat.implied(by: output) ?? .text }

    @Option(help: ArgumentHelp("An earlier JSON report: show what changed since then.", valueName: "earlier.json"))
    var compare: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(help: "Show the arithmetic behind the plan's order: severities, evidence weights and priorities.")
    var explain = false

    @Flag(help: "Compare even when the two reports look like different people.")
    var force = false

    @OptionGroup(title: "Program (lays the saved plan out again)") var program: ProgramArguments

    @OptionGroup var catalogue: CatalogueOptions

    func validate() throws {
        if compare != nil, program.isGiven {
            throw ValidationError("--weeks, --start and --days lay out one report's program; they do not go with --compare.")
        }
        if compare != nil, format == .ics { throw ValidationError("--compare has no calendar form; use text, json, markdown or html.") }
        try FileStatus.refuseOverwriting(output, option: "--output", inputs: [("the report", report), ("--compare", compare)])
        if let compare, FileStatus.same(compare, report) {
            throw ValidationError("--compare names the report itself (\(compare)); give an earlier report of the same person.")
        }
        try catalogue.refuseWriting(output, option: "--output")
    }

    func run() throws {
        var later = try load(report)
        if program.isGiven {
            // The exercises' doses and progressions, and the findings' lift patterns, come from
            // the catalogue, as they did when the report was made.
            later.program = later.program(program.options, catalogue: try catalogue.load())
            if let note = program.pastStartNote(today: Timestamp.now()) {
                var standardError = StandardError()
                print(note, to: &standardError)
            }
        }
        let text: String
        if let compare {
            var earlier = try load(compare)
            if !force, let reason = Comparison.personMismatch(earlier: earlier, later: later) {
                var standardError = StandardError()
                print("error: \(reason); compare one person's reports, or pass --force", to: &standardError)
                throw ExitCode(1)
            }
            // Read the other way round, an old referral would lead as where the person stands now.
            if earlier.generatedAt > later.generatedAt {
                var standardError = StandardError()
                print("note: --compare \(compare) (\(earlier.generatedAt)) was made after \(report) (\(later.generatedAt)); comparing from the earlier to the later", to: &standardError)
                swap(&earlier, &later)
            }
            text = ComparisonExport.render(Comparison(earlier: earlier, later: later), format: format)
        } else {
            if format == .ics, let reason = Output.noCalendar(later) {
                var standardError = StandardError()
                print("error: \(reason); nothing was written", to: &standardError)
                throw ExitCode(1)
            }
            text = format.render(later, colour: format == .text && Output.colourStandardOutput(to: output), explain: explain, width: Output.textWidth(to: output))
        }
        try Output.deliver(text, to: output)
    }

    /// Whether the file reads as an answers file (a mapping with `answers` and no `schema`).
    private static func looksLikeAnswers(_ path: String) -> Bool {
        guard case .success(let bytes) = FileBytes.load(path, limit: YAMLLimits.default.maxFileBytes),
              let root = YAMLParser().parse(bytes, file: path).documents.first?.root else { return false }
        return root["answers"]?.mapping != nil && root["schema"] == nil
    }

    private func load(_ path: String) throws -> Report {
        let loaded: Result<Report, ReportReadError>
        if path == "-" {
            switch StandardInput.bytes() {
            case .success(let bytes): loaded = Report.read(json: bytes, file: StandardInput.name)
            case .failure(let problem):
                var standardError = StandardError()
                print(problem, to: &standardError)
                throw ExitCode(1)
            }
        } else {
            loaded = Report.load(path)
        }
        switch loaded {
        case .success(let report): return report
        case .failure(let failure):
            var standardError = StandardError()
            // An answers file given where a report belongs is the likeliest mix-up: say so first.
            if path.hasSuffix(".answers.yaml") || path.hasSuffix(".answers.yml") || Self.looksLikeAnswers(path) {
                print("error: \(path) is an answers file, not a report; make the report with `backcheck run --answers \(path)`", to: &standardError)
                throw ExitCode(1)
            }
            for problem in failure.diagnostics { print(problem, to: &standardError) }
            print("error: \(path) is not a report this program can read", to: &standardError)
            throw ExitCode(1)
        }
    }
}
