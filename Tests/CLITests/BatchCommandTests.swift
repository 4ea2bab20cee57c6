import Foundation
import Testing

/// `backcheck batch` through the built binary.
@Suite struct BatchCommandTests {
    /// Records in the shape of the built-in stories: two that score, one with a wrong type.
    static let good = #"{"id": "anna", "profile": {"sex": "female", "age": 29}, "answers": {"hip-flexor-thomas": {"hip_angle": {"left": 8, "right": -10}, "knee_flexion": {"left": 55, "right": 60}, "hip_abduction": {"left": 12, "right": 10}}}}"#
    static let other = #"{"id": 7, "answers": {"squat-form": {"lumbar_rounding_at_depth": false, "lumbar_hyperextension": true, "heels_lift": false, "knees_cave": true, "hips_rise_first": false, "pain_during_lift": false}}}"#
    static let bad = #"{"id": "bob", "answers": {"hip-flexor-thomas": {"hip_angle": {"left": "eight", "right": -10}}}}"#

    /// Each output line parsed as JSON.
    static func objects(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func linesFromStandardInputGiveReportsAndErrorRecordsInOrder() throws {
        let result = try CLI.run(["batch"], input: [Self.good, Self.bad, "", Self.other].joined(separator: "\n") + "\n")
        #expect(result.status == 1, "one line failed: \(result.stderr)")
        let records = try Self.objects(result.stdout)
        #expect(records.count == 3)
        #expect(records[0]["id"] as? String == "anna")
        #expect((records[0]["report"] as? [String: Any])?["schema"] as? String == "backcheck.report/1")
        #expect(records[1]["id"] as? String == "bob")
        #expect(records[1]["line"] as? Int == 2)
        let errors = try #require(records[1]["errors"] as? [[String: Any]])
        #expect(errors.contains { ($0["message"] as? String ?? "").contains("hip_angle") })
        #expect(records[2]["id"] as? Int == 7)
        #expect(records[2]["line"] as? Int == 4)
        #expect(result.stderr.contains("3 records: 2 reports, 1 error"))
        #expect(!result.stderr.contains("\u{1B}["), "no progress bar when standard error is not a terminal")
    }

    @Test("a progress bar asked for on a dumb terminal is drawn and wiped with spaces, never an escape code")
    func aProgressBarOnADumbTerminalWritesNoEscapeCodes() throws {
        let input = [Self.good, Self.other].joined(separator: "\n") + "\n"
        let dumb = try CLI.run(["batch", "--progress"], input: input, environment: ["TERM": "dumb"])
        #expect(dumb.status == 0, "\(dumb.stderr)")
        #expect(dumb.stderr.contains(" records, 0 errors, ") && !dumb.stderr.contains("\u{1B}"), "\(dumb.stderr.debugDescription)")
        #expect(dumb.stderr.contains("2 records: 2 reports"))
        let able = try CLI.run(["batch", "--progress"], input: input, environment: ["TERM": "xterm"])
        #expect(able.stderr.contains("\u{1B}[K"), "\(able.stderr.debugDescription)")
    }

    @Test("an id given to two records is named in a warning: reports are matched to people by id")
    func repeatedIDsAreWarnedAbout() throws {
        let anna = Self.good
        let sevenAgain = Self.other
        let bobAsNumber = Self.bad.replacingOccurrences(of: #""id": "bob""#, with: #""id": " 7 ""#)
        let result = try CLI.run(["batch", "--allow-errors"], input: [anna, Self.other, Self.bad, sevenAgain, anna, bobAsNumber].joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.objects(result.stdout).count == 6, "every record is still written")
        // 7 on line 2 again on line 4, "anna" again on line 5 (and the string " 7 " on line 6).
        #expect(result.stderr.contains("warning: the id '7' is on lines 2 and 4; 2 more records repeat an earlier id:"), "\(result.stderr)")
        #expect(result.stderr.contains("give each person their own"), "\(result.stderr)")
        // The number 7 and the string " 7 " are one id to --save, which files both under "7".
        let same = try CLI.run(["batch", "--allow-errors"], input: [anna, Self.other, bobAsNumber].joined(separator: "\n") + "\n")
        #expect(same.stderr.contains("warning: the id '7' is on lines 2 and 3"), "\(same.stderr)")
        let distinct = try CLI.run(["batch", "--allow-errors"], input: [anna, Self.other, Self.bad].joined(separator: "\n") + "\n")
        #expect(!distinct.stderr.contains("warning"), "\(distinct.stderr)")
    }

    @Test func aCleanFileExitsZeroAndTheReportIsTheOneRunGives() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("people.jsonl")
        try (Self.good + "\n" + Self.other + "\n").write(to: input, atomically: true, encoding: .utf8)
        let batch = try CLI.run(["batch", input.path])
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stderr.contains("2 records: 2 reports, 0 errors"))

        let answers = folder.appendingPathComponent("anna.json")
        let plain = Self.good.replacingOccurrences(of: #""id": "anna", "#, with: "")
        try plain.write(to: answers, atomically: true, encoding: .utf8)
        let run = try CLI.run(["run", "--answers", answers.path, "--format", "json"])
        #expect(run.status == 0)
        let fromRun = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let fromBatch = try #require(try Self.objects(batch.stdout)[0]["report"] as? [String: Any])
        // Same report but for the time it was made (and the retest date worked out from it).
        let timed: Set<String> = ["generated_at", "retest_due"]
        #expect(NSDictionary(dictionary: fromRun.filter { !timed.contains($0.key) })
                    .isEqual(to: fromBatch.filter { !timed.contains($0.key) }))
    }

    @Test("a negative --jobs gets the range, not a 'missing value'", arguments: ["-1", "0", "257"])
    func jobsOutOfRangeAreRefusedWithTheRange(jobs: String) throws {
        let batch = try CLI.run(["batch", "--jobs", jobs], input: Self.good)
        #expect(batch.status == 64)
        #expect(batch.stderr.contains("--jobs must be 1 to 256, found \(jobs)."), "\(batch.stderr)")
        #expect(batch.stdout.isEmpty)
    }

    @Test func oneJobAndTwoGiveTheSameOutput() throws {
        let input = (0..<30).map { $0 % 3 == 0 ? Self.bad : ($0 % 3 == 1 ? Self.good : Self.other) }.joined(separator: "\n")
        let one = try CLI.run(["batch", "--jobs", "1"], input: input)
        let two = try CLI.run(["batch", "--jobs", "2"], input: input)
        #expect(one.status == 1 && two.status == 1)
        // The reports carry the batch's start time; it is the same within one run, so compare
        // with it taken out.
        func withoutTime(_ text: String) -> String {
            text.replacingOccurrences(of: #""(generated_at|retest_due)":"[^"]*""#, with: "", options: .regularExpression)
        }
        #expect(withoutTime(one.stdout) == withoutTime(two.stdout))
        #expect(one.stdout.split(separator: "\n").count == 30)
    }

    /// Starts `executable` with standard output to `output` (created empty), standard error to
    /// a pipe and standard input from `input` when given, and waits until some output has been written, the process has ended, or
    /// `waiting` seconds have passed.
    static func startWritingTo(
        _ output: URL, _ executable: String, _ arguments: [String], environment: [String: String]? = nil, input: Pipe? = nil,
        waiting: TimeInterval
    ) throws -> (process: Process, errors: Pipe) {
        #expect(FileManager.default.createFile(atPath: output.path, contents: nil))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let input { process.standardInput = input }
        process.standardOutput = try FileHandle(forWritingTo: output)
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(waiting)
        while process.isRunning, Date() < deadline, (try? FileManager.default.attributesOfItem(atPath: output.path)[.size] as? Int) ?? 0 == 0 {
            Thread.sleep(forTimeInterval: 0.05)
        }
        return (process, errors)
    }

    /// Found by a review: Ctrl-C in `batch --save` left check-ins saved whose report lines were
    /// never written, and said nothing about where it had stopped.
    @Test("Ctrl-C stops a batch cleanly: the records in flight are written, each saved check-in has its line, and it says where to go on")
    func anInterruptedBatchWritesWhatItSavedAndSaysWhereItStopped() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("people.jsonl")
        let records = (0..<20_000).map { number in
            Self.good.replacingOccurrences(of: #""id": "anna", "profile": {"#, with: #""id": "p\#(number)", "profile": {"name": "U\#(number)", "#)
        }
        try (records.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("out.jsonl")
        let environment = ProcessInfo.processInfo.environment.merging(["BACKCHECK_HOME": folder.appendingPathComponent("home").path]) { $1 }
        // Interrupted once it is under way: some output has been written.
        let (process, errors) = try Self.startWritingTo(output, try #require(CLI.binary), ["batch", "--save", input.path], environment: environment, waiting: 120)
        #expect(process.isRunning, "the batch finished before it could be interrupted")
        process.interrupt()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130, "\(stderr)")
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(!lines.isEmpty && lines.count < records.count)
        #expect(stderr.contains("interrupted: stopped after input line \(lines.count) (every record up to it was written); to go on: tail -n +\(lines.count + 1) -- "), "\(stderr)")
        #expect(lines.last?.hasPrefix(#"{"id":"p\#(lines.count - 1)","#) == true, "in order, none missing")
        let people = try CLI.run(["history", "people", "--format", "json"], environment: ["BACKCHECK_HOME": folder.appendingPathComponent("home").path])
        let saved = try #require(try JSONSerialization.jsonObject(with: Data(people.stdout.utf8)) as? [String: Any])
        #expect((saved["people"] as? [Any])?.count == lines.count, "one check-in per line written, no more")
    }

    /// Found by a review: `batch /dev/zero` read its one endless line for ever, and ignored
    /// the first Ctrl-C.
    @Test("a device is refused, and a line that never ends is reported at the limit and stops at one Ctrl-C")
    func anEndlessLineIsReportedAndOneInterruptStopsIt() throws {
        let device = try CLI.run(["batch", "/dev/zero"])
        #expect(device.status == 1 && device.stderr.contains("cannot read /dev/zero: it is a device, not a file of records"), "\(device.stderr)")
        let folder = try CLI.temporaryFolder()
        let output = folder.appendingPathComponent("out.jsonl")
        // exec: the signal goes to backcheck itself, reading /dev/zero. The error record is
        // written once the line passes the 8 MiB limit, long before its end.
        let (process, errors) = try Self.startWritingTo(
            output, "/bin/sh", ["-c", "exec \"$0\" batch < /dev/zero", try #require(CLI.binary)], waiting: 60)
        #expect(process.isRunning, "the endless line ended")
        let reported = try String(contentsOf: output, encoding: .utf8)
        #expect(reported.contains("the line is longer than the 8388608 bytes allowed"), "\(reported)")
        process.interrupt()
        let started = Date()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(started) < 10, "one interrupt stops it promptly")
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("interrupted: stopped after input line 1"), "\(stderr)")
    }

    /// Found by a review: a record was written only when the next line came, and one Ctrl-C
    /// did not stop a batch waiting for input.
    @Test("while the input pauses, every record read is written and one Ctrl-C stops the batch; /dev/null is an empty input")
    func aPausedInputIsWrittenAndOneInterruptStopsIt() throws {
        let empty = try CLI.run(["batch", "/dev/null"])
        #expect(empty.status == 0 && empty.stderr.contains("0 records"), "\(empty.stderr)")
        let output = try CLI.temporaryFolder().appendingPathComponent("out.jsonl")
        let input = Pipe()
        input.fileHandleForWriting.write(Data((Self.bad + "\n" + Self.good + "\n").utf8))
        let (process, errors) = try Self.startWritingTo(output, try #require(CLI.binary), ["batch", "-"], input: input, waiting: 60)
        // Both written while the input is still open, the second after the first.
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning, Date() < deadline, (try String(contentsOf: output, encoding: .utf8)).split(separator: "\n").count < 2 {
            Thread.sleep(forTimeInterval: 0.05)
        }
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2 && lines[0].contains(#""id":"bob""#) && lines[1].contains(#""id":"anna""#), "\(lines)")
        #expect(process.isRunning, "the batch ended with its input open")
        process.interrupt()
        let started = Date()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        input.fileHandleForWriting.closeFile()
        #expect(Date().timeIntervalSince(started) < 10, "one interrupt stops it promptly")
        #expect(process.terminationStatus == 130, "\(stderr)")
        #expect(stderr.contains("interrupted: stopped after input line 2"), "\(stderr)")
    }

    @Test func allowErrorsExitsZeroButStillWritesTheErrorRecord() throws {
        let result = try CLI.run(["batch", "--allow-errors"], input: Self.bad + "\n" + Self.good + "\n")
        #expect(result.status == 0)
        let records = try Self.objects(result.stdout)
        #expect(records.count == 2)
        #expect(records[0]["errors"] != nil)
        #expect(result.stderr.contains("2 records: 1 report, 1 error"))
    }

    @Test func anUnreadableInputIsAClearError() throws {
        let result = try CLI.run(["batch", "/nonexistent/people.jsonl"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot read /nonexistent/people.jsonl"))
        #expect(result.stdout.isEmpty)
    }
}
