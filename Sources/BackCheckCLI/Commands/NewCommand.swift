import ArgumentParser
import AssessmentKit
import BackCheckYAML

/// `backcheck new ID --evaluator PLUGIN`: writes a commented skeleton assessment.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a commented skeleton assessment that lints clean, to start a new one from.",
        usage: "backcheck new <id> [--evaluator <evaluator>] [<options>]",
        discussion: """
            The file holds the assessment, an exercise it recommends and, for normative, a norms table. \
            Beside it, ID.answers.yaml holds the first example's answers, to run the new assessment at once.
            """)

    @Argument(help: "The new assessment's id, in kebab-case (e.g. single-leg-squat).")
    var id: String

    @Option(help: "The evaluator plugin: \(AssessmentTemplate.evaluators.joined(separator: ", ")).")
    var evaluator: String = "thresholds"

    @Option(name: .shortAndLong, help: "Where to write it (default: ID.yaml in the current folder).")
    var output: String?

    @Flag(help: "Replace the file if it exists.")
    var force = false

    func validate() throws {
        let kebab = !id.isEmpty && id.first != "-" && id.last != "-" && !id.contains("--")
            && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        guard kebab else {
            throw ValidationError("'\(id)' is not kebab-case: use lower-case letters and digits joined by hyphens, e.g. single-leg-squat.")
        }
        guard AssessmentTemplate.evaluators.contains(evaluator) else {
            let hint = Suggestion.hint(for: evaluator, among: AssessmentTemplate.evaluators)
            let list = AssessmentTemplate.evaluators.joined(separator: ", ")
            throw ValidationError("unknown evaluator '\(evaluator)'" + (hint.isEmpty ? "; choose one of \(list)." : "\(hint) (the evaluators: \(list))"))
        }
        // The catalogue reads *.yaml and *.yml and skips answers files: any other name would be
        // written and then never found by the commands this one suggests.
        if let output {
            let name = output.split(separator: "/").last.map(String.init) ?? output
            guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else {
                throw ValidationError("--output '\(output)' must end in .yaml (or .yml): catalogue folders are searched for those names only.")
            }
            guard !name.hasSuffix(".answers.yaml"), !name.hasSuffix(".answers.yml") else {
                throw ValidationError("--output '\(output)' is an answers file's name, which catalogue folders skip; name the assessment ID.yaml.")
            }
        }
    }

    func run() throws {
        let path = output ?? "\(id).yaml"
        let stem = path.hasSuffix(".yaml") ? String(path.dropLast(5)) : path.hasSuffix(".yml") ? String(path.dropLast(4)) : path
        let answersPath = stem + ".answers.yaml"
        // Not a usage mistake: said plainly, without the usage lines.
        for file in [path, answersPath] where !force && FileStatus.exists(file) {
            var standardError = StandardError()
            print("error: \(file) already exists; choose another --output or pass --force to replace it.", to: &standardError)
            throw ExitCode(1)
        }
        guard let yaml = AssessmentTemplate.yaml(id: id, evaluator: evaluator),
              let answers = AssessmentTemplate.answers(id: id, evaluator: evaluator) else { throw ExitCode(64) }
        do {
            // Both checked before either is written: a review found the assessment written and
            // then its answers file refused (a symlink there), leaving half a skeleton.
            try AtomicFile.checkWritable(path)
            try AtomicFile.checkWritable(answersPath)
            try AtomicFile.write(yaml, to: path, mode: 0o644)
            try AtomicFile.write(answers, to: answersPath, mode: 0o600)
        } catch {
            var standardError = StandardError()
            print("error: \(error)", to: &standardError)
            throw ExitCode(1)
        }
        // Said before anyone edits it: in a catalogue this skeleton would take the built-in's place.
        if let builtIn = CatalogueListing.builtIn?.rows.first(where: { $0.id == id }) {
            var standardError = StandardError()
            print("warning: '\(id)' is the built-in \(builtIn.title); in a catalogue this skeleton takes its place (answers files for it would then be refused); choose another id unless that is meant, and then add 'replaces: \(id)'", to: &standardError)
        }
        StandardOutput.print("wrote \(path); check it with: backcheck lint \(path)")
        StandardOutput.print("wrote \(answersPath); try it with: backcheck run \(id) --catalog \(AtomicFile.folder(of: path)) --answers \(answersPath)")
    }
}
