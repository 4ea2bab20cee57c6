import Foundation

/// The temporary folders the CLI tests make, removed when the test process exits. The tests
/// write answers, reports, calendars and history stores (made-up health data all the same),
/// and a hundred folders a run must not pile up in the system's temporary folder.
///
/// Removal waits for the exit, not the end of each test, because a test's folder is shared
/// by the helper processes it starts; a process that crashes leaves its folders behind.
enum TemporaryFolders {
    private static let made = Made()

    /// Keeps `folder` to be removed, with everything in it, when the process exits.
    static func removeAtExit(_ folder: URL) { made.add(folder) }

    private final class Made: @unchecked Sendable {
        // Guards `folders`: tests run in parallel.
        private let lock = NSLock()
        private var folders: [URL] = []

        init() {
            atexit { TemporaryFolders.made.removeAll() }
        }

        func add(_ folder: URL) {
            lock.withLock { folders.append(folder) }
        }

        func removeAll() {
            let folders = lock.withLock { self.folders }
            for folder in folders { try? FileManager.default.removeItem(at: folder) }
        }
    }
}
