#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Report timestamps: UTC, to the second, as `2026-11-21T10:00:00Z` (RFC 3339).
public enum Timestamp {
    /// The time now.
    public static func now() -> String {
        format(secondsSinceEpoch: Int(time(nil)))
    }

    /// The time `secondsSinceEpoch` seconds after 1970-01-01T00:00:00Z.
    public static func format(secondsSinceEpoch: Int) -> String {
        var seconds = time_t(secondsSinceEpoch)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return "1970-01-01T00:00:00Z" }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// Whether `text` is a time as ``format(secondsSinceEpoch:)`` writes it:
    /// `YYYY-MM-DDTHH:MM:SSZ` with a real month, day, hour, minute and second.
    public static func isValid(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 20 else { return false }
        let shape = Array("0000-00-00T00:00:00Z".utf8)
        for (byte, expected) in zip(bytes, shape) {
            if expected == UInt8(ascii: "0") {
                guard (0x30...0x39).contains(byte) else { return false }
            } else if byte != expected {
                return false
            }
        }
        func number(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        return (1...12).contains(number(5..<7)) && (1...31).contains(number(8..<10)) && number(11..<13) < 24
            && number(14..<16) < 60 && number(17..<19) < 61
    }

}
