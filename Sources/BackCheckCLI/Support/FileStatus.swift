#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import AssessmentKit
import CheckInHistory

/// File checks the commands need before writing.
enum FileStatus {
    /// Whether anything exists at `path`.
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Whether `path` is a folder (links followed).
    static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether `a` and `b` name the same file: the same device and inode when both exist (so
    /// `./x`, `x` and a link to it all match); otherwise the same name in the same folder, the
    /// folders' links followed (so a relative and an absolute path to a file not made yet
    /// match), else the same path once `.` parts are dropped.
    static func same(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        let firstExists = stat(a, &first) == 0, secondExists = stat(b, &second) == 0
        if firstExists, secondExists {
            return first.st_dev == second.st_dev && first.st_ino == second.st_ino
        }
        // One exists and the other does not: they are different files.
        if firstExists != secondExists { return false }
        if let folderA = realPath(AtomicFile.folder(of: a)), let folderB = realPath(AtomicFile.folder(of: b)) {
            return folderA == folderB && lastComponent(a) == lastComponent(b)
        }
        return normalised(a) == normalised(b)
    }

    /// The part of `path` after its last `/`.
    private static func lastComponent(_ path: String) -> Substring {
        path.lastIndex(of: "/").map { path[path.index(after: $0)...] } ?? path[...]
    }

    /// Refuses to write `output` over one of the command's own inputs: the file would be gone
    /// before the command had finished reading what the user meant.
    static func refuseOverwriting(_ output: String?, option: String, inputs: [(option: String, path: String?)]) throws {
        guard let output, output != "-" else { return }
        for input in inputs {
            guard let path = input.path, path != "-", same(output, path) else { continue }
            throw ValidationError("\(option) \(output) is also \(input.option); write the result to another file.")
        }
    }

    /// Whether `path` is the history store `backcheck history` uses here, one of the files
    /// SQLite keeps beside it while it is open, or its lock file (replacing that would let two
    /// processes create the store at once).
    static func isHistoryStore(_ path: String) -> Bool {
        let store = StoreLocation.path(environment: HistoryCommand.environment)
        let lock = StoreLocation.folder(environment: HistoryCommand.environment) + "/" + StoreLocation.lockFileName
        return ["", "-wal", "-shm", "-journal"].contains { same(path, store + $0) } || same(path, lock)
    }

    /// Whether `path` (existing or not) is `folder` itself or somewhere below it, links
    /// followed: its parent folder's real path is compared with the folder's.
    static func isInside(_ path: String, folder: String) -> Bool {
        guard let root = realPath(folder) else { return false }
        guard let place = realPath(AtomicFile.folder(of: path)) else { return false }
        return place == root || place.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func normalised(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }.joined(separator: "/")
    }
}
