internal import BackCheckYAML

/// How a person's name is kept and looked up: without surrounding spaces, runs of spaces (of any
/// kind) as one, and in Unicode's
/// composed form (NFC), so "Zoë" typed either way, or "Ann " with a trailing space, is the
/// person already saved, and `forget` finds every check-in of theirs. A name that is empty,
/// holds control, text-direction or invisible format characters (which would drive, or disguise
/// what is on, the terminal of whoever lists it) or is longer than ``maximumLength`` is refused.
enum PersonName {
    /// The longest name kept, in characters: room for any real name or client code, while a
    /// pasted paragraph cannot widen every row of `history people`.
    static let maximumLength = 100

    static func normalised(_ raw: String) throws(HistoryError) -> String {
        // Spaces inside count once too, whichever space was typed: "Anne  Marie" with two, or
        // with a no-break or an ideographic space, is "Anne Marie". A tab or a line break is a
        // control character, refused below, not a space (a review found them folded silently).
        let spaced = String(String.UnicodeScalarView(raw.unicodeScalars.map { $0.properties.isWhitespace && !Self.isControl($0) ? " " : $0 }))
        let name = Self.composed(spaced.split(separator: " ").joined(separator: " "))
        guard !name.isEmpty else { throw .badName(shown(raw), reason: "it is empty") }
        // Invisible format characters (a zero-width space, a byte-order mark) would make two
        // names that look the same, and `forget` of the one typed would leave the other.
        let scalars = Array(name.unicodeScalars)
        if scalars.indices.contains(where: { Self.isHidden(scalars, at: $0) }) {
            throw .badName(shown(raw), reason: "it holds control, text-direction or invisible characters (shown as codes here)")
        }
        // Bytes that are not UTF-8 (a terminal in another encoding) arrive as U+FFFD, so two
        // different names would become one person, and `forget` of one would take both.
        if name.unicodeScalars.contains("\u{FFFD}") {
            throw .badName(shown(raw), reason: "it is not valid UTF-8 text (\u{FFFD} marks what could not be read)")
        }
        guard name.count <= maximumLength else {
            throw .badName(shown(raw), reason: "it is longer than \(maximumLength) characters")
        }
        return name
    }

    /// A name found in answers (`profile.name`) as the store would keep it, after dropping the
    /// control, text-direction and invisible characters ``normalised(_:)`` refuses: a saved
    /// report may hold them, and `forget` must still find it. `nil` when nothing is left.
    static func leniently(_ raw: String) -> String? {
        if let name = try? normalised(raw) { return name }
        // A tab or line break parts words as a space does; the rest is dropped.
        let kept = raw.unicodeScalars.compactMap { scalar -> Unicode.Scalar? in
            if scalar.properties.isWhitespace { return " " }
            let hidden = isControl(scalar) || VisibleText.isDirectionControl(scalar) || scalar.properties.generalCategory == .format
            return hidden ? nil : scalar
        }
        return try? normalised(String(String.UnicodeScalarView(kept)))
    }

    /// `text` in Unicode's composed form (NFC), from the standard library's normaliser: the
    /// one in Foundation would load Foundation and ICU at every start of the program.
    private static func composed(_ text: String) -> String {
        String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// Whether the scalar at `index` is a control, text-direction or invisible format
    /// character, other than the zero-width joiner between two emoji that makes them one
    /// picture (a family, a profession): a review found "Sam 👨‍👩‍👧" refused.
    private static func isHidden(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let scalar = scalars[index]
        if scalar == "\u{200D}", index > 0, index + 1 < scalars.count {
            let before = scalars[index - 1] == "\u{FE0F}" && index > 1 ? scalars[index - 2] : scalars[index - 1]
            if before.properties.isEmoji && before.value > 0xFF && scalars[index + 1].properties.isEmoji && scalars[index + 1].value > 0xFF {
                return false
            }
        }
        return isControl(scalar) || VisibleText.isDirectionControl(scalar) || scalar.properties.generalCategory == .format
    }

    /// A C0 or C1 control character (a tab and a line break among them).
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// `raw` for a message, worked out only when a name is refused: cut short, with control,
    /// text-direction and invisible format characters as codes, so it says what is wrong.
    private static func shown(_ raw: String) -> String {
        let visible = raw.unicodeScalars.map { $0.properties.generalCategory == .format && !VisibleText.isDirectionControl($0)
            ? "<U+\(String($0.value, radix: 16, uppercase: true))>" : String($0) }.joined()
        return VisibleText.excerpt(VisibleText.escaped(visible))
    }
}
