public import BackCheckYAML
import BuiltinCatalogue

/// Where catalogue files come from: the built-in catalogue or a folder on disk.
public struct CatalogueLayer: Sendable {
    /// One file of a layer.
    public struct File: Sendable {
        /// The path shown in diagnostics.
        public var path: String
        /// The file's bytes. Changing them forgets what was worked out at build time, and that
        /// they are what is on disk (so a load keeps them: reading the file again would not
        /// give them back).
        public var bytes: [UInt8] {
            didSet {
                knownDigests = []
                examplesStart = nil
                readFromDisk = false
            }
        }
        /// Whether the bytes are what `path` held on disk (``CatalogueLayer/fromDisk(_:maxFileBytes:)``),
        /// so they can be read again: `lint`, and a load with digests worked out at load, then
        /// let them go once read.
        var readFromDisk = false
        /// The digest of each document, worked out when the program was built (the built-in
        /// catalogue's files); empty for any other file.
        var knownDigests: [String] = []
        /// Where the trailing `examples:` block starts, as the build found it (the built-in
        /// catalogue's files; see `CatalogueFile.examplesStart`); `nil` for any other file.
        var examplesStart: Int?

        /// Creates a file record.
        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    /// `built-in`, or the folder's path.
    public var name: String
    /// The files, in load order.
    public var files: [File]
    /// Whether this is the catalogue compiled into the program (``builtIn``): finished text,
    /// checked when the program was tested. Known by how the layer was made, never by its
    /// name, so an author's folder called `built-in` is read and checked as any other.
    private(set) var isBuiltIn = false
    /// The folder on disk the layer was read from: evaluator modules (`kind: evaluator`) are
    /// read from inside it and nowhere else. `nil` for a layer held in memory, which can then
    /// bring no modules.
    public var folder: String?

    /// Creates a layer from files already in memory; `folder` is where its evaluator modules
    /// are, if it brings any.
    public init(name: String, files: [File], folder: String? = nil) {
        self.name = name
        self.files = files
        self.folder = folder
    }

    /// The name of the built-in layer.
    static let builtInName = "built-in"

    /// The positions of the built-in catalogue among `layers`.
    static func builtInLayers(of layers: [CatalogueLayer]) -> Set<Int> {
        Set(layers.indices.filter { layers[$0].isBuiltIn })
    }

    /// The catalogue compiled into the program.
    public static var builtIn: CatalogueLayer {
        builtIn(keeping: BuiltinCatalogue.files)
    }

    /// The built-in layer made of `embedded`, with their digests.
    static func builtIn(keeping embedded: [CatalogueFile]) -> CatalogueLayer {
        var layer = CatalogueLayer(name: builtInName, files: embedded.map { embedded in
            var file = File(path: embedded.path, bytes: Array(embedded.text.utf8))
            file.knownDigests = embedded.digests
            file.examplesStart = embedded.examplesStart
            return file
        })
        layer.isBuiltIn = true
        return layer
    }

    private static func parentFolder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) }.map { $0.isEmpty ? "/" : $0 } ?? "."
    }

    /// Whether a file name is a catalogue file: `.yaml`/`.yml`, but not an answers file.
    public static func isCatalogueFile(_ name: String) -> Bool {
        let yaml = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
        return yaml && !name.hasSuffix(".answers.yaml") && !name.hasSuffix(".answers.yml")
    }

    /// The catalogue files at `path` — a file as named, or every catalogue file below a
    /// folder — with a diagnostic for each path or file that cannot be read.
    public static func fromDisk(_ path: String, maxFileBytes: Int = YAMLLimits.default.maxFileBytes)
        -> (layer: CatalogueLayer, problems: [Diagnostic])
    {
        let (found, discovery) = YAMLFileFinder.files(in: [path])
        var problems = Array(discovery)
        var files: [File] = []
        let answersFile = path.hasSuffix(".answers.yaml") || path.hasSuffix(".answers.yml")
        if answersFile, found == [path] {
            problems.append(.error(
                "this is an answers file (its name ends in .answers.yaml), not a catalogue file; use it with `backcheck run --answers \(path)`",
                at: SourceMark(file: path, line: 1, column: 1)))
        }
        let wanted = found.filter { file in
            // The name found through the bytes: by characters, this was a quarter of the time
            // spent listing 10 000 files.
            (file == path && !answersFile)
                || isCatalogueFile(String(file[(file.utf8.lastIndex(of: UInt8(ascii: "/")).map(file.utf8.index(after:)) ?? file.startIndex)...]))
        }
        // Reading is mostly system calls and copying: spread over the cores, in order.
        let loaded = ParallelMap.map(wanted.count, minimumCount: 16) { FileBytes.load(wanted[$0], limit: maxFileBytes) }
        files.reserveCapacity(wanted.count)
        for (file, result) in zip(wanted, loaded) {
            switch result {
            case .success(let bytes):
                var read = File(path: file, bytes: bytes)
                read.readFromDisk = true
                files.append(read)
            case .failure(let problem): problems.append(problem)
            }
        }
        // A single file given as the catalogue: its modules are beside it.
        let folder = path.hasSuffix(".yaml") || path.hasSuffix(".yml") ? parentFolder(of: path) : path
        return (CatalogueLayer(name: path, files: files, folder: folder), problems)
    }
}
