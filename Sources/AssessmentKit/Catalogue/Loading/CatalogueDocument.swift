import BackCheckYAML

/// The kinds of catalogue document (spec 1).
enum DocumentKind: String, CaseIterable, YAMLEnumeration {
    case assessment
    case exercise
    case norms
    /// The words `regions` and `targets` may use; a catalogue may add its own.
    case vocabulary
    /// An evaluator a catalogue brings as a WebAssembly module (read before the rest).
    case evaluator

    /// The kind with its article, for messages: "an exercise", "a norms table".
    var withArticle: String {
        switch self {
        case .assessment, .exercise, .evaluator: "an \(rawValue)"
        case .norms: "a norms table"
        case .vocabulary: "a vocabulary"
        }
    }
}

/// One document of a catalogue file, with its kind and id read, before its body is.
struct CatalogueDocument {
    var kind: DocumentKind
    var id: String
    var root: YAMLNode
    var layer: Int
    /// The definition's digest, known or to be worked out from its file when first asked
    /// for; `nil` to work it out from ``root`` as the document is read.
    var digest: DefinitionDigest?

    /// The keys every document has, read before its body.
    static let headerKeys = ["kind", "id", "format", "replaces"]

    /// The highest catalogue format this program reads.
    static let newestFormat = 1

    /// Reads `kind`, `id` and `format` of a document, reporting what is wrong with them.
    init?(_ document: YAMLDocument, layer: Int, reader: NodeReader) {
        let root = document.root
        // A '---' with nothing after it (editors and generators write one at the end) holds an
        // empty document: worth a word at the '---', not an error that fails the catalogue.
        if root.isNull, root.tag == nil, root.scalar?.text.isEmpty == true {
            reader.warning("this document is empty (a '---' with nothing after it); remove the '---', or write the document", at: document.mark)
            return nil
        }
        guard root.mapping != nil else {
            reader.error(
                "a catalogue document must be a mapping with 'kind' and 'id', found \(root.kindDescription)",
                at: root.mark)
            return nil
        }
        if let formatNode = root["format"], let format = reader.read(Int.self, from: formatNode),
           format > Self.newestFormat || format < 1 {
            reader.error(
                "format \(format) is not known to this program, which reads format 1; update backcheck or write format: 1",
                at: formatNode.mark)
            return nil
        }
        guard let kindNode = root["kind"] else {
            // A misspelt key is the likely reason: point at it.
            if let near = root.mapping?.first(where: { pair in pair.key.scalar.map { Suggestion.closest(to: $0.text, among: ["kind"]) != nil } ?? false }),
               let text = near.key.scalar?.text {
                reader.error("the document has no 'kind'; is '\(text)' meant to be 'kind'?", at: near.key.mark)
            } else {
                reader.error("the document has no 'kind'; add kind: assessment, exercise, norms, vocabulary or evaluator", at: root.mark)
            }
            return nil
        }
        guard let kind = reader.read(DocumentKind.self, from: kindNode) else { return nil }
        guard let idNode = root["id"] else {
            reader.error("the \(kind.rawValue) has no 'id'; add a kebab-case id such as id: my-test", at: root.mark)
            return nil
        }
        guard let written = reader.read(String.self, from: idNode) else { return nil }
        var id = written
        if !Identifier.isKebabCase(id) {
            let suggested = Identifier.kebabCased(id)
            reader.error(
                "id '\(id)' is not kebab-case: use lower-case letters and digits joined by single hyphens, e.g. '\(suggested)'",
                at: idNode.mark)
            // Its body is still checked, under the suggested id, so every other problem shows in
            // this pass too; the document itself is kept out of the catalogue.
            guard Identifier.isKebabCase(suggested) else { return nil }
            id = suggested
            idIsValid = false
        }
        if let replacesNode = root["replaces"], let replaced = reader.read(String.self, from: replacesNode) {
            if replaced != id {
                // The value may be the typo, not the id: the author is not told to adopt it.
                reader.error(
                    "'replaces' must repeat this document's own id '\(id)', found '\(replaced)': a document takes over the one with its id (the id answers files use); to take over another, give this document that one's exact id (`backcheck list` names them) and repeat it here",
                    at: replacesNode.mark)
            } else {
                declaresReplacement = true
            }
        }
        self.kind = kind
        self.id = id
        self.root = root
        self.layer = layer
    }

    /// Whether the document says it takes over a document of an earlier layer (`replaces: ID`).
    var declaresReplacement = false
    /// Whether the id as written is one: when not, ``id`` is the suggested one, and the
    /// document is read only for its problems.
    var idIsValid = true
}

/// Rules for the names authors choose.
enum Identifier {
    /// `[a-z0-9]+(-[a-z0-9]+)*`.
    /// (One pass over the bytes: every id of every document is checked while loading.)
    static func isKebabCase(_ text: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "-")
        for byte in text.utf8 {
            if byte == UInt8(ascii: "-") {
                if previous == UInt8(ascii: "-") { return false }
            } else if !isLowerLetterOrDigit(byte) {
                return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }

    /// `[a-z][a-z0-9_]*`, the form of input and derived names.
    static func isSnakeCase(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return false }
        return text.utf8.allSatisfy { isLowerLetterOrDigit($0) || $0 == UInt8(ascii: "_") }
    }

    /// `[a-z0-9]+([-_][a-z0-9]+)*`, the form of a choice id (as the assessment schema has it).
    static func isChoiceID(_ text: String) -> Bool {
        var previous: UInt8 = UInt8(ascii: "-")
        for byte in text.utf8 {
            let separator = byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
            if separator {
                if previous == UInt8(ascii: "-") || previous == UInt8(ascii: "_") { return false }
            } else if !isLowerLetterOrDigit(byte) {
                return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-") && previous != UInt8(ascii: "_")
    }

    private static func isLowerLetterOrDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
    }

    /// A best-effort kebab-case version of `text`, for suggestions.
    static func kebabCased(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else if ("A"..."Z").contains(scalar) {
                result.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
            } else if !result.hasSuffix("-"), !result.isEmpty {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result.isEmpty ? "my-id" : result
    }
}
