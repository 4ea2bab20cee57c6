internal import BackCheckYAML
internal import Foundation

/// How a person's name is kept and looked up: without surrounding spaces, runs of spaces as one, and in Unicode's
/// composed form (NFC), so "Zoë" typed either way, or "Ann " with a trailing space, is the
/// person already saved, and `forget` finds every check-in of theirs. A name that is empty,
/// holds control or text-direction characters (which would drive, or disguise what is on, the
/// terminal of whoever lists it) or is longer than ``maximumLength`` is refused.
enum PersonName {
    /// The longest name kept, in characters: room for any real name or client code, while a
    /// pasted paragraph cannot widen every row of `history people`.
    static let maximumLength = 100

    static func normalised(_ raw: String) throws(HistoryError) -> String {
        // Spaces inside count once too: "Anne  Marie" typed with two is "Anne Marie".
        let name = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            .trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        let shown = VisibleText.excerpt(VisibleText.escaped(raw))
        guard !name.isEmpty else { throw .badName(shown, reason: "it is empty") }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || VisibleText.isDirectionControl($0) }) {
            throw .badName(shown, reason: "it holds control or text-direction characters (shown as codes here)")
        }
        guard name.count <= maximumLength else {
            throw .badName(shown, reason: "it is longer than \(maximumLength) characters")
        }
        return name
    }
}
