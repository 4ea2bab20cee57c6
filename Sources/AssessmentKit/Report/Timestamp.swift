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
}
