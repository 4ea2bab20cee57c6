import BackCheckYAML
/// Escaping for HTML text and attribute values: every piece of text in the page goes
/// through here, so an answer or a title can never become markup.
package enum HTMLText {
    /// `text` with `& < > " '` replaced by character references, and control characters
    /// other than line breaks and tabs (not allowed in HTML) shown as symbols.
    package static func escape(_ text: String) -> String {
        let visible = VisibleText.escaped(text, keepingLayout: true)
        // By bytes: the five characters are ASCII, and no byte of a longer character's UTF-8
        // is. Most text has none of them and is given back as it is (a page has thousands).
        guard visible.utf8.contains(where: { reference(for: $0) != nil }) else { return visible }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(visible.utf8.count + 16)
        for byte in visible.utf8 {
            if let reference = reference(for: byte) { escaped += reference.utf8 } else { escaped.append(byte) }
        }
        return String(decoding: escaped, as: UTF8.self)
    }

    /// The character reference that stands for `byte` in HTML text, when it needs one.
    private static func reference(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }

    /// A number for SVG coordinates: at most 2 decimals.
    package static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    /// The line in the head of every page BackCheck writes: `docs --output` replaces only
    /// files that carry it, so a page of someone else's in the folder is never overwritten.
    package static let generatorMark = #"<meta name="generator" content="backcheck">"#

    /// A whole self-contained page: `title` (escaped here), inline `css`, and `body` (markup,
    /// escaped by the caller). Every page BackCheck writes has this frame, phone-ready, with its
    /// content in a `main` landmark, which screen readers jump to.
    package static func document(title: String, css: String, body: String) -> String {
        document(title: title, css: css, reserving: body.utf8.count) { $0 += body }
    }

    /// ``document(title:css:body:)`` with the body appended by `writeBody` straight into the
    /// page, room for about `bodyBytes` made first: a long page is then never held twice.
    package static func document(title: String, css: String, reserving bodyBytes: Int, writeBody: (inout String) -> Void) -> String {
        let head = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            \(generatorMark)
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>\(css)</style>
            </head>
            <body>
            <main>

            """
        let tail = "\n</main>\n</body>\n</html>\n"
        var page = head
        page.reserveCapacity(head.utf8.count + bodyBytes + tail.utf8.count)
        writeBody(&page)
        page += tail
        return page
    }
}
