#if canImport(Glibc)
package import Glibc
#elseif canImport(Musl)
package import Musl
#elseif canImport(Darwin)
package import Darwin
#endif
internal import BackCheckYAML
internal import Synchronization

/// Writes files so that a reader sees the old content or the whole new content, never a
/// half-written file: the bytes go to a temporary file in the same folder, which is then
/// renamed over the target. Reports hold health data, so the default mode lets only the
/// owner read them.
package enum AtomicFile {
    /// Why a file could not be written.
    package struct Failure: Error, CustomStringConvertible {
        /// The path that could not be written.
        package var path: String
        /// What went wrong.
        package var reason: String
        /// `cannot write PATH: REASON`.
        package var description: String {
            path.isEmpty ? "cannot write to an empty path: \(reason)" : "cannot write \(VisibleText.escaped(path)): \(reason)"
        }

        /// A failure to write `path`, for `reason` (what went wrong and what to do instead).
        package init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Writes `bytes` to `path` atomically with permissions `mode` (0600 unless told).
    ///
    /// Refuses a `path` that exists and is not a regular file: a device, a folder, a pipe or a
    /// symbolic link (renaming over a link would replace the link, not the file it points to;
    /// give the real path). The temporary file is `.backcheck-PID-XXXXXX` in the target's
    /// folder, so a long target name still fits, and one left by a killed run is recognisable
    /// and removed by the next write to that folder.
    package static func write(_ bytes: some Collection<UInt8>, to path: String, mode: mode_t = 0o600) throws(Failure) {
        try checkTarget(path)
        let folder = Self.folder(of: path)
        removeStaleTemporaries(in: folder)
        var name = Array((folder + "/" + temporaryPrefix + "\(getpid())-XXXXXX").utf8CString)
        let descriptor = name.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Failure(path: path, reason: folderProblem(folder)) }
        let temporary = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var success = false
        defer {
            if !success { unlink(temporary) }
        }
        guard fchmod(descriptor, mode) == 0 else {
            close(descriptor)
            throw Failure(path: path, reason: lastError())
        }
        // Written from where the bytes are (a page's or a report's text), not from a copy.
        let wrote = bytes.withContiguousStorageIfAvailable { writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
            ?? Array(bytes).withUnsafeBytes { writeAll($0, to: descriptor) }
        guard wrote else {
            let reason = lastError()
            close(descriptor)
            throw Failure(path: path, reason: reason)
        }
        guard fsync(descriptor) == 0, close(descriptor) == 0 else { throw Failure(path: path, reason: lastError()) }
        guard rename(temporary, path) == 0 else { throw Failure(path: path, reason: lastError()) }
        success = true
    }

    /// Throws the failure ``write(_:to:mode:)`` would meet before writing a byte: an empty path,
    /// something that is not a regular file in the way, or a folder that is missing or cannot
    /// be written to. A command that asks questions first checks its outputs with this, so a
    /// bad path is said before the work, not after it.
    package static func checkWritable(_ path: String) throws(Failure) {
        try checkTarget(path)
        let folder = Self.folder(of: path)
        // The same words as a write that fails there (a path through a file counts as missing).
        guard isFolder(folder) else { throw Failure(path: path, reason: folderProblem(folder, code: ENOENT)) }
        guard access(folder, W_OK | X_OK) == 0 else { throw Failure(path: path, reason: folderProblem(folder)) }
    }

    /// Refuses an empty path and one where something other than a regular file is.
    private static func checkTarget(_ path: String) throws(Failure) {
        guard !path.isEmpty else { throw Failure(path: path, reason: "give a file name (or - for standard output)") }
        var existing = stat()
        if lstat(path, &existing) == 0, (existing.st_mode & S_IFMT) != S_IFREG {
            let hint = (existing.st_mode & S_IFMT) == S_IFLNK ? "give the path of the file it points to, or another path" : "give another path"
            throw Failure(path: path, reason: "it exists and is not a regular file (\(kind(existing.st_mode))); \(hint)")
        }
    }

    /// The start of every temporary file's name: `.backcheck-` then the writing process's id.
    static let temporaryPrefix = ".backcheck-"

    /// The folder `path` is in (`.` for a bare name).
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// The folders this process has swept of stale temporary files.
    private static let swept = Mutex<Set<String>>([])

    /// Removes temporary files of this naming whose writer is no longer running (killed
    /// before it could rename or remove them), the first time this process writes in `folder`:
    /// reading the folder before every write made writing a catalogue's 10 000 pages into one
    /// folder take time growing with the square of their number (30 s, half of it `getdents`).
    static func removeStaleTemporaries(in folder: String) {
        guard swept.withLock({ $0.insert(folder).inserted }) else { return }
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(temporaryPrefix) else { continue }
            let rest = name.dropFirst(temporaryPrefix.count)
            guard let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0,
                  rest[rest.index(after: dash)...].count == 6 else { continue }
            if kill(pid, 0) != 0, errno == ESRCH { unlink(folder + "/" + name) }
        }
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "a folder"
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a named pipe"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    package static func write(_ text: String, to path: String, mode: mode_t = 0o600) throws(Failure) {
        try write(text.utf8, to: path, mode: mode)
    }

    /// Writes every byte of `bytes` to `descriptor`; `false` (with `errno` set) when it cannot.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = posixWrite(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += count
        }
        return true
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    /// Why no file could be made in `folder`, and what to do about it.
    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    private static func folderProblem(_ folder: String, code: Int32 = errno) -> String {
        let words = String(cString: strerror(code))
        switch code {
        case ENOENT where !isFolder(folder):
            return "the folder \(folder) does not exist; create it first (mkdir -p \(folder)) or give another path"
        case EACCES, EROFS:
            return "\(words.lowercased()) in the folder \(folder); give a path in a folder you can write to"
        default:
            return words
        }
    }
}

/// `write(2)`, named apart from `AtomicFile.write`.
private func posixWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}
