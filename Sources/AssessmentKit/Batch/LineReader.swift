#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor a block at a time, so a batch of any length is read in
/// constant memory. A line longer than `maximumLength` is skipped to its end (never held
/// whole) and reported as too long.
package struct LineReader {
    /// One line of input.
    package enum Line: Sendable, Equatable {
        /// A line's bytes, without its `\n` (or `\r\n`); `number` is 1-based.
        case text([UInt8], number: Int)
        /// A line longer than the limit, skipped; `head` is its first bytes (at most
        /// ``headLength``), enough to find an `id` written first.
        case tooLong(length: Int, number: Int, head: [UInt8])
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
    /// The start of the line being skipped for its length.
    private var head: [UInt8] = []

    /// How much of a skipped line is kept, to find its `id`.
    package static let headLength = 4096

    /// Reads from `descriptor` (not closed by the reader).
    package init(descriptor: Int32, maximumLength: Int = 8 << 20) {
        self.descriptor = descriptor
        self.maximumLength = maximumLength
    }

    /// The next line, or `nil` at the end of the input (or on a read error).
    package mutating func next() -> Line? {
        var skipped = 0
        head = []
        while true {
            if let newline = buffer[max(start, searchFrom)...].firstIndex(of: UInt8(ascii: "\n")) {
                number += 1
                defer { start = newline + 1 }
                if skipped > 0 { return .tooLong(length: skipped + newline - start, number: number, head: head) }
                var end = newline
                if end > start, buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                return .text(Array(buffer[start..<end]), number: number)
            }
            searchFrom = buffer.count
            if buffer.count - start > maximumLength {
                if skipped == 0 { head = Array(buffer[start..<min(buffer.count, start + Self.headLength)]) }
                skipped += buffer.count - start
                dropped += buffer.count
                buffer.removeAll(keepingCapacity: true)
                start = 0
                searchFrom = 0
            }
            if atEnd {
                guard start < buffer.count || skipped > 0 else { return nil }
                number += 1
                defer { dropped += buffer.count; buffer = []; start = 0; searchFrom = 0 }
                if skipped > 0 { return .tooLong(length: skipped + buffer.count - start, number: number, head: head) }
                var end = buffer.count
                if buffer[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                return .text(Array(buffer[start..<end]), number: number)
            }
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
