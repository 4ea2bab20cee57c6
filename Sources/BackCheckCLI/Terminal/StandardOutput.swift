#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output, where a failed write is an error the user hears about: a full disk or a
/// closed file exits 1 with "cannot write standard output: …". A reader that went away (a
/// closed pipe, as `| head -1` does) ends the program quietly.
enum StandardOutput {
    /// Writes all of `text`, or exits as above.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(1, base + offset, bytes.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { fail(written < 0 ? errno : EIO) }
                offset += written
            }
        }
    }

    /// `print` to standard output, with the same care.
    static func print(_ text: String, terminator: String = "\n") {
        write(text + terminator)
    }

    private static func fail(_ code: Int32) -> Never {
        if code == EPIPE { exit(0) }
        let reason = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        writeAll("error: cannot write standard output: \(reason)\n", to: 2)
        exit(1)
    }
}

/// `write(2)`, named apart from `StandardOutput.write`.
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
