#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Times a hold at the terminal: Enter, a 3-2-1 countdown with a bell, then the clock runs as
/// mm:ss until any key is pressed (a hold with the arms crossed can end with a nudge of the
/// keyboard), or until the protocol's cap; then keep the time or try again.
struct Stopwatch {
    let terminal: Terminal
    /// The longest the protocol times (the input's range), at which the clock stops itself.
    var cap: Double?
    /// Whether `pain` after the clock stops ends the test (``InputPrompts/painStops``): the
    /// moment someone stops a hold because it hurts is when they would say so.
    var painStops = false

    /// The seconds timed, to a tenth.
    func time() throws -> Double {
        while true {
            _ = try terminal.ask("  Get into position, then press Enter: a 3-2-1 countdown starts the clock.")
            RawMode.enter()
            let seconds: Double
            do {
                defer { RawMode.restore() }
                try countdown()
                seconds = try run()
            }
            let pain = painStops ? ", or 'pain' if it hurt" : ""
            let answer = try terminal.ask("  Time \(Self.clock(seconds)) (\(Self.tenths(seconds)) s). Enter to keep it, r to retry\(pain):")
            let word = answer.lowercased().filter { !$0.isWhitespace }
            if painStops, word == "pain" || word == "stop" { throw InputPrompts.StoppedForPain() }
            if word != "r" { return seconds }
        }
    }

    private func countdown() throws {
        for number in ["3", "2", "1"] {
            terminal.write("\r  \(terminal.emphasis(number))...\(terminal.clearToEnd)")
            try pause(1)
        }
        terminal.bell()
        terminal.write("\r  \(terminal.emphasis("Go!"))\(terminal.clearToEnd)\n")
    }

    private func run() throws -> Double {
        let start = Self.now()
        // Redrawn only when the shown time changes: a screen reader announces every rewrite,
        // and ten a second of the same line drowned it (found by an accessibility review).
        var shown = ""
        while true {
            let elapsed = Self.now() - start
            if let cap, elapsed >= cap {
                terminal.bell()
                terminal.write("\r  \(terminal.emphasis(Self.clock(cap))) the test stops here (its cap)\(terminal.clearToEnd)\n")
                return cap
            }
            let clock = Self.clock(elapsed)
            if clock != shown {
                shown = clock
                terminal.write("\r  \(terminal.emphasis(clock))   any key stops the clock\(terminal.clearToEnd)")
            }
            guard terminal.inputReady(milliseconds: 100) else { continue }
            guard terminal.readByte() != nil else { throw Terminal.EndOfInput() }
            let seconds = ((Self.now() - start) * 10).rounded() / 10
            drain()
            terminal.write("\r  stopped at \(Self.clock(seconds))\(terminal.clearToEnd)\n")
            return min(seconds, cap ?? seconds)
        }
    }

    /// Waits `seconds`, throwing if the input ends (a key pressed meanwhile is ignored).
    private func pause(_ seconds: Double) throws {
        let end = Self.now() + seconds
        while Self.now() < end {
            if terminal.inputReady(milliseconds: Int32(max(1, (end - Self.now()) * 1000))) {
                guard terminal.readByte() != nil else { throw Terminal.EndOfInput() }
            }
        }
    }

    /// Discards the rest of a key's bytes (arrow keys send several).
    private func drain() {
        while terminal.inputReady(milliseconds: 20) { _ = terminal.readByte() }
    }

    /// Counts `seconds` of rest down as mm:ss; Enter or space ends it early. A bell when it is over.
    ///
    /// Other keys do not end it: someone who starts typing the next time during the rest
    /// ("95") must not have the "9" taken as the skip and the "5" as the hold. Whatever was
    /// typed during the rest is thrown away when it ends, so the next answer starts clean.
    static func rest(_ seconds: Double, terminal: Terminal) throws {
        RawMode.enter()
        defer {
            RawMode.restore()
            tcflush(0, TCIFLUSH)
        }
        let end = now() + seconds
        for line in wrap("Rest \(clock(seconds)) before the next hold, as the test asks (Enter or space skips the rest).", indent: "  ", width: terminal.width) {
            terminal.say(line)
        }
        var hint = ""
        // Redrawn only when it changes, as the clock of a hold is.
        var shown = ""
        while now() < end {
            let line = "\r  rest: \(terminal.emphasis(clock((end - now()).rounded(.up)))) left\(hint)\(terminal.clearToEnd)"
            if line != shown {
                shown = line
                terminal.write(line)
            }
            guard terminal.inputReady(milliseconds: 200) else { continue }
            guard let key = terminal.readByte() else { throw Terminal.EndOfInput() }
            guard key == UInt8(ascii: " ") || key == UInt8(ascii: "\n") || key == UInt8(ascii: "\r") else {
                hint = " (Enter skips)"
                continue
            }
            terminal.write("\r  rest skipped\(terminal.clearToEnd)\n")
            return
        }
        terminal.bell()
        terminal.write("\r  rest over\(terminal.clearToEnd)\n")
    }

    /// Monotonic seconds.
    static func now() -> Double {
        var clock = timespec()
        clock_gettime(CLOCK_MONOTONIC, &clock)
        return Double(clock.tv_sec) + Double(clock.tv_nsec) / 1e9
    }

    /// `01:05` for 65.4 seconds (whole seconds, rounded down).
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.down))
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(whole / 60)):\(two(whole % 60))"
    }

    /// `12.3`.
    static func tenths(_ seconds: Double) -> String {
        let tenths = Int((seconds * 10).rounded(.down))
        return "\(tenths / 10).\(tenths % 10)"
    }
}
