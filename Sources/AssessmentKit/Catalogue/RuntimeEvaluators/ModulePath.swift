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
    /// resolve to an existing file.
    static func resolve(_ path: String, besides file: String, inside folder: String?) -> String? {
        guard let folder, !path.isEmpty, !path.hasPrefix("/") else { return nil }
        let directory = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? "."
        let joined = directory + "/" + path
        guard let root = realPath(folder) else { return nil }
        // A path that does not resolve (a missing file, a dangling link) is refused here too:
        // answering its folder plus its name would let a link be followed when it is opened.
        guard let real = realPath(joined) else { return nil }
        return real == root || real.hasPrefix(root + "/") ? real : nil
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
