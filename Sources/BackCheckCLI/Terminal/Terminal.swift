#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import BackCheckYAML

/// The person's terminal: questions go to standard error (so a report on standard output
/// can be redirected) and answers are read from standard input a byte at a time, so
/// nothing typed ahead is swallowed by a buffer before the stopwatch needs it.
final class Terminal {
    /// Ctrl-D at a prompt: the person left the session.
    struct EndOfInput: Error {}

    /// Whether questions may be coloured (standard error is a terminal, `NO_COLOR` unset).
    let colour: Bool

    /// What ends a line redrawn in place (the clock, the rest timer): the erase-to-end code,
    /// or on a dumb terminal, which would print that code as text, spaces over what was there.
    let clearToEnd: String

    init() {
        colour = Terminal.isTerminal(2) && Terminal.colourAllowed
        clearToEnd = Terminal.isDumb ? String(repeating: " ", count: 12) : "\u{1B}[K"
    }

    /// Whether `TERM` is `dumb`: a terminal that obeys no escape codes.
    static var isDumb: Bool {
        getenv("TERM").map { String(cString: $0) == "dumb" } ?? false
    }

    /// The terminal's width in columns (standard error's window), 80 when it cannot say; kept
    /// between 40 and 120 so prompts stay readable.
    var width: Int {
        var size = winsize()
        guard ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return min(max(Int(size.ws_col), 40), 120)
    }

    /// Says why a typed answer was not accepted, wrapped to the terminal, and to try again.
    func refuse(_ reason: String) {
        let stop = reason.hasSuffix("?") || reason.hasSuffix(".") ? "" : "."
        let lines = wrap("not accepted: \(reason)\(stop) Try again.", indent: "    ", width: width)
        for (index, line) in lines.enumerated() {
            // The wrapped first line starts with the indent and the words "not accepted:".
            say(index == 0 ? "    " + emphasis("not accepted:", code: "1;31") + line.dropFirst(17) : line)
        }
    }

    /// Rings the terminal's bell (a beep, or a flash, as the terminal is set up).
    func bell() { write("\u{7}") }

    /// Whether `descriptor` is a terminal.
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// False when `NO_COLOR` is set to anything non-empty (no-color.org).
    static var colourAllowed: Bool {
        // A dumb terminal shows escape codes as text.
        if isDumb { return false }
        guard let value = getenv("NO_COLOR") else { return true }
        return String(cString: value).isEmpty
    }

    /// Writes `text` as it is.
    func write(_ text: String) {
        writeAll(text, to: 2)
    }

    /// Writes `text` and a newline.
    func say(_ text: String = "") { write(text + "\n") }

    /// Bold (and coloured, when given) when colour is on.
    func emphasis(_ text: String, code: String = "1") -> String {
        let text = VisibleText.escaped(text)
        return colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// Reads one line (without its newline); throws at end of input.
    func readLine() throws -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(0, &byte, 1)
            if count < 0, errno == EINTR { continue }
            if count <= 0 {
                // At a terminal, Ctrl-D after a half-typed answer means "stop", not "submit"; a
                // piped last line without its newline is still an answer.
                if bytes.isEmpty || isatty(0) == 1 { throw EndOfInput() }
                break
            }
            if byte == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Asks `question`, wrapped to the terminal's width under its own indent with the answer
    /// typed after its last line, and answers the trimmed line typed.
    func ask(_ question: String) throws -> String {
        let indent = String(question.prefix { $0 == " " })
        let lines = wrap(question, indent: indent, width: width)
        for line in lines.dropLast() { say(line) }
        write((lines.last ?? question) + " ")
        return try readLine().trimmingCharacters()
    }

    /// Waits up to `milliseconds` for input; true when a byte is ready.
    func inputReady(milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }

    /// Reads one byte that is ready; `nil` at end of input.
    func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(0, &byte, 1)
            if count < 0, errno == EINTR { continue }
            return count == 1 ? byte : nil
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingCharacters() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}

