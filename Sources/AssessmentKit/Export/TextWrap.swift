import BackCheckYAML

/// Word wrapping for the terminal report.
enum TextWrap {
    /// `text` broken into lines of at most `width` characters (a longer word gets a line of
    /// its own, cut if it must be); existing line breaks are kept.
    static func lines(_ text: String, width: Int) -> [String] {
        let width = max(width, 10)
        var lines: [String] = []
        // Text from a catalogue or a saved report: control characters are shown, not obeyed.
        let text = VisibleText.escaped(text, keepingLayout: true).replacing("\t", with: " ")
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                while word.count > width {
                    if !line.isEmpty { lines.append(line); line = "" }
                    lines.append(String(word.prefix(width)))
                    word = String(word.dropFirst(width))
                }
                if line.isEmpty {
                    line = word
                } else if line.count + 1 + word.count <= width {
                    line += " " + word
                } else {
                    lines.append(line)
                    line = word
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// `text` wrapped to `width` with `first` before the first line and `rest` (spaces of the
    /// same length, unless given) before the others.
    static func indented(_ text: String, width: Int, first: String, rest: String? = nil) -> [String] {
        let rest = rest ?? String(repeating: " ", count: first.count)
        return lines(text, width: width - first.count).enumerated().map { ($0.offset == 0 ? first : rest) + $0.element }
    }

    /// `text` padded with spaces to `width`, or cut with `…`.
    static func fit(_ text: String, _ width: Int) -> String {
        let text = VisibleText.escaped(text)
        if text.count <= width { return text + String(repeating: " ", count: width - text.count) }
        return String(text.prefix(max(0, width - 1))) + "…"
    }
}
