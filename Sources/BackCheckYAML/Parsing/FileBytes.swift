#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with the C library, reporting problems as diagnostics.
public enum FileBytes {
    /// The bytes of the file at `path`, or why they cannot be had: missing, a folder, a pipe
    /// or device, unreadable, or larger than `limit` bytes.
    public static func load(_ path: String, limit: Int) -> Result<[UInt8], Diagnostic> {
        let mark = SourceMark(file: path, line: 1, column: 1)
        // Non-blocking, so a named pipe with no writer cannot hang the open; the type is then
        // checked before anything is read.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.error(openProblem(errno), at: nil).placed(path)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .failure(.error("cannot read the file: \(describe(errno))", at: nil).placed(path))
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.error("this is a folder, not a file", at: nil).placed(path))
        case S_IFIFO: return .failure(.error("this is a named pipe, not a regular file; save what it gives to a file and name that file", at: nil).placed(path))
        default: return .failure(.error("this is a device or special file, not a regular file; name a regular file", at: nil).placed(path))
        }
        // One allocation of the size the file says it has, filled by as few reads as it takes;
        // the extra byte lets the read that finds the end fit, so a file that grew is noticed.
        let capacity = min(max(Int(status.st_size), 0), limit) + 1
        var failure: Int32?
        var reachedEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < buffer.count {
                let got = read(descriptor, base + count, buffer.count - count)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 {
                    reachedEnd = true
                    return
                }
                count += got
            }
        }
        // The file grew since `fstat`: read the rest a chunk at a time.
        if failure == nil, !reachedEnd, bytes.count <= limit {
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if count == 0 { break }
                bytes.append(contentsOf: chunk[0..<count])
                if bytes.count > limit { break }
            }
        }
        if let failure {
            return .failure(.error("cannot read the file: \(describe(failure))", at: nil).placed(path))
        }
        if bytes.count > limit {
            return .failure(.error("the file is larger than the limit of \(limit) bytes", at: mark))
        }
        return .success(bytes)
    }

    private static func openProblem(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file"
        case EACCES: return "permission denied: cannot read the file"
        default: return "cannot open the file: \(describe(code))"
        }
    }

    /// The C library's wording for an `errno` value.
    static func describe(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

extension Diagnostic {
    /// The same diagnostic pointing at the whole file `path` (line 1, column 1 is the
    /// closest a mark can come to "the file itself").
    func placed(_ path: String) -> Diagnostic {
        var copy = self
        copy.mark = SourceMark(file: path, line: 1, column: 1)
        return copy
    }
}
