import ArgumentParser
import BackCheckYAML

/// `backcheck lint PATH...`: reads YAML files and reports every problem found in them.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check YAML files and print every problem as FILE:LINE:COLUMN: error: MESSAGE.",
        discussion: """
            Folders are searched for .yaml and .yml files. Problems go to standard error, a \
            one-line summary to standard output. Exits 0 when no errors were found, 1 otherwise.
            """
    )

    @Argument(help: "Files, or folders to search for .yaml and .yml files.")
    var paths: [String] = []

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or folder to lint.") }
    }

    func run() throws {
        let (files, discoveryProblems) = YAMLFileFinder.files(in: paths)
        var log = discoveryProblems
        let parser = YAMLParser()
        for file in files {
            log.append(contentsOf: parser.parseFile(atPath: file).diagnostics.sorted)
        }
        var standardError = StandardError()
        for diagnostic in log { print(diagnostic, to: &standardError) }
        let errors = log.errors.count
        let warnings = log.count - errors - log.filter { $0.severity == .note }.count
        var summary = "\(counted(files.count, "file")), \(counted(errors, "error"))"
        if warnings > 0 { summary += ", \(counted(warnings, "warning"))" }
        print(summary)
        if errors > 0 { throw ExitCode(1) }
    }

    private func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
