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

    /// Whether any of `needles` occurs in `haystack`: one pass over the bytes, looking each
    /// up in a table of the needles' first bytes, whatever the number of needles.
    static func containsAny(of needles: [[UInt8]], in haystack: [UInt8]) -> Bool {
        var byFirstByte = [[Int]](repeating: [], count: 256)
        for (number, needle) in needles.enumerated() where !needle.isEmpty { byFirstByte[Int(needle[0])].append(number) }
        return haystack.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return false }
            for index in 0..<bytes.count {
                for number in byFirstByte[Int(base[index])] {
                    let needle = needles[number]
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
