#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Report timestamps: UTC, to the second, as `2026-11-21T10:00:00Z` (RFC 3339).
package enum Timestamp {
    /// The time now.
    package static func now() -> String {
        format(secondsSinceEpoch: Int(time(nil)))
    }

    /// The time `secondsSinceEpoch` seconds after 1970-01-01T00:00:00Z.
    package static func format(secondsSinceEpoch: Int) -> String {
        var seconds = time_t(secondsSinceEpoch)
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return "1970-01-01T00:00:00Z" }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// Whether `text` is a time as ``format(secondsSinceEpoch:)`` writes it:
    /// `YYYY-MM-DDTHH:MM:SSZ` with a real month, day, hour, minute and second.
    package static func isValid(_ text: String) -> Bool {
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


    /// `YYYY-MM-DD`, `days` days after the date of `timestamp` (which starts `YYYY-MM-DD`);
    /// the timestamp's first ten characters when they are not a date.
    package static func date(_ timestamp: String, plusDays days: Int) -> String {
        let parts = timestamp.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return String(timestamp.prefix(10)) }
        return CivilDate.string(days: CivilDate.days(year: parts[0], month: parts[1], day: parts[2]) + days)
    }

}

/// Days since 1970-01-01 and back (proleptic Gregorian), without Foundation's calendars.
enum CivilDate {
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func string(days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        // Four digits, as the dates it is compared with are written (0001-01-01, not 1-01-01).
        let digits = String(year)
        let fourDigits = year >= 0 ? String(repeating: "0", count: max(0, 4 - digits.count)) + digits : digits
        return "\(fourDigits)-\(two(month))-\(two(day))"
    }
}
