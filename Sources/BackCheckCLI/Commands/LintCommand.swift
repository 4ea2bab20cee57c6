import ArgumentParser
import AssessmentKit
import BackCheckYAML

/// `backcheck lint [PATH...]`: checks catalogue files and runs their examples.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check catalogue files and run their examples; print every problem as FILE:LINE:COLUMN: error: MESSAGE.",
        usage: "backcheck lint [<paths> ...] [<options>]",
        discussion: """
            Without a path, checks the built-in catalogue. Paths are loaded on top of the built-in \
            catalogue, as `--catalog` would load them, so your files may use built-in exercises and \
            norms. Folders are searched for .yaml and .yml files (answers files, *.answers.yaml, are \
            skipped). Every assessment's examples are run; a failing one is an error at its line. \
            Problems go to standard error, a one-line summary to standard output. Exits 0 when no \
            errors were found, 1 otherwise.
            """
    )

    @Argument(help: "Files, or folders to search for .yaml and .yml files (default: the built-in catalogue).")
    var paths: [String] = []

    @Flag(help: "Fail (exit 1) on warnings too: placeholder text, words outside the vocabulary, a replaced built-in without 'replaces', a scoring number no reference names.")
    var strict = false

        @Option(help: "How to write the problems: text, json, sarif, github, checkstyle or junit.")
    var reporter: LintReporter = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file (mode 0600) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        var layers = [CatalogueLayer.builtIn]
        var log = DiagnosticLog()
        var fileCount = paths.isEmpty ? layers[0].files.count : 0
        for path in paths {
            let (layer, problems) = CatalogueLayer.fromDisk(path)
            // The report must not replace a file it is about, named or found in a folder.
            try FileStatus.refuseOverwriting(
                output, option: "--output", inputs: [("a path to check", path)] + layer.files.map { ("a file to check", $0.path) })
            // A report named like a catalogue file inside the folder would be checked next time.
            if let output, output != "-", FileStatus.isInside(output, folder: path),
               CatalogueLayer.isCatalogueFile(String(output.split(separator: "/").last ?? "")) {
                throw ValidationError("--output \(output) is inside \(path), which is being checked: it would be read as a catalogue file next time; write it outside the folder.")
            }
            // Nor over another file of a checked folder (a module, an author's notes).
            if let output, output != "-", FileStatus.isFolder(path), FileStatus.isInside(output, folder: path), FileStatus.exists(output) {
                throw ValidationError("--output \(output) is a file in \(path), which is being checked: the report would write over it; write it outside the folder.")
            }
            log.append(contentsOf: problems)
            // Passing because there was nothing to check must not look like passing.
            if layer.files.isEmpty, problems.isEmpty {
                log.warning("\(path) holds no catalogue files (*.yaml or *.yml, answers files aside); nothing in it was checked", at: nil)
            }
            layers.append(layer)
            fileCount += layer.files.count
        }
        // Examples run as each assessment is read, and nothing is kept (each file's bytes are let go
        // once read, hence `consume`): memory stays flat for any size.
        let result = CatalogueLoader(registry: ProgramRegistry.current).lint(consume layers)
        log.append(contentsOf: result.diagnostics)
        // A file checked alone may name a module beside it; and a report is never a module,
        // so one is not replaced even when no checked file names it (a broken one, say).
        try FileStatus.refuseOverwriting(output, option: "--output", inputs: result.modules.map { ("a module the checked files use", $0) })
        if let output, output.hasSuffix(".wasm"), FileStatus.exists(output) {
            throw ValidationError("--output \(output) is a WebAssembly module, which the report would replace; write the report to another file.")
        }

        var standardError = StandardError()
        let errors = log.distinctErrorCount
        let warnings = log.filter { $0.severity == .warning }.count
        // The counts after the files cover the built-in catalogue too, which the files load over.
        var summary = paths.isEmpty
            ? "\(counted(fileCount, "built-in file")): \(counted(result.assessments, "assessment")), "
            : "\(counted(fileCount, "file")) over the built-in catalogue: \(counted(result.assessments, "assessment")) in all, "
        summary += "\(counted(result.examples, "example")) run, \(counted(errors, "error"))"
        if warnings > 0 { summary += ", \(counted(warnings, "warning"))" }
        if reporter == .text && output == nil {
            for diagnostic in log.sorted { print(diagnostic, to: &standardError) }
            StandardOutput.print(summary)
        } else {
            let counts = LintSummary(
                files: fileCount, assessments: result.assessments, examples: result.examples, errors: errors, warnings: warnings)
            let text = reporter == .text
                ? reporter.render(log.sorted, summary: counts) + summary + "\n"
                : reporter.render(log.sorted, summary: counts, examples: result.exampleOutcomes)
            try Output.deliver(text, to: output)
            // The summary still reaches a person watching the terminal.
            if output != nil || reporter != .text { print(summary, to: &standardError) }
        }
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }

    private func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
