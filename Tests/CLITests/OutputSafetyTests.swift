import Foundation
import Testing

/// Where results go: never over something that is not a regular file or is one of the
/// command's own inputs, errors on standard output reported, input files checked for their
/// type before they are opened (hardening, second round: items 3-6, 8 and the temporary name).
@Suite struct OutputSafetyTests {
    static let story = "Assessments/stories/weak-core.answers.yaml"

    /// Runs the binary through the shell, so standard output can be redirected.
    static func shell(_ script: String) throws -> CLI.Result {
        let binary = try #require(CLI.binary)
        return try CLI.tool("sh", ["-c", script, binary])
    }

    @Test func aWriteErrorOnStandardOutputExitsOneWithTheReason() throws {
        for command in ["\"$0\" list", "\"$0\" run --answers \(Self.story)", "\"$0\" show core-endurance-mcgill",
                        "echo '{\"id\": 1, \"answers\": {}}' | \"$0\" batch --allow-errors"] {
            let result = try Self.shell(command + " > /dev/full")
            #expect(result.status == 1, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("cannot write standard output: No space left on device"), "\(command)")
        }
        // A reader that goes away early ends the program quietly.
        let piped = try Self.shell("\"$0\" run --answers \(Self.story) | head -1; echo \"status ${PIPESTATUS:-0}\"")
        #expect(!piped.stderr.contains("cannot write"))
    }

    @Test func outputOntoSomethingThatIsNotARegularFileIsRefused() throws {
        let folder = try CLI.temporaryFolder()
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let target = folder.appendingPathComponent("real.txt").path
        try "keep me".write(toFile: target, atomically: true, encoding: .utf8)
        let link = folder.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        for (path, kind) in [(fifo, "a named pipe"), (folder.path, "a folder"), (link, "a symbolic link")] {
            let result = try CLI.run(["run", "--answers", Self.story, "--output", path])
            #expect(result.status == 1, "\(path)")
            #expect(result.stderr.contains("it exists and is not a regular file (\(kind))"), "\(result.stderr)")
        }
        var status = stat()
        #expect(lstat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")
    }

    /// Found by a review: a run whose --output was a folder failed, yet had already replaced
    /// the --save-answers file kept from an earlier run; and `--save-answers -` mixed the
    /// answers and the report on standard output.
    @Test func aRunThatFailsLeavesTheSavedAnswersAsTheyWere() throws {
        let folder = try CLI.temporaryFolder()
        let kept = folder.appendingPathComponent("kept.yaml")
        try "OLD\n".write(to: kept, atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", "--answers", Self.story, "--output", folder.path, "--save-answers", kept.path])
        #expect(result.status == 1 && result.stderr.contains("is not a regular file (a folder)"), "\(result.stderr)")
        #expect(try String(contentsOf: kept, encoding: .utf8) == "OLD\n")
        let mixed = try CLI.run(["run", "--answers", Self.story, "--save-answers", "-"])
        #expect(mixed.status == 64 && mixed.stdout.isEmpty && mixed.stderr.contains("would both go to standard output"), "\(mixed.stderr)")
        #expect(try CLI.run(["run", "--answers", Self.story, "--save-answers", "-", "--output", folder.appendingPathComponent("r.txt").path]).status == 0)
    }

    /// Found by a review: a name holding DEL was saved as it was, and the saved answers were
    /// then refused; one holding NEL came back as a space.
    @Test func savedAnswersReadBackAsTheSameTextWhateverTheNameHolds() throws {
        let folder = try CLI.temporaryFolder()
        let answers = folder.appendingPathComponent("odd.yaml")
        let story = try String(contentsOfFile: CLI.root.appendingPathComponent(Self.story).path, encoding: .utf8)
        let odd = story.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasPrefix("profile:") ? #"profile: {name: "del\u007Fx c1\u0085y \u2028z\uFEFF", sex: male, age: 27}"# : String(line)
        }
        try odd.joined(separator: "\n").write(to: answers, atomically: true, encoding: .utf8)
        let first = folder.appendingPathComponent("first.yaml"), second = folder.appendingPathComponent("second.yaml")
        let once = try CLI.run(["run", "--answers", answers.path, "--save-answers", first.path, "--format", "json"])
        #expect(once.status == 0, "\(once.stderr)")
        let twice = try CLI.run(["run", "--answers", first.path, "--save-answers", second.path, "--format", "json"])
        #expect(twice.status == 0, "\(twice.stderr)")
        func body(_ file: URL) throws -> String { try String(contentsOf: file, encoding: .utf8).split(separator: "\n").dropFirst().joined(separator: "\n") }
        let (saved, again) = (try body(first), try body(second))
        #expect(saved == again)
        #expect(saved.contains(#"name: "del\u007Fx c1\u0085y \u2028z\uFEFF""#), "\(saved)")
    }

    @Test func anOutputThatIsAnInputIsRefused() throws {
        let folder = try CLI.temporaryFolder()
        let answers = folder.appendingPathComponent("me.answers.yaml").path
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent(Self.story).path, toPath: answers)
        let before = try String(contentsOfFile: answers, encoding: .utf8)
        let same = try CLI.run(["run", "--answers", answers, "--output", folder.path + "/./me.answers.yaml"])
        #expect(same.status != 0)
        #expect(same.stderr.contains("is also --answers"))
        let saved = try CLI.run(["run", "--answers", answers, "--save-answers", answers])
        #expect(saved.stderr.contains("--save-answers \(answers) is also --answers"))
        let both = try CLI.run(["run", "--answers", answers, "--output", "x.json", "--save-answers", "x.json"])
        #expect(both.stderr.contains("is also --save-answers"))
        #expect(try String(contentsOfFile: answers, encoding: .utf8) == before)
        let report = folder.appendingPathComponent("r.json").path
        #expect(try CLI.run(["run", "--answers", answers, "--format", "json", "--output", report]).status == 0)
        let compared = try CLI.run(["report", report, "--compare", report, "--output", report])
        #expect(compared.stderr.contains("is also the report"))
    }

    @Test func noOutputGoesOverOrIntoTheCatalogueFolder() throws {
        let folder = try CLI.temporaryFolder()
        let catalogue = folder.appendingPathComponent("mycat").path
        try FileManager.default.createDirectory(atPath: catalogue, withIntermediateDirectories: true)
        #expect(try CLI.run(["new", "single-leg-squat", "--evaluator", "checklist"], directory: URL(fileURLWithPath: catalogue)).status == 0)
        let assessment = catalogue + "/single-leg-squat.yaml"
        let answers = catalogue + "/single-leg-squat.answers.yaml"
        let before = try String(contentsOfFile: assessment, encoding: .utf8)
        let run = ["run", "single-leg-squat", "--catalog", catalogue, "--answers", answers]
        // Over the assessment (named directly or through the folder), and as a new catalogue file.
        for (output, reason) in [(assessment, "write over a file there"), (folder.path + "/mycat/./single-leg-squat.yaml", "write over a file there"),
                                 (catalogue + "/report.yaml", "be read as a catalogue file next time")] {
            let result = try CLI.run(run + ["--output", output])
            #expect(result.status != 0, "\(output)")
            #expect(result.stderr.contains("is in the catalogue folder \(catalogue) (--catalog): it would \(reason)"), "\(result.stderr)")
        }
        let report = folder.appendingPathComponent("r.json").path
        #expect(try CLI.run(run + ["--format", "json", "--output", report]).status == 0)
        let rerendered = try CLI.run(["report", report, "--catalog", catalogue, "--output", assessment])
        #expect(rerendered.status != 0 && rerendered.stderr.contains("it would write over a file there"), "\(rerendered.stderr)")
        #expect(try String(contentsOfFile: assessment, encoding: .utf8) == before)
        // A new file the catalogue does not read, and saved answers, may go into the folder.
        #expect(try CLI.run(run + ["--output", catalogue + "/report.txt"]).status == 0)
        #expect(try CLI.run(run + ["--save-answers", catalogue + "/again.answers.yaml"]).status == 0)
        #expect(try CLI.run(["lint", catalogue]).status == 0)
    }

    @Test func anOutputInAMissingFolderSaysToCreateIt() throws {
        let folder = try CLI.temporaryFolder().appendingPathComponent("not-yet").path
        let result = try CLI.run(["run", "--answers", Self.story, "--output", folder + "/report.txt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the folder \(folder) does not exist; create it first (mkdir -p \(folder)) or give another path"), "\(result.stderr)")
        // An empty path (a shell variable that was not set) says what to give; it said "cannot write : No such file".
        let empty = try CLI.run(["run", "--answers", Self.story, "--output", ""])
        #expect(empty.status == 1 && empty.stderr.contains("cannot write to an empty path: give a file name (or - for standard output)"), "\(empty.stderr)")
    }

    @Test func lintNeverWritesItsReportOverAFileItChecks() throws {
        let folder = try CLI.temporaryFolder()
        let mine = folder.appendingPathComponent("mine.yaml").path
        try FileManager.default.copyItem(
            atPath: CLI.root.appendingPathComponent("Assessments/assessments/squat-form.yaml").path, toPath: mine)
        let before = try String(contentsOfFile: mine, encoding: .utf8)
        // Named, named another way, and found inside a folder given to check.
        for (path, output) in [("mine.yaml", "mine.yaml"), ("mine.yaml", "./mine.yaml"), (".", "mine.yaml")] {
            let result = try CLI.run(["lint", path, "--reporter", "sarif", "--output", output], directory: folder)
            #expect(result.status != 0, "\(path) \(output)")
            #expect(result.stderr.contains("--output \(output) is also a"), "\(result.stderr)")
        }
        #expect(try String(contentsOfFile: mine, encoding: .utf8) == before)
    }

    /// Found by a privacy review: the report went over the module a checked file names.
    @Test("lint --output never writes over a module the checked files name, nor another file of a checked folder")
    func lintNeverWritesOverAModuleOrAFileOfTheFolder() throws {
        let folder = try WebAssemblyExampleTests.copyOfCatalogue()
        let module = folder.appendingPathComponent("linear-curve.wasm")
        let notes = folder.appendingPathComponent("notes.txt")
        try "the author's notes\n".write(to: notes, atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: module)
        for (path, output, refusal) in [
            ("linear-curve.yaml", "linear-curve.wasm", "--output linear-curve.wasm is also a module the checked files use"),
            (".", "linear-curve.wasm", "--output linear-curve.wasm is a file in ., which is being checked"),
            (".", "notes.txt", "--output notes.txt is a file in ., which is being checked"),
        ] {
            let result = try CLI.run(["lint", path, "--reporter", "json", "--output", output], directory: folder)
            #expect(result.status != 0 && result.stderr.contains(refusal), "\(path) \(output): \(result.stderr)")
        }
        // Nor when the declaration has an error (when its author lints it), or a file that
        // names the evaluator only by id is checked.
        let declaration = folder.appendingPathComponent("linear-curve.yaml")
        let sound = try String(contentsOf: declaration, encoding: .utf8)
        try sound.replacingOccurrences(of: "sha256: ", with: "sha: ").write(to: declaration, atomically: true, encoding: .utf8)
        for (path, refusal) in [
            ("linear-curve.yaml", "--output linear-curve.wasm is also a module the checked files use"),
            ("side-bridge-curve.yaml", "--output linear-curve.wasm is a WebAssembly module, which the report would replace"),
        ] {
            let result = try CLI.run(["lint", path, "--output", "linear-curve.wasm"], directory: folder)
            #expect(result.status != 0 && result.stderr.contains(refusal), "\(path): \(result.stderr)")
        }
        #expect(try Data(contentsOf: module) == before)
        #expect(try String(contentsOf: notes, encoding: .utf8) == "the author's notes\n")
        // A new file beside a file checked alone is fine.
        try sound.write(to: declaration, atomically: true, encoding: .utf8)
        let written = try CLI.run(["lint", "linear-curve.yaml", "--reporter", "json", "--output", "lint.json"], directory: folder)
        #expect(written.status == 0 && FileManager.default.fileExists(atPath: folder.appendingPathComponent("lint.json").path), "\(written.stderr)")
    }

    /// Found by a privacy review: the assessment was written, then its answers file refused.
    @Test("new --force checks both files before writing either")
    func newChecksBothFilesBeforeWritingEither() throws {
        let folder = try CLI.temporaryFolder()
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try "kept\n".write(to: elsewhere, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("wall-sit.answers.yaml").path, withDestinationPath: elsewhere.path)
        let result = try CLI.run(["new", "wall-sit", "--force"], directory: folder)
        #expect(result.status == 1 && result.stderr.contains("wall-sit.answers.yaml") && result.stderr.contains("not a regular file"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("wall-sit.yaml").path))
        #expect(try String(contentsOf: elsewhere, encoding: .utf8) == "kept\n")
    }

    @Test func noOutputReplacesTheHistoryStore() throws {
        let folder = try CLI.temporaryFolder()
        let environment = ["BACKCHECK_HOME": folder.path]
        #expect(try CLI.run(["run", "--answers", Self.story, "--save", "--person", "Marcus"], environment: environment).status == 0)
        let store = folder.appendingPathComponent("history.sqlite").path
        for arguments in [["run", "--answers", Self.story, "--output", store], ["history", "export", "Marcus", "--output", store],
                          ["run", "--answers", Self.story, "--save-answers", folder.path + "/./history.sqlite"],
                          ["history", "export", "Marcus", "--output", folder.path + "/.history.lock"],
                          // Side files SQLite has not made yet, by a relative path (a review found these written,
                          // reported as written, then deleted by the next open of the store).
                          ["run", "--answers", CLI.root.appendingPathComponent(Self.story).path, "--format", "json", "--output", "history.sqlite-wal"],
                          ["run", "--answers", CLI.root.appendingPathComponent(Self.story).path, "--output", "./history.sqlite-journal"]] {
            let result = try CLI.run(arguments, environment: environment, directory: arguments.last?.hasPrefix("/") == true ? nil : folder)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr.contains("it is your check-in history store"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("history.sqlite-journal").path))
        // The store still opens, with the check-in in it.
        let list = try CLI.run(["history", "list", "Marcus"], environment: environment)
        #expect(list.status == 0 && list.stdout.contains("complete"), "\(list.stderr)")
    }

    @Test func aFolderOrAPipeAsInputFailsAtOnce() throws {
        let folder = try CLI.temporaryFolder()
        let batch = try CLI.run(["batch", folder.path])
        #expect(batch.status == 1)
        #expect(batch.stderr.contains("it is a folder"))
        let fifo = folder.appendingPathComponent("answers.yaml").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let started = Date()
        let run = try CLI.run(["run", "--answers", fifo])
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(run.status == 1)
        #expect(run.stderr.contains("is a named pipe, not a regular file"))
    }

    @Test func aLongOutputNameWorksAndAKilledRunsTemporaryFileIsCleanedUp() throws {
        let folder = try CLI.temporaryFolder()
        let long = folder.appendingPathComponent(String(repeating: "r", count: 245) + ".json").path
        let result = try CLI.run(["run", "--answers", Self.story, "--format", "json", "--output", long])
        #expect(result.status == 0, "\(result.stderr)")
        // A temporary file of a writer that no longer runs (pid 4194303 is above Linux's default
        // pid range) is removed by the next write to its folder; other files are left alone.
        let stale = folder.appendingPathComponent(".backcheck-4194303-a1b2c3").path
        let other = folder.appendingPathComponent(".backcheck-notes").path
        try "half".write(toFile: stale, atomically: false, encoding: .utf8)
        try "mine".write(toFile: other, atomically: false, encoding: .utf8)
        #expect(try CLI.run(["run", "--answers", Self.story, "--output", folder.appendingPathComponent("r.txt").path]).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: other))
        let mode = try FileManager.default.attributesOfItem(atPath: long)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}
