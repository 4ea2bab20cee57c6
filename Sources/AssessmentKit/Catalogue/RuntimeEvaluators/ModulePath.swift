#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an evaluator's module is: a path relative to the YAML file that names it, which must
/// stay inside the catalogue folder — after `..` and symbolic links are followed, so a
/// catalogue cannot make the program read a file of the person running it.
enum ModulePath {
    /// The module's real path, or `nil` when `path` is absolute, leaves `folder`, or does not
    /// exist (a missing module is reported when it is read).
    static func resolve(_ path: String, besides file: String, inside folder: String?) -> String? {
        guard let folder, !path.isEmpty, !path.hasPrefix("/") else { return nil }
        let directory = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? "."
        let joined = directory + "/" + path
        guard let root = realPath(folder) else { return nil }
        // A missing file cannot be resolved; its folder can, and must be inside.
        if let real = realPath(joined) {
            return real == root || real.hasPrefix(root + "/") ? real : nil
        }
        let parent = joined.lastIndex(of: "/").map { String(joined[..<$0]) } ?? "."
        guard let realParent = realPath(parent), realParent == root || realParent.hasPrefix(root + "/") else { return nil }
        return realParent + "/" + joined[joined.index(after: joined.lastIndex(of: "/")!)...]
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
