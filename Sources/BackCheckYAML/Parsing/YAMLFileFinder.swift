#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the YAML files named on a command line: files as given, folders searched.
public enum YAMLFileFinder {
    /// The file name endings searched for in folders.
    public static let extensions = [".yaml", ".yml"]

    /// The files to read for `paths`, in order, without repeats, and the problems met.
    ///
    /// A path naming a file is taken whatever its ending. A path naming a folder stands for
    /// every `.yaml` and `.yml` file below it, sorted by path; names starting with `.` are
    /// skipped (`.git`, `.build`), and symbolic links to folders are not followed, so a link
    /// loop cannot trap the search. A missing path is reported.
    public static func files(in paths: [String]) -> (files: [String], diagnostics: DiagnosticLog) {
        var files: [String] = []
        var seen = Set<String>()
        var diagnostics = DiagnosticLog()
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0 else {
                diagnostics.error("\(path): no such file or folder", at: nil)
                continue
            }
            var found: [String] = []
            if (status.st_mode & S_IFMT) == S_IFDIR {
                var trimmed = path
                while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
                search(trimmed, into: &found, diagnostics: &diagnostics)
                found.sort()
            } else {
                found = [path]
            }
            for file in found where seen.insert(file).inserted { files.append(file) }
        }
        return (files, diagnostics)
    }

    private static func search(_ folder: String, into found: inout [String], diagnostics: inout DiagnosticLog) {
        guard let directory = opendir(folder) else {
            diagnostics.error("\(folder): cannot read the folder: \(FileBytes.describe(errno))", at: nil)
            return
        }
        defer { closedir(directory) }
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if !name.hasPrefix(".") { entries.append((name, entry.pointee.d_type)) }
        }
        entries.sort { $0.name < $1.name }
        for (name, type) in entries {
            let path = folder == "/" ? "/" + name : folder + "/" + name
            // The folder listing says what most entries are; ask the file system only when it does not.
            if type == UInt8(DT_REG) {
                if extensions.contains(where: { name.hasSuffix($0) }) { found.append(path) }
                continue
            }
            var status = stat()
            guard lstat(path, &status) == 0 else { continue }
            let kind = status.st_mode & S_IFMT
            if kind == S_IFDIR {
                search(path, into: &found, diagnostics: &diagnostics)
            } else if extensions.contains(where: { name.hasSuffix($0) }) {
                var target = stat()
                if kind == S_IFREG || (kind == S_IFLNK && stat(path, &target) == 0 && (target.st_mode & S_IFMT) == S_IFREG) {
                    found.append(path)
                }
            }
        }
    }
}
