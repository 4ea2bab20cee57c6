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
enum ByteSearch {
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

    /// `needles` indexed by their first byte, built once for a search that runs on many files.
    struct NeedleTable: Sendable {
        fileprivate let needles: [[UInt8]]
        /// Bit `n` of entry `b` is set when needle `n` starts with byte `b` (up to 64 needles).
        fileprivate let startingWith: [UInt64]

        init(_ needles: [[UInt8]]) {
            precondition(needles.count <= 64, "a NeedleTable holds at most 64 needles")
            var table = [UInt64](repeating: 0, count: 256)
            for (number, needle) in needles.enumerated() where !needle.isEmpty { table[Int(needle[0])] |= 1 << UInt64(number) }
            self.needles = needles
            startingWith = table
        }
    }

    /// Whether any needle of `table` occurs in `haystack`: one pass over the bytes, each looked
    /// up in the table, so a byte that starts no needle (nearly every byte of prose when the
    /// needles start with capitals) costs one load and one test.
    static func containsAny(of table: NeedleTable, in haystack: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { bytes in
            table.startingWith.withUnsafeBufferPointer { startingWith in
                guard let base = bytes.baseAddress else { return false }
                for index in 0..<bytes.count {
                    var candidates = startingWith[Int(base[index])]
                    while candidates != 0 {
                        let needle = table.needles[candidates.trailingZeroBitCount]
                        candidates &= candidates - 1
                        if needle.count <= bytes.count - index,
                           needle.withUnsafeBufferPointer({ memcmp(base + index, $0.baseAddress!, $0.count) }) == 0 {
                            return true
                        }
                    }
                }
                return false
            }
        }
    }
}
