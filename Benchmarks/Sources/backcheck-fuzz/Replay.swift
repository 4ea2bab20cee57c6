import Foundation

/// Replays input files (or every file of a folder, such as a libFuzzer corpus) through every
/// fuzz stage, naming each before it runs so that a crash points at its input.
enum Replay {
    static func run(_ paths: [String]) {
        guard !paths.isEmpty else {
            print("usage: backcheck-fuzz FILE_OR_FOLDER...   (replays inputs; fuzz.sh builds the libFuzzer binary)")
            exit(64)
        }
        var count = 0
        for path in paths {
            for file in files(at: path) {
                print("replaying \(file)")
                guard let data = FileManager.default.contents(atPath: file) else {
                    print("cannot read \(file)")
                    continue
                }
                FuzzTarget.run([UInt8](data))
                count += 1
            }
        }
        print("replayed \(count) input\(count == 1 ? "" : "s") without a crash")
    }

    /// `path` itself, or the regular files below it in name order.
    private static func files(at path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (FileManager.default.subpaths(atPath: path) ?? []).sorted()
        return names.map { "\(path)/\($0)" }.filter { file in
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: file, isDirectory: &folder) && !folder.boolValue
        }
    }
}
