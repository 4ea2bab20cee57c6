import BackCheckYAML

/// The files a load has let go of once read (`lint`, or a load for reports given its layers),
/// each with a fingerprint of its bytes: one needed again (its assessment read against norms
/// that came later) is read from disk once, and only used if it is still the file that was read.
struct ReleasedFiles {
    private var fingerprints: [RuntimeEvaluatorLoader.FileKey: Int] = [:]

    /// Whether the file was read from disk and may be let go: a file given in memory cannot
    /// be read again, so it is kept.
    static func canRelease(_ file: CatalogueLayer.File) -> Bool { file.readFromDisk }

    /// A fingerprint of `bytes`, to tell whether a file read again is the one read first.
    static func fingerprint(of bytes: [UInt8]) -> Int {
        var hasher = Hasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    /// Lets go of the bytes of the file at `key`, whose bytes had `fingerprint`.
    mutating func release(_ key: RuntimeEvaluatorLoader.FileKey, in layers: inout [CatalogueLayer], fingerprint: Int) {
        layers[key.layer].files[key.file].bytes = []
        fingerprints[key] = fingerprint
    }

    /// `files` (by key) with the bytes of each released one read again, once each; a file that
    /// can no longer be read, or has changed since, gets a diagnostic and keeps no bytes.
    func restoring(_ keys: [RuntimeEvaluatorLoader.FileKey], of layers: [CatalogueLayer], limit: Int, reader: NodeReader)
        -> [RuntimeEvaluatorLoader.FileKey: CatalogueLayer.File]
    {
        var files: [RuntimeEvaluatorLoader.FileKey: CatalogueLayer.File] = [:]
        for key in keys where files[key] == nil {
            var file = layers[key.layer].files[key.file]
            if let fingerprint = fingerprints[key] {
                switch FileBytes.load(file.path, limit: limit) {
                case .success(let bytes) where Self.fingerprint(of: bytes) == fingerprint:
                    file.bytes = bytes
                case .success:
                    reader.error("the file changed while the catalogue was being read; run the command again once it is saved", at: SourceMark(file: file.path, line: 1, column: 1))
                case .failure(let problem):
                    reader.report(problem)
                }
            }
            files[key] = file
        }
        return files
    }
}
