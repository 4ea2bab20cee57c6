#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import AssessmentKit

/// Where a command's result goes: standard output, or a file written whole (temporary file
/// in the same folder, then rename) with mode 0600, Ctrl-C held back while it is written.
enum Output {
    /// Writes `text` to `path`, or to standard output when `path` is `nil` or `-`.
    static func write(_ text: String, to path: String?) throws(AtomicFile.Failure) {
        guard let path, path != "-" else {
            StandardOutput.write(text)
            return
        }
        // Every check-in would be gone, and a later `history` would find no store there.
        if FileStatus.isHistoryStore(path) {
            throw AtomicFile.Failure(path: path, reason: "it is your check-in history store (or one of its files); give another path")
        }
        var blocked = sigset_t()
        var previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGINT)
        sigaddset(&blocked, SIGTERM)
        sigaddset(&blocked, SIGHUP)
        sigprocmask(SIG_BLOCK, &blocked, &previous)
        defer { sigprocmask(SIG_SETMASK, &previous, nil) }
        try AtomicFile.write(text, to: path, mode: 0o600)
    }

    /// Writes as ``write(_:to:)`` does; a failure is printed and exits 1.
    static func deliver(_ text: String, to path: String?) throws(ExitCode) {
        do {
            try write(text, to: path)
        } catch {
            var standardError = StandardError()
            print("error: \(error)", to: &standardError)
            throw ExitCode(1)
        }
    }

    /// Whether standard output is a terminal that may be coloured (`NO_COLOR` unset).
    static func colourStandardOutput(to path: String?) -> Bool {
        (path == nil || path == "-") && Terminal.isTerminal(1) && Terminal.colourAllowed
    }
}

