#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system reads the catalogue needs, on the C library directly: Foundation
/// would add measurable start-up time to every command for two functions.
enum FileSystem {
    /// Why a path could not be read.
    struct Failure: Error {
        var message: String
    }

    /// Whether `path` is a directory.
    static func isDirectory(_ path: String) -> Bool? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The whole file, or why not.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        guard let file = fopen(path, "rb") else { return .failure(Failure(message: describeErrno())) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if bytes.count > limit {
                return .failure(Failure(message: "the file is larger than \(limit / 1_048_576) MiB"))
            }
            if count < chunk.count {
                if ferror(file) != 0 { return .failure(Failure(message: describeErrno())) }
                return .success(bytes)
            }
        }
    }

    /// Every regular file below `directory` whose name satisfies `include`, sorted by path.
    /// Hidden entries (starting with `.`) are skipped.
    static func files(under directory: String, where include: (String) -> Bool) -> [String] {
        var found: [String] = []
        var pending = [directory]
        while let current = pending.popLast() {
            guard let handle = opendir(current) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let path = current.hasSuffix("/") ? current + name : current + "/" + name
                switch isDirectory(path) {
                case true?: pending.append(path)
                case false?: if include(name) { found.append(path) }
                case nil: continue
                }
            }
        }
        return found.sorted()
    }

    private static func describeErrno() -> String {
        String(cString: strerror(errno))
    }
}
