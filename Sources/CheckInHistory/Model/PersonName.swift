internal import BackCheckYAML
internal import Foundation

/// How a person's name is kept and looked up: without surrounding spaces, and in Unicode's
/// composed form (NFC), so "Zoë" typed either way, or "Ann " with a trailing space, is the
/// person already saved, and `forget` finds every check-in of theirs. A name that is empty or
/// holds control characters is refused: it would drive the terminal of whoever lists it.
enum PersonName {
    static func normalised(_ raw: String) throws(HistoryError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        let control = name.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
        guard !name.isEmpty, !control else { throw .badName(VisibleText.escaped(raw)) }
        return name
    }
}
