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
    /// Asked before each block is read: once it answers `true`, ``next()`` answers `nil`.
    private let shouldStop: () -> Bool

    /// How much of a skipped line is kept, to find its `id`.
    package static let headLength = 4096

    /// Reads from `descriptor` (not closed by the reader), until its end or until
    /// `shouldStop` answers `true` (asked before each block is read, so even a line that never
    /// ends can be stopped).
    package init(descriptor: Int32, maximumLength: Int = 8 << 20, shouldStop: @escaping () -> Bool = { false }) {
        self.descriptor = descriptor
        self.maximumLength = maximumLength
        self.shouldStop = shouldStop
    }

    /// The next line, or `nil` at the end of the input (or on a read error, or once told to
    /// stop).
    package mutating func next() -> Line? {
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
            if shouldStop() { return nil }
            fill()
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
