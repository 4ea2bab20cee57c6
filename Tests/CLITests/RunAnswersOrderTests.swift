import Foundation
import Testing

/// `run --answers` parses its answers before loading the catalogue (so only the part of the
/// built-in one they need is read), except where the catalogue or the command line can fail:
/// those are still found first, without waiting for input.
@Suite struct RunAnswersOrderTests {
    /// Runs backcheck with a standard input that stays open and empty, as at a terminal where
    /// nothing is typed yet; the status, standard error, and whether it ended by itself in time.
    static func runWaitingForInput(_ arguments: [String]) throws -> (status: Int32, stderr: String, ended: Bool) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(CLI.binary))
        process.arguments = arguments
        process.currentDirectoryURL = CLI.root
        let input = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        let ended = !process.isRunning
        if !ended { process.terminate() }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationStatus, stderr, ended)
    }

    @Test func anUnknownTestIsRefusedBeforeTheInputIsRead() throws {
        let run = try Self.runWaitingForInput(["run", "squat-frm", "--answers", "-"])
        #expect(run.ended, "backcheck waited for its input before refusing an unknown test")
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown assessment 'squat-frm'; did you mean 'squat-form'?"))
    }

    @Test func aCatalogueThatCannotLoadIsReportedBeforeTheInputIsRead() throws {
        let run = try Self.runWaitingForInput(["run", "--catalog", "no-such-folder", "--answers", "-"])
        #expect(run.ended, "backcheck waited for its input before reporting the catalogue")
        #expect(run.status == 1)
        #expect(run.stderr.contains("no-such-folder: no such file or folder"))
    }

    /// Tests named on the command line or by --set, not in the file, are read too: their
    /// messages are about the answers, never "unknown assessment".
    @Test func testsNamedOnlyOnTheCommandLineAreStillKnown() throws {
        let story = "Assessments/stories/weak-core.answers.yaml"
        let named = try CLI.run(["run", "--answers", story, "hamstring-length"])
        #expect(named.status == 1)
        #expect(named.stderr.contains("'hamstring-length' was named on the command line but \(story) has no answers for it"))
        let set = try CLI.run(["run", "--answers", story, "--set", "hamstring-length.x=1"])
        #expect(set.status == 1)
        #expect(set.stderr.contains("'hamstring-length' has no input 'x'"))
        #expect(!named.stderr.contains("unknown assessment") && !set.stderr.contains("unknown assessment"))
    }
}
