import BackCheckYAML
import Synchronization

/// An assessment's digest (see ``Assessment/digest``), worked out when first asked for and
/// then kept: a report needs it, but loading and `lint` do not, and hashing every definition
/// was a tenth of loading a catalogue. The definition's tree is gone by then, so its file is
/// parsed again; the bytes are the ones read at load (shared, not copied).
final class DefinitionDigest: Sendable {
    /// Where the definition is: the bytes of its file, the file's path and the document's index.
    struct Source: Sendable {
        var bytes: [UInt8]
        var path: String
        var document: Int
        var limits: YAMLLimits
    }

    private let source: Source?
    private let value = Mutex<String?>(nil)

    /// A digest worked out from `source` when first asked for.
    init(source: Source) {
        self.source = source
    }

    /// A digest already known.
    init(known digest: String) {
        source = nil
        value.withLock { $0 = digest }
    }

    /// Whether the digest is still to be worked out by parsing the file again.
    var needsParse: Bool { value.withLock { $0 == nil } && source != nil }

    /// `sha256:` of the definition's canonical text.
    var digest: String {
        value.withLock { cached in
            if let cached { return cached }
            let digest = compute()
            cached = digest
            return digest
        }
    }

    private func compute() -> String {
        guard let source else { return Digest.of(YAMLNode(.mapping([]), mark: SourceMark(file: "", line: 1, column: 1))) }
        let documents = YAMLParser(limits: source.limits, allowsTags: false).parse(source.bytes, file: source.path).documents
        // The file parsed before, so the document is there; an empty definition is the fallback.
        guard source.document < documents.count else {
            return Digest.of(YAMLNode(.mapping([]), mark: SourceMark(file: source.path, line: 1, column: 1)))
        }
        return Digest.of(documents[source.document].root)
    }
}
