#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import AssessmentKit
import BackCheckYAML
import BuiltinCatalogue

/// `backcheck docs TOPIC`: the format, expression and report guides at the terminal, from the
/// same Markdown as the DocC documentation, wrapped to the terminal (see ``GuideText``).
struct DocsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Read a guide (format, expressions, report, evaluators), or write the catalogue as a website (--output DIR).")

    enum Topic: String, ExpressibleByArgument, CaseIterable {
        case format, expressions, report, evaluators

        var article: String {
            switch self {
            case .format: "CatalogueFormat"
            case .expressions: "Expressions"
            case .report: "ReportJSON"
            case .evaluators: "WritingAnEvaluator"
            }
        }
    }

    @Argument(help: "format, expressions, report or evaluators.")
    var topic: Topic?

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the catalogue (built-in plus --catalog) as static HTML pages into this folder.", valueName: "dir"))
    var output: String?

    @Flag(help: "With --output, replace files in the folder that backcheck did not write.")
    var force = false

    @OptionGroup var catalogue: CatalogueOptions

    func validate() throws {
        if topic == nil, output == nil { throw ValidationError("give a guide (format, expressions, report or evaluators), or --output DIR for the catalogue's pages.") }
        if topic != nil, output != nil { throw ValidationError("give a guide or --output DIR, not both.") }
    }

    func run() throws {
        if let output { return try writeSite(to: output) }
        guard let topic else { return }
        guard let text = BuiltinCatalogue.articles.first(where: { $0.name == topic.article })?.text else {
            throw ValidationError("the guide '\(topic.rawValue)' is missing from this build")
        }
        let guides = Dictionary(uniqueKeysWithValues: Topic.allCases.map { ($0.article, $0.rawValue) })
        StandardOutput.write(GuideText.render(text, width: Output.textWidth(to: nil), guides: guides))
    }

    /// Writes every page into `folder` (made when missing), each atomically. The pages are the
    /// catalogue's public text, not health data, so they get the usual modes less the umask
    /// (0755 and 0644 under the common 022; private under 077).
    private func writeSite(to folder: String) throws {
        var standardError = StandardError()
        var status = stat()
        if lstat(folder, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                print("error: \(folder) exists and is not a folder; give a folder for the pages", to: &standardError)
                throw ExitCode(1)
            }
        } else if mkdir(folder, 0o755) != 0 {
            let reason = errno == ENOENT
                ? "the folder it goes in does not exist; create it first (mkdir -p \(VisibleText.escaped(folder)))"
                : String(cString: strerror(errno))
            print("error: cannot make \(VisibleText.escaped(folder)): \(reason)", to: &standardError)
            throw ExitCode(1)
        }
        // Loaded as for a report: no page shows a digest or an example, and working the
        // digests out now lets each file's bytes go (63 MiB of a 10 000-file catalogue).
        let loaded = try catalogue.load(forReports: true)
        let pages = CatalogueSite.pages(loaded)
        // Each path is made as it is checked, not all kept in a list.
        let targets = pages.lazy.map { folder + "/" + $0.name }
        // Not even --force replaces a folder or a device: say so first, not after --force fails.
        if let blocked = targets.first(where: Self.existsButNotAFile) {
            print("error: \(VisibleText.escaped(blocked)) exists and is not a regular file; move it aside or give an empty folder; nothing was written", to: &standardError)
            throw ExitCode(1)
        }
        // Someone else's page of the same name (an index.html) is not replaced unasked.
        let foreign = force ? [] : targets.filter { Self.existsUnlessOurs($0) }
        if let first = foreign.first {
            let more = foreign.count > 1 ? " (and \(foreign.count - 1) more)" : ""
            print("error: \(first)\(more) was not written by backcheck; give an empty folder, or --force to replace it; nothing was written", to: &standardError)
            throw ExitCode(1)
        }
        do {
            let mask = umask(0)
            umask(mask)
            for page in pages { try AtomicFile.write(page.html(in: loaded), to: folder + "/" + page.name, mode: 0o666 & ~mask) }
        } catch {
            print("error: \(error)", to: &standardError)
            throw ExitCode(1)
        }
        print("wrote \(pages.count) pages to \(VisibleText.escaped(folder)) (open \(VisibleText.escaped(folder))/index.html)", to: &standardError)
    }

    /// Whether something other than a regular file (a folder, a link, a device) is at `path`.
    private static func existsButNotAFile(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG
    }

    /// Whether something is at `path` that a BackCheck page did not put there: the first
    /// kilobyte of a page holds ``HTMLText/generatorMark``.
    private static func existsUnlessOurs(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return false }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return true }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return true }
        defer { close(descriptor) }
        var head = [UInt8](repeating: 0, count: 1024)
        let count = head.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        return !String(decoding: head.prefix(max(0, count)), as: UTF8.self).contains(HTMLText.generatorMark)
    }
}
