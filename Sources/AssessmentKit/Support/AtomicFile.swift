#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that a reader sees the old content or the whole new content, never a
/// half-written file: the bytes go to a temporary file in the same folder, which is then
/// renamed over the target. Reports hold health data, so the default mode lets only the
/// owner read them.
public enum AtomicFile {
    /// Why a file could not be written.
    public struct Failure: Error, CustomStringConvertible {
        /// The path that could not be written.
        public var path: String
        /// What went wrong.
        public var reason: String
        /// `cannot write PATH: REASON`.
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `bytes` to `path` atomically with permissions `mode` (0600 unless told).
    public static func write(_ bytes: some Collection<UInt8>, to path: String, mode: mode_t = 0o600) throws(Failure) {
        let template = path + ".tmp-XXXXXX"
        var name = Array(template.utf8CString)
        let descriptor = name.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(path: path, reason: lastError()) }
        let temporary = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var success = false
        defer {
            if !success { unlink(temporary) }
        }
        guard fchmod(descriptor, mode) == 0 else {
            close(descriptor)
            throw Failure(path: path, reason: lastError())
        }
        let data = Array(bytes)
        var written = 0
        while written < data.count {
            let count = data[written...].withUnsafeBytes { posixWrite(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                close(descriptor)
                throw Failure(path: path, reason: lastError())
            }
            written += count
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else { throw Failure(path: path, reason: lastError()) }
        guard rename(temporary, path) == 0 else { throw Failure(path: path, reason: lastError()) }
        success = true
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String, mode: mode_t = 0o600) throws(Failure) {
        try write(Array(text.utf8), to: path, mode: mode)
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}

/// `write(2)`, named apart from `AtomicFile.write`.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
