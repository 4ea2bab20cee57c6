#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Times a hold at the terminal: Enter to start, Enter to stop, the running seconds shown on
/// one line meanwhile.
struct Stopwatch {
    let terminal: Terminal

    /// The seconds timed, to a tenth.
    func time() throws -> Double {
        terminal.write("  Get into position. Press Enter to START the stopwatch. ")
        _ = try terminal.readLine()
        let start = Self.now()
        RawMode.enter()
        defer { RawMode.restore() }
        while true {
            let elapsed = Self.now() - start
            terminal.write("\r  \(terminal.emphasis(Self.tenths(elapsed))) s   (press Enter to STOP)\u{1B}[K")
            guard terminal.inputReady(milliseconds: 100) else { continue }
            guard let byte = terminal.readByte() else { throw Terminal.EndOfInput() }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                let total = (Self.now() - start)
                let seconds = (total * 10).rounded() / 10
                terminal.write("\r  stopped at \(Self.tenths(seconds)) s\u{1B}[K\n")
                return seconds
            }
        }
    }

    /// Monotonic seconds.
    static func now() -> Double {
        var clock = timespec()
        clock_gettime(CLOCK_MONOTONIC, &clock)
        return Double(clock.tv_sec) + Double(clock.tv_nsec) / 1e9
    }

    /// `12.3`.
    static func tenths(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded(.down))
        return "\(tenths / 10).\(tenths % 10)"
    }
}
