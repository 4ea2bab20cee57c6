#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard error as a `TextOutputStream`, for `print(_:to:)`.
struct StandardError: TextOutputStream {
    mutating func write(_ text: String) {
        writeAll(text, to: 2)
    }
}

/// Writes all of `text` to the file descriptor, retrying short writes; gives up on an error
/// (a closed pipe), as there is nowhere left to report it.
func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { bytes in
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, base + offset, bytes.count - offset)
            if written <= 0 { return }
            offset += written
        }
    }
}
