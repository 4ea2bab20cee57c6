/// Text from a file or a path made safe to print on a terminal: control characters, which a
/// terminal would obey (clear the screen, retitle the window, split a diagnostic in two), are
/// shown as visible symbols instead.
public enum VisibleText {
    /// `text` with every control character shown: C0 characters and DEL as their Unicode
    /// "control picture" (ESC as ␛, a newline as ␊), C1 characters and text-direction controls
    /// by code point (`<U+0085>`, `<U+202E>`). Newlines and
    /// tabs are kept when `keepingLayout` is set (multi-line text that is wrapped afterwards).
    public static func escaped(_ text: String, keepingLayout: Bool = false) -> String {
        // Lead bytes of every character shown differently: C0, DEL, C1 (0xC2), and the
        // text-direction controls (0xD8 for U+061C, 0xE2 for U+200E to U+2069).
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xD8 || $0 == 0xE2 }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where keepingLayout, 0x09 where keepingLayout: result.append(scalar)
            case 0x00..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result.append("\u{2421}")
            case 0x80..<0xA0: result.append(contentsOf: codePoint(scalar).unicodeScalars)
            case _ where isDirectionControl(scalar): result.append(contentsOf: codePoint(scalar).unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `scalar` changes the direction of the text around it (U+202E shows what follows
    /// it backwards): a name or file name holding one could pass for another in a terminal.
    public static func isDirectionControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `<U+202E>`: a character's code point, as messages show one that would not show itself.
    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        "<U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(4))>"
    }
}

extension VisibleText {
    /// At most `limit` characters of `text`, for quoting a value in a message: a longer one is
    /// cut with `…` and its length, so a megabyte-long key cannot flood the terminal.
    public static func excerpt(_ text: String, limit: Int = 40) -> String {
        guard text.utf8.count > limit, text.count > limit else { return text }
        return String(text.prefix(limit)) + "… (\(text.count) characters)"
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
