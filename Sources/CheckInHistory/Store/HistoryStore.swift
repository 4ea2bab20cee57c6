#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import Synchronization

/// The history of check-ins: one SQLite file (WAL), readable only by its owner, kept on this
/// machine. Safe to use from several processes at once.
///
/// ```swift
/// let store = try HistoryStore.open(at: StoreLocation.path(environment: environment))
/// let saved = try store.save(report, person: "Sam")
/// ```
public final class HistoryStore: Sendable {
    /// The file.
    public let path: String
    /// The one connection, used only while holding `lock`.
    let database: SQLiteConnection
    let lock = Mutex(())
    /// Whether opening found the store's files readable or writable by others (a copy, a
    /// restore, a `chmod`) and made them owner-only again, so the caller can say so.
    public let permissionsTightened: Bool
    /// The store's folder when others may write in it (and so delete or replace the store):
    /// left as it is, since the folder may be shared on purpose, for the caller to warn about.
    public let folderWritableByOthers: String?

    private init(path: String, database: SQLiteConnection, permissionsTightened: Bool, folderWritableByOthers: String?) {
        self.path = path
        self.database = database
        self.permissionsTightened = permissionsTightened
        self.folderWritableByOthers = folderWritableByOthers
    }

    /// Opens the store at `path`, creating its folder (0700) and file (0600) when missing and
    /// bringing its tables up to date. The first open by several processes at once is made
    /// safe by a lock file: only one creates and migrates, the others wait.
    public static func open(at path: String) throws(HistoryError) -> HistoryStore {
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        try makeFolder(folder)
        let lock = try FileLock(path: folder + "/" + StoreLocation.lockFileName)
        defer { lock.release() }
        var status = stat()
        if lstat(path, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFREG else {
                throw .notAStore(path: path, reason: "it is not a regular file")
            }
        } else {
            // Created with the owner-only mode first: SQLite gives -wal and -shm the same mode.
            let descriptor = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
            guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
            close(descriptor)
        }
        do {
            let db = try SQLiteConnection(path: path, busySeconds: 10)
            let tables = try db.rows("SELECT name FROM sqlite_master WHERE type = 'table'").compactMap { $0.text("name") }
            if !tables.isEmpty && !tables.contains(HistorySchema.migrationsTable) {
                throw HistoryError.notAStore(path: path, reason: "an SQLite database of some other program")
            }
            if try HistorySchema.hasBeenSuperseded(db) { throw HistoryError.newerStore(path: path) }
            // Only once it is known to be a store: anything else is left exactly as it was.
            let tightened = ownerOnly([path] + ["-wal", "-shm", "-journal"].map { path + $0 })
            try db.useWriteAheadLog()
            try HistorySchema.migrate(db)
            if let missing = try HistorySchema.missingTable(in: db) {
                throw HistoryError.damaged(path: path, reason: "its table '\(missing)' is missing")
            }
            return HistoryStore(
                path: path, database: db, permissionsTightened: tightened, folderWritableByOthers: writableByOthers(folder) ? folder : nil)
        } catch let error as HistoryError {
            throw error
        } catch let error as SQLiteError where error.isNotADatabase {
            // A file that starts as SQLite's do is a store cut short or overwritten, not some
            // other file: its owner needs to hear it is damaged, and how to save what is left.
            if hasSQLiteHeader(path) { throw .damaged(path: path, reason: "SQLite cannot read it: \(error.message)") }
            throw .notAStore(path: path, reason: "not an SQLite database")
        } catch let error as SQLiteError where error.isReadOnly {
            throw .cannotOpen(path: path, reason: """
                it or its folder is read-only, and SQLite writes a log beside the store even to read it; \
                make both writable by you (chmod u+w), or copy the folder somewhere writable and set BACKCHECK_HOME to the copy
                """)
        } catch {
            throw .cannotOpen(path: path, reason: "\(error)")
        }
    }

    /// Whether others than the owner may create, rename or delete files in `folder`: group or
    /// world writable without the sticky bit (which, as on /tmp, keeps them off others' files).
    private static func writableByOthers(_ folder: String) -> Bool {
        var status = stat()
        guard stat(folder, &status) == 0 else { return false }
        return status.st_mode & 0o022 != 0 && status.st_mode & S_ISVTX == 0
    }

    /// Whether the file at `path` begins with the 16 bytes every SQLite database begins with.
    private static func hasSQLiteHeader(_ path: String) -> Bool {
        let descriptor = Glibc.open(path, O_RDONLY)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var header = [UInt8](repeating: 0, count: 16)
        let count = header.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 16) }
        return count == 16 && header == Array("SQLite format 3\0".utf8)
    }

    /// Makes those of `files` that exist, are regular and are this user's readable and
    /// writable by their owner only; answers whether any was not.
    private static func ownerOnly(_ files: [String]) -> Bool {
        var changed = false
        for file in files {
            var status = stat()
            guard lstat(file, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_uid == getuid(),
                  status.st_mode & 0o077 != 0 else { continue }
            if chmod(file, 0o600) == 0 { changed = true }
        }
        return changed
    }

    private static func makeFolder(_ folder: String) throws(HistoryError) {
        var status = stat()
        if stat(folder, &status) == 0 { return }
        // Parents as needed, then the store's own folder with the owner-only mode.
        var built = folder.hasPrefix("/") ? "" : "."
        for part in folder.split(separator: "/") {
            built += "/" + part
            if stat(built, &status) != 0, mkdir(built, 0o700) != 0, errno != EEXIST {
                throw .cannotOpen(path: folder, reason: String(cString: strerror(errno)))
            }
        }
    }
}

/// An exclusive `flock` on a small file beside the store, held while it is created and migrated.
struct FileLock {
    private let descriptor: Int32

    init(path: String) throws(HistoryError) {
        descriptor = Glibc.open(path, O_RDWR | O_CREAT, 0o600)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
