import AssessmentKit

/// A guide's Markdown (the DocC articles) laid out for the terminal: paragraphs and list items
/// wrapped to the width, code blocks and tables kept as written, and DocC's links made words
/// a reader at a terminal can act on.
enum GuideText {
    /// `markdown` ready to print at `width` columns. `guides` maps an article's name to the
    /// topic `backcheck docs` knows it by, so `<doc:Expressions>` reads "the expressions guide".
    static func render(_ markdown: String, width: Int, guides: [String: String]) -> String {
        var output: [String] = []
        var paragraph: [String] = []
        var lead = ""
        var inCode = false
        func flush() {
            guard !paragraph.isEmpty else { return }
            let text = unbreakableCode(paragraph.joined(separator: " "))
            let rest = String(repeating: " ", count: TextWrap.columns(lead))
            output += TextWrap.indented(text, width: width, first: lead, rest: rest).map { $0.replacingAll(noBreak, " ") }
            paragraph = []
            lead = ""
        }
        var table: [String] = []
        // A table is too wide for a terminal: each row becomes a list item naming its columns.
        func flushTable() {
            guard !table.isEmpty else { return }
            let rows = table.map(cells).filter { row in !row.allSatisfy { $0.allSatisfy { "-: ".contains($0) } } }
            table = []
            guard let header = rows.first else { return }
            for row in rows.dropFirst() {
                let named = zip(header, row).dropFirst().map { "\($0): \($1)" }
                let text = (row.first ?? "") + (named.isEmpty ? "" : " — " + named.joined(separator: "; "))
                output += TextWrap.indented(unbreakableCode(text), width: width, first: "- ").map { $0.replacingAll(noBreak, " ") }
            }
        }
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            // Code is printed as written: ``` is a fence, not a symbol link.
            if raw.drop(while: { $0 == " " }).hasPrefix("```") || inCode {
                if raw.drop(while: { $0 == " " }).hasPrefix("```") { inCode.toggle() }
                flush()
                flushTable()
                output.append(String(raw))
                continue
            }
            let line = links(String(raw), guides: guides)
            if line.hasPrefix("|") {
                flush()
                table.append(line)
                continue
            }
            flushTable()
            if line.hasPrefix("#") || line.hasPrefix("    ") || line.isEmpty {
                flush()
                output.append(line)
                continue
            }
            if let marker = listMarker(line) {
                flush()
                lead = marker
                paragraph = [String(line.dropFirst(marker.count))]
                continue
            }
            // A continuation of a list item is indented under its text; of a paragraph, not.
            paragraph.append(line.drop { $0 == " " }.description)
        }
        flush()
        flushTable()
        return output.joined(separator: "\n")
    }

    private static let noBreak = "\u{00A0}"

    /// The cells of a table row `| a | b |`, trimmed.
    private static func cells(_ row: String) -> [String] {
        var parts = row.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingCharacters() }
        if parts.first == "" { parts.removeFirst() }
        if parts.last == "" { parts.removeLast() }
        return parts
    }

    /// `text` with the spaces inside `code spans` made unbreakable, so `format: 1` stays on one line.
    private static func unbreakableCode(_ text: String) -> String {
        var inCode = false
        return String(text.map { character -> Character in
            if character == "`" { inCode.toggle() }
            return inCode && character == " " ? Character(noBreak) : character
        })
    }

    /// The marker and the spaces after it that open a list item (`- `, `  * `, `12. `), if any.
    private static func listMarker(_ line: String) -> String? {
        let indent = line.prefix { $0 == " " }
        let body = line.dropFirst(indent.count)
        if body.hasPrefix("- ") || body.hasPrefix("* ") { return String(indent) + String(body.prefix(2)) }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, body.dropFirst(digits.count).hasPrefix(". ") else { return nil }
        return String(indent) + String(digits) + ". "
    }

    /// DocC's symbol links (``Report``) as plain words, and doc links (<doc:Expressions>) as
    /// the guide's name.
    private static func links(_ line: String, guides: [String: String]) -> String {
        var text = line.replacingAll("``", "")
        while let start = text.firstRange(of: "<doc:"), let end = text[start.upperBound...].firstIndex(of: ">") {
            let name = String(text[start.upperBound..<end])
            text.replaceSubrange(start.lowerBound...end, with: guides[name].map { "the \($0) guide" } ?? name)
        }
        return text
    }
}
