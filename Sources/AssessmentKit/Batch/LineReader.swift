#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor a block at a time, so a batch of any length is read in
/// constant memory. A line longer than `maximumLength` is reported as too long as soon as it
/// passes the limit, and the rest of it skipped (never held whole) before the next line: a
/// review found a line that never ends (`/dev/zero`) read forever without a word.
package struct LineReader {
    /// One line of input.
    package enum Line: Sendable, Equatable {
        /// A line's bytes, without its `\n` (or `\r\n`); `number` is 1-based.
        case text([UInt8], number: Int)
        /// A line longer than the limit, skipped; `head` is its first bytes (at most
        /// ``headLength``), enough to find an `id` written first.
        case tooLong(number: Int, head: [UInt8])
    }

    private let descriptor: Int32
    private let maximumLength: Int
    private var buffer: [UInt8] = []
    private var start = 0
    /// Where to look for the next `\n`: the bytes before it, back to `start`, have none.
    private var searchFrom = 0
    private var atEnd = false
    private var number = 0
    /// Bytes read from the descriptor so far.
    package private(set) var bytesRead = 0
    /// Bytes of the lines handed out so far, line breaks included.
    package var bytesConsumed: Int { dropped + start }
    private var dropped = 0
    /// Whether the rest of a line reported too long is still to be skipped.
    private var skippingRest = false

    /// How much of a skipped line is kept, to find its `id`.
    package static let headLength = 4096

    /// Reads from `descriptor` (not closed by the reader).
    package init(descriptor: Int32, maximumLength: Int = 8 << 20) {
        self.descriptor = descriptor
        self.maximumLength = maximumLength
    }

    /// The next line, or `nil` at the end of the input (or on a read error). `shouldStop` is
    /// asked before each block is read and while the input has nothing to give (every tenth
    /// of a second), so even a line that never ends, or an input that pauses, can be stopped:
    /// it answers `nil` then. `whenIdle` is called once each time the input has nothing to
    /// give for now, before waiting for it.
    package mutating func next(shouldStop: () -> Bool = { false }, whenIdle: () -> Void = {}) -> Line? {
        while true {
            if let newline = buffer[max(start, searchFrom)...].firstIndex(of: UInt8(ascii: "\n")) {
                if skippingRest {
                    skippingRest = false
                    start = newline + 1
                    searchFrom = start
                    continue
                }
                number += 1
                defer { start = newline + 1 }
                if newline - start > maximumLength {
                    return .tooLong(number: number, head: Array(buffer[start..<min(newline, start + Self.headLength)]))
                }
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                return .text(Array(buffer[start..<end]), number: number)
            }
            searchFrom = buffer.count
            if skippingRest {
                // Nothing of the line is kept.
                start = buffer.count
            } else if buffer.count - start > maximumLength {
                number += 1
                let head = Array(buffer[start..<min(buffer.count, start + Self.headLength)])
                start = buffer.count
                skippingRest = !atEnd
                return .tooLong(number: number, head: head)
            }
            if atEnd {
                guard start < buffer.count else { return nil }
                number += 1
                defer { dropped += buffer.count; buffer = []; start = 0; searchFrom = 0 }
                var end = buffer.count
                if buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                return .text(Array(buffer[start..<end]), number: number)
            }
            guard waitForInput(shouldStop: shouldStop, whenIdle: whenIdle) else { return nil }
            fill()
        }
    }

    /// Waits until the descriptor has something to read (or is at its end, or failed),
    /// telling `whenIdle` once when it has nothing now; `false` when `shouldStop` answers
    /// `true` first. A signal does not end a blocked read (handlers restart it), so the wait
    /// is in slices, asking each time.
    private func waitForInput(shouldStop: () -> Bool, whenIdle: () -> Void) -> Bool {
        var toldIdle = false
        while true {
            if shouldStop() { return false }
            var state = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&state, 1, toldIdle ? 100 : 0)
            if ready < 0, errno == EINTR { continue }
            // Readable, at its end, or failed: the read tells which.
            if ready != 0 { return true }
            if !toldIdle {
                whenIdle()
                toldIdle = true
            }
        }
    }

    /// Reads one more block, dropping the lines already handed out.
    private mutating func fill() {
        if start > 0 {
            buffer.removeSubrange(0..<start)
            dropped += start
            searchFrom -= start
            start = 0
        }
        let block = 1 << 16
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: block))
        var count = 0
        buffer.withUnsafeMutableBytes { raw in
            repeat {
                count = read(descriptor, raw.baseAddress! + old, block)
            } while count < 0 && errno == EINTR
        }
        buffer.removeLast(block - max(0, count))
        if count <= 0 { atEnd = true } else { bytesRead += count }
    }
}
