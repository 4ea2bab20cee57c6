#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Searches for byte strings in a file's bytes before anything parses it: the loader's scans
/// for `kind: norms` and the placeholder check run over every byte of every author's file, so
/// they must cost a fraction of parsing.
package enum ByteSearch {
    /// Calls `body` with each offset at which `needle` starts in `haystack`, in order, while it
    /// returns `true`.
    static func forEachOffset(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Bool) {
        guard let first = needle.first, let base = haystack.baseAddress, haystack.count >= needle.count else { return }
        needle.withUnsafeBufferPointer { needleBuffer in
            let last = haystack.count - needle.count
            var index = 0
            while index <= last {
                guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return }
                index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if memcmp(base + index, needleBuffer.baseAddress!, needle.count) == 0, !body(index) { return }
                index += 1
            }
        }
    }

    /// Whether `text` contains `needle`, compared as UTF-8 bytes (the same answer as
    /// `String.contains` for the ASCII names and operators the checks look for, at a
    /// fraction of its cost).
    static func contains(_ needle: String, in text: String) -> Bool {
        var text = text
        var found = false
        text.withUTF8 { bytes in forEachOffset(of: Array(needle.utf8), in: bytes) { _ in found = true; return false } }
        return found
    }

    /// `needles` indexed by their first byte and by how far a window may skip, built once for
    /// a search that runs on many files.
    package struct NeedleTable: Sendable {
        fileprivate let needles: [[UInt8]]
        /// Bit `n` of entry `b` is set when needle `n` starts with byte `b` (up to 64 needles).
        fileprivate let startingWith: [UInt64]
        /// The length of the shortest needle: the width of the window the search slides.
        fileprivate let window: Int
        /// For each pair of bytes (folded into 12 bits), how far the window may slide when the
        /// pair ends it: no needle's first `window` bytes can fit over the window any nearer.
        /// (Wu and Manber's rule over byte pairs: single bytes of prose are nearly all in some
        /// phrase, and let it move on by a byte or two; pairs let it move on by most of a window.)
        fileprivate let skip: [UInt8]

        package init(_ needles: [[UInt8]]) {
            precondition(needles.count <= 64, "a NeedleTable holds at most 64 needles")
            precondition(!needles.isEmpty && needles.allSatisfy { !$0.isEmpty }, "a NeedleTable needs needles of one byte or more")
            var table = [UInt64](repeating: 0, count: 256)
            for (number, needle) in needles.enumerated() { table[Int(needle[0])] |= 1 << UInt64(number) }
            let window = min(needles.map(\.count).min()!, 256)
            // A window of one byte has no pairs: it moves on a byte at a time.
            var skip = [UInt8](repeating: UInt8(max(1, window - 1)), count: 4096)
            for needle in needles where window >= 2 {
                // A pair ending at `place` (1...window - 2) lets the window move on by window - 1 - place.
                for place in stride(from: 1, through: window - 2, by: 1) {
                    let slot = ByteSearch.pairSlot(needle[place - 1], needle[place])
                    skip[slot] = min(skip[slot], UInt8(window - 1 - place))
                }
            }
            self.needles = needles
            startingWith = table
            self.window = window
            self.skip = skip
        }
    }

    /// Where the pair `first`, `second` is kept in a ``NeedleTable``'s skips. Pairs that share
    /// a slot share the smaller skip, which is always safe.
    fileprivate static func pairSlot(_ first: UInt8, _ second: UInt8) -> Int {
        (Int(first) << 4 ^ Int(second)) & 0xFFF
    }

    /// Whether any needle of `table` occurs in `haystack`. A window as wide as the shortest
    /// needle slides over the bytes, checked at each stop by its first byte and moved on by
    /// its last two: prose that holds no needle is passed over many bytes at a time.
    package static func containsAny(of table: NeedleTable, in haystack: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { bytes in
            table.startingWith.withUnsafeBufferPointer { startingWith in
                table.skip.withUnsafeBufferPointer { skip in
                    guard let base = bytes.baseAddress else { return false }
                    var start = 0
                    while start + table.window <= bytes.count {
                        var candidates = startingWith[Int(base[start])]
                        while candidates != 0 {
                            let needle = table.needles[candidates.trailingZeroBitCount]
                            candidates &= candidates - 1
                            if needle.count <= bytes.count - start,
                               needle.withUnsafeBufferPointer({ memcmp(base + start, $0.baseAddress!, $0.count) }) == 0 {
                                return true
                            }
                        }
                        let end = start + table.window - 1
                        start += table.window < 2 ? 1 : Int(skip[pairSlot(base[end - 1], base[end])])
                    }
                    return false
                }
            }
        }
    }
}
