import Foundation
import Testing

/// Runs the built `backcheck` binary. It is looked for next to the test bundle (SwiftPM puts
/// executables and test bundles in the same build folder), or at `BACKCHECK_BINARY`.
enum CLI {
    /// The repository's root folder.
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary, found once.
    static let binary: String? = {
        if let path = ProcessInfo.processInfo.environment["BACKCHECK_BINARY"] { return path }
        var candidates: [URL] = []
        for argument in [CommandLine.arguments.first, Bundle.main.executablePath].compactMap({ $0 }) {
            var folder = URL(fileURLWithPath: argument).deletingLastPathComponent()
            for _ in 0..<4 {
                candidates.append(folder.appendingPathComponent("backcheck"))
                folder.deleteLastPathComponent()
            }
        }
        for bundle in Bundle.allBundles { candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("backcheck")) }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }?.path
    }()

    /// What a run gave.
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `backcheck` with `arguments` in the repository root, standard input from
    /// /dev/null (so it is never a terminal) unless `input` is given.
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:], directory: URL? = nil) throws -> Result {
        let binary = try #require(binary, "the backcheck binary was not found next to the test bundle; run `swift build` first or set BACKCHECK_BINARY")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? root
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        if let input {
            let pipe = Pipe()
            process.standardInput = pipe
            try process.run()
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
        } else {
            process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
            try process.run()
        }
        let stdout = readAll(out.fileHandleForReading.fileDescriptor)
        let stderr = readAll(err.fileHandleForReading.fileDescriptor)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Runs a program other than backcheck (python3, chromium), with a time limit;
    /// `environment` adds to this process's variables, or overrides them.
    static func tool(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval = 120
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
        }
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        DispatchQueue.global().async {
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
            if process.isRunning { process.terminate() }
        }
        let stdout = readAll(out.fileHandleForReading.fileDescriptor)
        let stderr = readAll(err.fileHandleForReading.fileDescriptor)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Whether `name` is on the PATH.
    static func available(_ name: String) -> Bool {
        (try? tool("sh", ["-c", "command -v \(name)"]).status) == 0
    }

    /// A fresh temporary folder, removed when the tests end.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("backcheck-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        TemporaryFolders.removeAtExit(url)
        return url
    }

    /// Writes `old.answers.yaml` in `folder`: an answers file saved before the second edition,
    /// whose red-flag screen holds only two of its 22 questions, so the screen is incomplete.
    static func firstEditionAnswers(in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("old.answers.yaml")
        try """
            profile: {sex: male, age: 40}
            answers:
              red-flag-screen: {saddle_numbness: false, bladder_or_bowel_change: false}
              core-endurance-mcgill: {flexor_hold: 45, extensor_hold: 50, side_bridge: {left: 28, right: 20}}
            """.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    /// The example answers files of the built-in catalogue.
    static var stories: [String] {
        let folder = root.appendingPathComponent("Assessments/stories")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".answers.yaml") }.sorted().map { "Assessments/stories/" + $0 }
    }
}

/// Everything a pipe delivers until its end, read with `read(2)` and retried when a signal
/// interrupts it (Foundation's `readDataToEndOfFile` traps on EINTR).
private func readAll(_ descriptor: Int32) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { return data }
        data.append(contentsOf: buffer[0..<count])
    }
}
