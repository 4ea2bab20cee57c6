package import BuiltinCatalogue

extension CatalogueLayer {
    /// The ids of the built-in assessments, as the build recorded them (nothing is parsed).
    package static func builtInAssessmentIDs(in files: [CatalogueFile] = BuiltinCatalogue.files) -> Set<String> {
        Set(files.flatMap(\.documents).filter { $0.kind == "assessment" }.map(\.id))
    }

    /// The built-in catalogue as far as answers to the assessments `ids` need it: their files,
    /// every red-flag screen (a report always screens), the exercises these name (and those
    /// name in turn, and the warm-up a program adds), the norms and the vocabulary; the other
    /// files are left unread, so a run of a few tests parses about half the catalogue. What a
    /// document names was recorded when the program was built (``EmbeddedDocument``).
    ///
    /// `nil` when an id is not a built-in assessment (the whole catalogue is then loaded, and
    /// the mistake reported as always, with a suggestion among every id), or when the build
    /// could not record a file's documents. A catalogue loaded from the part holds only those
    /// documents: use it only to score answers to `ids`, with no other layer on top.
    package static func builtIn(answering ids: Set<String>, from files: [CatalogueFile] = BuiltinCatalogue.files) -> CatalogueLayer? {
        guard ids.isSubset(of: builtInAssessmentIDs(in: files)),
              // What such a file holds is unknown, so nothing can safely be left out.
              !files.contains(where: \.documents.isEmpty)
        else { return nil }
        func isNeeded(_ document: EmbeddedDocument, wanted exercises: Set<String>) -> Bool {
            switch document.kind {
            case "assessment": ids.contains(document.id) || document.evaluator == "red-flags"
            case "exercise": exercises.contains(document.id)
            default: true
            }
        }
        // A file kept for one document brings all of them, and the exercises they name too:
        // widen until a round names nothing new.
        var wanted: Set<String> = [ProgramBuilder.warmUpID]
        while true {
            let kept = files.filter { $0.documents.contains { isNeeded($0, wanted: wanted) } }
            let named = wanted.union(kept.flatMap(\.documents).flatMap(\.exercises))
            if named == wanted { return builtIn(keeping: kept) }
            wanted = named
        }
    }
}
