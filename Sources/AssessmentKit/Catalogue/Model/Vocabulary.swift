import BackCheckYAML

/// The words assessments' `regions` and exercises' `targets` may use (`kind: vocabulary`).
/// The built-in catalogue has one; a catalogue may add its own, and the words merge. A word
/// outside it is a warning, so a typo (`lumbr`) or a stray word (`banana`) is caught.
struct Vocabulary: Sendable, Hashable {
    var regions: Set<String>
    var targets: Set<String>

    mutating func merge(_ other: Vocabulary) {
        regions.formUnion(other.regions)
        targets.formUnion(other.targets)
    }

    /// Warns about each of `words` that is not in `allowed`.
    func check(_ words: [(text: String, mark: SourceMark)], against allowed: Set<String>, what: String, reader: NodeReader) {
        for (word, mark) in words where !allowed.contains(word) {
            let hint = Suggestion.hint(for: word, among: allowed.sorted())
            reader.warning(
                "\(what) '\(VisibleText.excerpt(word))' is not in the catalogue's vocabulary; if it is meant, add it to a kind: vocabulary document\(hint)",
                at: mark)
        }
    }
}

/// Reads `kind: vocabulary` documents: `regions` and `targets`, lists of kebab-case words.
enum VocabularyReader {
    static func read(_ document: CatalogueDocument, reader: NodeReader) -> Vocabulary? {
        guard let fields = reader.mapping(document.root, of: "a vocabulary") else { return nil }
        let regions = words(fields, "regions", reader: reader)
        let targets = words(fields, "targets", reader: reader)
        fields.rejectUnknownKeys(alsoKnown: CatalogueDocument.headerKeys)
        guard let regions, let targets else { return nil }
        return Vocabulary(regions: regions, targets: targets)
    }

    private static func words(_ fields: MappingReader, _ key: String, reader: NodeReader) -> Set<String>? {
        guard let node = fields.node(key) else { return [] }
        guard let list = reader.read([String].self, from: node) else { return nil }
        for (word, item) in zip(list, node.sequence ?? []) where !Identifier.isKebabCase(word) {
            reader.error("'\(word)' is not kebab-case; try '\(Identifier.kebabCased(word))'", at: item.mark)
        }
        return Set(list)
    }
}
