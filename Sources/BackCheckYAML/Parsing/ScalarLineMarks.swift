/// Works out ``YAMLScalar/lineMarks``: where each line of a scalar's text starts in the file.
///
/// How exact the marks are depends on the style:
/// - plain and quoted scalars on one line: exact (the first mark is the first character
///   after any opening quote; ``ScalarPlace/sourceMark(after:from:style:)`` steps over
///   escapes and folded line breaks for the columns after it);
/// - literal blocks (`|`): exact for every line;
/// - multi-line plain and quoted scalars, and folded blocks (`>`): the line-folding rules are
///   replayed over the source lines, which is exact for ordinary text; when escapes (`\n`
///   in double quotes) or unusual indentation make the replay disagree with the text, only
///   the first mark is kept.
///
/// One per parsed file, shared by its scalars, which ask it only when their marks are wanted.
final class ScalarLineMarks: Sendable {
    let source: SourceText
    let file: String

    init(source: SourceText, file: String) {
        self.source = source
        self.file = file
    }

    /// The marks for a scalar whose event spans `start..<end`.
    func marks(
        text: String, style: YAMLScalar.Style, start: RawMark, end: RawMark, hasProperties: Bool
    ) -> [SourceMark] {
        let valueStart = hasProperties ? source.skipProperties(from: start, before: end) : start
        let isBlock = style == .literal || style == .folded
        let first = isBlock
            ? RawMark(line: valueStart.line + 1, column: 0)
            : RawMark(line: valueStart.line, column: valueStart.column + (style == .plain ? 0 : 1))
        // Most scalars are one line of flow text: one mark, without splitting the text.
        if !isBlock, !Self.hasLineBreak(text) { return [first.sourceMark(in: file)] }
        // Each line's length in Unicode scalars (UTF-8 continuation bytes are not counted).
        var lengths: [Int] = []
        var length = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                lengths.append(length)
                length = 0
            } else if byte & 0xC0 != 0x80 {
                length += 1
            }
        }
        lengths.append(length)
        var marks: [RawMark]?
        if lengths.count == 1, !isBlock {
            marks = [first]
        } else if source.isUTF8 {
            switch style {
            case .plain, .singleQuoted, .doubleQuoted: marks = flowMarks(first: first, end: end, count: lengths.count)
            case .literal: marks = literalMarks(firstLine: first.line, lengths: lengths)
            case .folded: marks = foldedMarks(firstLine: first.line, end: end, count: lengths.count)
            }
        }
        let chosen = marks.flatMap { $0.count == lengths.count ? $0 : nil } ?? [first]
        return chosen.map { $0.sourceMark(in: file) }
    }

    /// Whether `text` holds a `\n`, scanning its bytes in place when it can.
    private static func hasLineBreak(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.contains(UInt8(ascii: "\n")) }
            ?? text.utf8.contains(UInt8(ascii: "\n"))
    }

    /// Replays flow folding: a single break between two lines is a space, and each further
    /// empty line is a text line of its own. (An escaped break in double quotes joins the
    /// lines; blank lines after it count the same way, so it needs no special case.)
    private func flowMarks(first: RawMark, end: RawMark, count: Int) -> [RawMark]? {
        var marks = [first]
        var blanks: [SourceLine] = []
        var number = first.line + 1
        while number <= end.line, marks.count < count {
            let isLast = number == end.line
            guard let line = source.describeLine(number, upToColumn: isLast ? end.column : nil) else { return nil }
            number += 1
            if line.isBlank, !isLast {
                blanks.append(line)
                continue
            }
            if !blanks.isEmpty {
                marks.append(contentsOf: blanks.dropFirst().map { RawMark(line: $0.line, column: $0.firstTextColumn) })
                marks.append(RawMark(line: line.line, column: line.firstTextColumn))
            }
            blanks = []
        }
        return marks
    }

    /// Literal lines keep everything after the indentation, so each line's indentation is
    /// its length in the file less its length in the text: exact, line by line.
    private func literalMarks(firstLine: Int, lengths: [Int]) -> [RawMark]? {
        var indent = 0
        if let index = lengths.firstIndex(where: { $0 > 0 }) {
            guard let line = source.describeLine(firstLine + index), line.length >= lengths[index] else { return nil }
            indent = line.length - lengths[index]
        }
        return lengths.enumerated().map { index, length in
            let number = firstLine + index
            if length > 0, let line = source.describeLine(number), line.length >= length {
                return RawMark(line: number, column: line.length - length)
            }
            return RawMark(line: number, column: indent)
        }
    }

    /// Replays block folding: a break between two equally indented lines becomes a space,
    /// breaks next to more-indented lines are kept, and every empty line is kept.
    private func foldedMarks(firstLine: Int, end: RawMark, count: Int) -> [RawMark]? {
        var lines: [SourceLine] = []
        for number in firstLine...max(firstLine, end.line) {
            guard let line = source.describeLine(number, upToColumn: number == end.line ? end.column : nil) else { break }
            lines.append(line)
        }
        let indent = lines.filter { !$0.isBlank }.map(\.leadingSpaces).min() ?? 0
        var marks: [RawMark] = []
        var blanks: [SourceLine] = []
        var previous: SourceLine?
        for line in lines where marks.count < count {
            if line.isBlank {
                blanks.append(line)
                continue
            }
            let spaced = line.firstTextColumn > indent
            let previousSpaced = (previous?.firstTextColumn ?? indent) > indent
            if previous == nil || spaced || previousSpaced {
                marks.append(contentsOf: blanks.map { RawMark(line: $0.line, column: indent) })
                marks.append(RawMark(line: line.line, column: indent))
            } else if !blanks.isEmpty {
                marks.append(contentsOf: blanks.dropFirst().map { RawMark(line: $0.line, column: indent) })
                marks.append(RawMark(line: line.line, column: indent))
            }
            blanks = []
            previous = line
        }
        // Trailing breaks kept by chomping are empty text lines after the last content line.
        var next = (previous?.line ?? firstLine - 1) + 1
        while marks.count < count {
            marks.append(RawMark(line: next, column: indent))
            next += 1
        }
        return marks
    }
}

/// Where a parsed scalar's event was, so that its line marks can be worked out when asked for.
struct ScalarPlace: Sendable {
    let lineMarks: ScalarLineMarks
    let start: RawMark
    let end: RawMark
    let hasProperties: Bool

    /// Whether a scalar written in `style` here is plain and starts and ends on one line.
    func isPlainOnOneLine(_ style: YAMLScalar.Style) -> Bool {
        style == .plain && start.line == end.line
    }

    /// The line marks of `text`, written in `style` at this place.
    func marks(text: String, style: YAMLScalar.Style) -> [SourceMark] {
        lineMarks.marks(text: text, style: style, start: start, end: end, hasProperties: hasProperties)
    }

    /// The mark of the character `count` text characters after `mark` (a line mark of this
    /// scalar), walking the source as the text was made from it: an escape (`''` in single
    /// quotes, `\\t` or `\\u00e9` in double quotes) is one character, and a single line break
    /// folded into a space (plain, quoted and `>` scalars) moves on to the next line's text.
    /// `nil` when the walk and the text cannot agree (an escaped line break), or the file is
    /// not UTF-8; the caller then counts columns on the first line.
    func sourceMark(after count: Int, from mark: SourceMark, style: YAMLScalar.Style) -> SourceMark? {
        let source = lineMarks.source
        guard source.isUTF8, var index = source.offset(line: mark.line - 1, column: mark.column - 1) else { return nil }
        let bytes = source.bytes
        var line = mark.line - 1
        var end = source.lineEnd(line)
        var column = mark.column
        func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }
        // Where the line's text ends, before any trailing blanks.
        func textEnd() -> Int {
            var last = end
            while last > index, isBlank(bytes[last - 1]) { last -= 1 }
            return last
        }
        var lastText = textEnd()
        for _ in 0..<count {
            // Trailing blanks and the break are one folded space in the text.
            if index >= lastText {
                guard style != .literal, line + 1 < source.lineCount else { return nil }
                if style == .doubleQuoted, index > 0, bytes[index - 1] == UInt8(ascii: "\\") { return nil }
                line += 1
                index = source.lineStarts[line]
                end = source.lineEnd(line)
                column = 1
                while index < end, isBlank(bytes[index]) {
                    index += 1
                    column += 1
                }
                lastText = textEnd()
                continue
            }
            var width = 1
            switch (style, bytes[index]) {
            case (.singleQuoted, UInt8(ascii: "'")) where index + 1 < end && bytes[index + 1] == UInt8(ascii: "'"):
                width = 2
            case (.doubleQuoted, UInt8(ascii: "\\")) where index + 1 < end:
                switch bytes[index + 1] {
                case UInt8(ascii: "x"): width = 4
                case UInt8(ascii: "u"): width = 6
                case UInt8(ascii: "U"): width = 10
                default: width = 2
                }
            default:
                break
            }
            // Each source character is one column: a lead byte and its continuation bytes.
            for _ in 0..<width {
                guard index < end else { return nil }
                index += 1
                while index < end, bytes[index] & 0xC0 == 0x80 { index += 1 }
                column += 1
            }
        }
        return SourceMark(file: mark.file, line: line + 1, column: column)
    }
}
