import ArgumentParser
import AssessmentKit
import BackCheckYAML

/// The `--catalog DIR` option shared by every command that reads the catalogue.
struct CatalogueOptions: ParsableArguments {
    @Option(
        name: .customLong("catalog"),
        help: ArgumentHelp("A folder of your own catalogue YAML, loaded on top of the built-in one (repeatable).",
                           valueName: "dir"))
    var catalogs: [String] = []

    /// Refuses to write `output` into a `--catalog` folder over any file there (an
    /// assessment, a module, an example's answers) or as a file the catalogue would read next
    /// time: the author's work would be gone, or the catalogue broken. With `answersAllowed`,
    /// an answers file (`*.answers.yaml`, which the catalogue does not read) may be written there.
    func refuseWriting(_ output: String?, option: String, answersAllowed: Bool = false) throws {
        guard let output, output != "-" else { return }
        let name = String(output[(output.lastIndex(of: "/").map(output.index(after:)) ?? output.startIndex)...])
        let answers = name.hasSuffix(".answers.yaml") || name.hasSuffix(".answers.yml")
        for folder in catalogs {
            let inside = FileStatus.same(output, folder) || FileStatus.isInside(output, folder: folder)
            guard inside, !(answersAllowed && answers) else { continue }
            guard FileStatus.exists(output) || CatalogueLayer.isCatalogueFile(name) else { continue }
            throw ValidationError(
                "\(option) \(output) is in the catalogue folder \(folder) (--catalog): it would "
                    + (FileStatus.exists(output) ? "write over a file there" : "be read as a catalogue file next time")
                    + "; write it outside the folder.")
        }
    }

    /// The built-in catalogue plus every `--catalog` folder, loaded and checked. With an error,
    /// prints every error to standard error and exits 1, so a command never works on a
    /// half-loaded catalogue. Warnings (an unfinished skeleton has a dozen) are counted in one
    /// line pointing at `lint`, so they do not push a report, or an error, off the screen.
    /// `forReports` works out each assessment's digest from the first read (see
    /// ``CatalogueLoader/digestsAtLoad``), so no file's bytes are kept, and leaves the built-in
    /// examples unread (see ``CatalogueLoader/skipsBuiltInExamples``): for commands that write
    /// reports, or pages (which show neither). Every example is checked and none is kept
    /// (``CatalogueLoader/keepsExamples``): no command that loads this way runs one.
    ///
    /// Given `answering`, the ids of the assessments a run scores, only those and the red-flag
    /// screens are kept (``CatalogueLoader/keepsOnly``); every other assessment is still read
    /// and checked. Without `--catalog`, only the part of the built-in catalogue those need is
    /// read (``CatalogueLayer/builtIn(answering:from:)``). Either way the catalogue is then
    /// good for scoring those answers and nothing else. Given `keeping` instead, the whole
    /// catalogue is read and only those assessments and the screens are kept, for a command
    /// that shows one (of the others, only what `list` shows of them; pass none to list them).
    /// `guiding: false`, for a command that scores answers it was given and guides no one,
    /// lets each test's guidance go once checked (``CatalogueLoader/keepsGuidance``).
    func load(
        forReports: Bool = false, guiding: Bool = true, answering ids: Set<String>? = nil, keeping kept: Set<String>? = nil
    ) throws -> Catalogue {
        let builtIn = ids.flatMap { catalogs.isEmpty ? CatalogueLayer.builtIn(answering: $0) : nil } ?? .builtIn
        var layers = [builtIn]
        var problems = DiagnosticLog()
        for path in catalogs {
            let (layer, unreadable) = CatalogueLayer.fromDisk(path)
            layers.append(layer)
            problems.append(contentsOf: unreadable)
        }
        // No command but `lint` (which loads its own way) runs an example or lists a warning:
        // examples are checked, not kept, and warnings counted.
        let loader = CatalogueLoader(
            registry: ProgramRegistry.current, digestsAtLoad: forReports, skipsBuiltInExamples: forReports, keepsExamples: false,
            keepsOnly: ids ?? kept, keepsGuidance: guiding, keepsWarnings: false)
        let result = loader.load(consume layers)
        problems.append(contentsOf: result.diagnostics)
        var standardError = StandardError()
        let lint = (["backcheck", "lint"] + catalogs.map { $0.contains(" ") ? "'\($0)'" : $0 }).joined(separator: " ")
        let warnings = problems.count - problems.errorCount
        let counted = warnings == 1 ? "1 warning" : "\(warnings) warnings"
        guard let catalogue = result.catalogue, !problems.hasErrors else {
            // The errors alone: a large catalogue can have thousands of warnings (every number
            // without a source), which would bury the one line that stopped the command.
            for problem in problems.sorted where problem.severity == .error { print(problem, to: &standardError) }
            if warnings > 0 { print("note: the catalogue also has \(counted); `\(lint)` lists them", to: &standardError) }
            print("error: the catalogue has \(problems.distinctErrorCount) error(s); fix them and try again", to: &standardError)
            throw ExitCode(1)
        }
        if warnings > 0 {
            print("note: the catalogue has \(counted); `\(lint)` lists them", to: &standardError)
        }
        for replacement in catalogue.replacements {
            print("note: \(replacement)", to: &standardError)
        }
        return catalogue
    }
}
