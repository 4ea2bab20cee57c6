#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the history store lives: `$BACKCHECK_HOME/history.sqlite`, else
/// `$XDG_DATA_HOME/backcheck/`, else `~/.local/share/backcheck/`.
public enum StoreLocation {
    /// The store's file name inside its folder.
    public static let fileName = "history.sqlite"

    /// The lock file beside the store that makes its first open safe between processes; it is
    /// one of the store's files, which no other output may replace.
    public static let lockFileName = ".history.lock"

    /// The folder for the current environment.
    public static func folder(environment: [String: String]) -> String {
        if let home = environment["BACKCHECK_HOME"], !home.isEmpty { return home }
        if let data = environment["XDG_DATA_HOME"], !data.isEmpty { return data + "/backcheck" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "."
        return home + "/.local/share/backcheck"
    }

    /// The store's path for the current environment.
    public static func path(environment: [String: String]) -> String {
        folder(environment: environment) + "/" + fileName
    }
}
