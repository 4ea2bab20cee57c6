#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import BackCheckYAML

/// `-` as a file: standard input read to its end, for `run --answers -` and `report -`.
enum StandardInput {
    /// The name marks give what was read: `FILE:LINE:COL` with this as the file.
    static let name = "<stdin>"

    /// Everything on standard input, or why not: unreadable, or over `limit` bytes.
    static func bytes(limit: Int = YAMLLimits.default.maxFileBytes) -> Result<[UInt8], Diagnostic> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.error("cannot read standard input: \(String(cString: strerror(errno)))", at: nil))
            }
            if count == 0 { return .success(bytes) }
            bytes += chunk[..<count]
            if bytes.count > limit {
                return .failure(.error("standard input holds more than \(limit) bytes, more than an answers file or report does", at: nil))
            }
        }
    }
}
