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

    /// Throws what ``write(_:to:)`` would meet at `path` before writing anything (standard
    /// output always takes the text): said before a guided session, not after it.
    static func checkWritable(_ path: String?) throws(AtomicFile.Failure) {
        guard let path, path != "-" else { return }
        if FileStatus.isHistoryStore(path) {
            throw AtomicFile.Failure(path: path, reason: "it is your check-in history store (or one of its files); give another path")
        }
        try AtomicFile.checkWritable(path)
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

    /// The columns a text report is laid out in: 80, or a narrower terminal's width (40 at
    /// least) when standard output is one, so no line breaks in the middle of a word there.
    static func textWidth(to path: String?) -> Int {
        guard path == nil || path == "-", Terminal.isTerminal(1) else { return 80 }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return min(80, max(40, Int(size.ws_col)))
    }

    /// Whether standard output is a terminal that may be coloured (`NO_COLOR` unset).
    static func colourStandardOutput(to path: String?) -> Bool {
        (path == nil || path == "-") && Terminal.isTerminal(1) && Terminal.colourAllowed
    }
}

