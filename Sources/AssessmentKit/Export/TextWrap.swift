import BackCheckYAML

/// Word wrapping for the terminal report and the guided session, by display columns: a CJK character or an emoji
/// takes two columns, and lines may break between CJK characters (that text has no spaces).
package enum TextWrap {
    /// `text` broken into lines of at most `width` columns (a longer word gets a line of its
    /// own, cut if it must be); existing line breaks are kept.
    package static func lines(_ text: String, width: Int) -> [String] {
        let width = max(width, 10)
        var lines: [String] = []
        // Text from a catalogue or a saved report: control characters are shown, not obeyed.
        let text = VisibleText.escaped(text, keepingLayout: true).replacing("\t", with: " ")
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var used = 0
            for word in keepingUnits(paragraph.split(separator: " ")) {
                for (index, whole) in pieces(of: word).enumerated() {
                    var piece = whole
                    var pieceWidth = columns(piece)
                    // A space between words; none between the pieces of one.
                    let gap = index == 0 && !line.isEmpty ? 1 : 0
                    if used + gap + pieceWidth <= width {
                        line += (gap == 1 ? " " : "") + piece
                        used += gap + pieceWidth
                        continue
                    }
                    if !line.isEmpty { lines.append(line) }
                    while pieceWidth > width {
                        let head = prefix(piece, columns: width)
                        lines.append(head)
                        piece = String(piece.dropFirst(head.count))
                        pieceWidth = columns(piece)
                    }
                    line = piece
                    used = pieceWidth
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// The words with a unit joined to the number before it ("30 s", "1.9 cm,"), so a line
    /// never ends in a number whose unit starts the next.
    private static func keepingUnits(_ words: [Substring]) -> [Substring] {
        var joined: [Substring] = []
        for word in words {
            let unit = word.trimmingSuffix { ",.;:)".contains($0) }
            if let previous = joined.last, previous.last?.isNumber == true, units.contains(String(unit)) {
                joined[joined.count - 1] = Substring(previous + " " + word)
            } else {
                joined.append(word)
            }
        }
        return joined
    }

    /// The units the catalogue's numbers are written with.
    private static let units: Set<String> = ["s", "cm", "mm", "deg", "kg", "min", "reps", "%"]

    /// `text` wrapped to `width` with `first` before the first line and `rest` (spaces of the
    /// same width, unless given) before the others.
    package static func indented(_ text: String, width: Int, first: String, rest: String? = nil) -> [String] {
        let rest = rest ?? String(repeating: " ", count: columns(first))
        // The wider of the two leads sets the text's width, so no line passes `width`.
        return lines(text, width: width - max(columns(first), columns(rest))).enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }
    }

    /// `text` padded with spaces to `width` columns, or cut with `…`.
    package static func fit(_ text: String, _ width: Int) -> String {
        let text = VisibleText.escaped(text)
        let used = columns(text)
        if used <= width { return text + String(repeating: " ", count: width - used) }
        let head = prefix(text, columns: max(0, width - 1))
        return head + "…" + String(repeating: " ", count: max(0, width - 1 - columns(head)))
    }

    /// The columns `text` takes on a terminal.
    package static func columns(_ text: some StringProtocol) -> Int {
        // Nearly all text is ASCII: one column a byte.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.utf8.count }
        return text.reduce(0) { $0 + columns(of: $1) }
    }

    /// 2 for a wide character (East Asian wide or full-width, most emoji), else 1.
    private static func columns(of character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first else { return 0 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// A word split where a line may break: each wide character stands alone (CJK text breaks
    /// between characters); runs of narrow ones stay together.
    private static func pieces(of word: Substring) -> [String] {
        guard !word.utf8.allSatisfy({ $0 < 0x80 }) else { return [String(word)] }
        var pieces: [String] = []
        var run = ""
        for character in word {
            if columns(of: character) == 2 {
                if !run.isEmpty { pieces.append(run); run = "" }
                pieces.append(String(character))
            } else {
                run.append(character)
            }
        }
        if !run.isEmpty { pieces.append(run) }
        return pieces
    }

    /// The longest start of `text` that fits in `columns`, at least one character when any fit.
    private static func prefix(_ text: String, columns limit: Int) -> String {
        var head = ""
        var used = 0
        for character in text {
            let width = columns(of: character)
            if used + width > limit, !head.isEmpty || limit == 0 { break }
            head.append(character)
            used += width
        }
        return head
    }
}

private extension Substring {
    /// The text without the characters at its end that `isTrimmed` matches.
    func trimmingSuffix(while isTrimmed: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, isTrimmed(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
