import BackCheckYAML

/// Finds text that `backcheck new` wrote as a placeholder and the author has not replaced yet,
/// so lint can say so (a warning: the file is valid, but not finished).
enum PlaceholderCheck {
    /// Phrases of the skeletons' placeholder text, as written by ``AssessmentTemplate``.
    static let phrases = [
        "What this test screens and why it matters", "The starting position, so a person can set up",
        "Say how reliable and valid the test is", "Author A, Author B", "Author A. Title.", "A corrective drill",
        "What the finding is called", "Why it matters for the lower back, in one or two sentences",
        "How to read the angle, in plain words", "What the fault looks like, in plain words",
    ]

    /// Warnings for every scalar of `document` holding a placeholder phrase. The file's bytes are
    /// searched first, so a finished file costs one scan and no walk (a UTF-16 file, whose bytes
    /// do not spell the phrases in UTF-8, is always walked).
    static func warnings(_ documents: [YAMLDocument], bytes: [UInt8]) -> [Diagnostic] {
        let utf16 = bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
        guard utf16 || ByteSearch.containsAny(of: phraseBytes, in: bytes) else { return [] }
        var found: [Diagnostic] = []
        for document in documents {
            document.root.forEachScalar { scalar, node in
                guard let phrase = phrases.first(where: { scalar.text.contains($0) }),
                      let range = scalar.text.firstRange(of: phrase) else { return }
                // At the phrase itself: in a block scalar that is a line below the `>` or `|`.
                let offset = scalar.text.unicodeScalars.distance(from: scalar.text.startIndex, to: range.lowerBound)
                found.append(.warning(
                    "placeholder text from `backcheck new` is still here (\"\(phrase)…\"); replace it with your own",
                    at: scalar.mark(atOffset: offset) ?? node.mark))
            }
        }
        return found
    }

    private static let phraseBytes = ByteSearch.NeedleTable(phrases.map { Array($0.utf8) })
}
