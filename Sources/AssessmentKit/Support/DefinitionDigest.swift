import BackCheckYAML
import Synchronization

/// An assessment's digest (see ``Assessment/digest``), worked out when first asked for and
/// then kept: a report needs it, but loading and `lint` do not, and hashing every definition
/// was a tenth of loading a catalogue. The definition's tree is gone by then, so its file is
/// parsed again; the bytes are the ones read at load (shared, not copied).
struct DefinitionDigest: Sendable {
    /// Where the definition is: the bytes of its file, the file's path and the document's index.
    struct Source: Sendable {
        var bytes: [UInt8]
        var path: String
        var document: Int
        var limits: YAMLLimits
    }

    // A digest known at load (every one a report-writing command loads) is kept as its text
    // alone; only one worked out later needs a box for its source and what it found, which
    // every assessment used to have.
    private enum Form: Sendable {
        case known(String)
        case fromFile(Lazy)
    }

    private let form: Form

    /// A digest worked out from `source` when first asked for.
    init(source: Source) {
        form = .fromFile(Lazy(source: source))
    }

    /// A digest already known.
    init(known digest: String) {
        form = .known(digest)
    }

    /// Whether asking for ``digest`` would parse the definition's file.
    var needsParse: Bool {
        if case .fromFile(let lazy) = form { lazy.needsParse } else { false }
    }

    /// `sha256:` of the definition's canonical text, worked out now if it was not known.
    var digest: String {
        switch form {
        case .known(let digest): digest
        case .fromFile(let lazy): lazy.digest
        }
    }

    /// A digest worked out from its file when first asked for, then kept.
    private final class Lazy: Sendable {
        let source: Source
        private let value = Mutex<String?>(nil)

        init(source: Source) { self.source = source }

        var needsParse: Bool { value.withLock { $0 == nil } }

        var digest: String {
            value.withLock { cached in
                if let cached { return cached }
                let digest = DefinitionDigest.compute(source)
                cached = digest
                return digest
            }
        }
    }

    private static func compute(_ source: Source) -> String {
        let documents = YAMLParser(limits: source.limits, allowsTags: false).parse(source.bytes, file: source.path).documents
        // The file parsed before, so the document is there; an empty definition is the fallback.
        guard source.document < documents.count else {
            return Digest.of(YAMLNode(.mapping([]), mark: SourceMark(file: source.path, line: 1, column: 1)))
        }
        return Digest.of(documents[source.document].root)
    }
}
