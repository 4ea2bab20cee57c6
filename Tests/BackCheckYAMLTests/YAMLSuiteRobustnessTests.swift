import BackCheckYAML
import Testing

@Suite("The YAML test suite: marks and damaged input")
struct YAMLSuiteRobustnessTests {
    /// Every line of `bytes` as Unicode scalars, split where libyaml splits lines.
    private func sourceLines(_ bytes: [UInt8]) -> [[Unicode.Scalar]] {
        let text = String(decoding: bytes, as: UTF8.self).replacingBreaks()
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
    }

    /// The scalars of the file from `mark` on, up to the end of its line.
    private func source(at mark: SourceMark, in lines: [[Unicode.Scalar]]) -> String {
        guard mark.line - 1 < lines.count, mark.column - 1 <= lines[mark.line - 1].count else { return "<outside>" }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: lines[mark.line - 1][(mark.column - 1)...])
        return String(result)
    }

    /// Checks the line marks of every scalar whose text is the file's text verbatim: plain and
    /// quoted scalars on one line (no escapes), and every line of literal blocks.
    @Test func lineMarksPointAtTheTextInTheFile() throws {
        var checked = 0
        var wrong: [String] = []
        for suiteCase in YAMLTestSuite.cases() where !suiteCase.isError {
            let input = suiteCase.input
            guard !input.starts(with: [0xFE, 0xFF]), !input.starts(with: [0xFF, 0xFE]) else { continue }
            let lines = sourceLines(input.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(input.dropFirst(3)) : input)
            let result = YAMLParser().parse(input, file: "in.yaml")
            for document in result.documents {
                document.root.forEachScalar { scalar in
                    for (index, line) in scalar.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                        guard !line.isEmpty, scalar.isVerbatim(line: index), index < scalar.lineMarks.count else { continue }
                        checked += 1
                        // Up to the first blank: a one-line text may have been folded from several
                        // lines. Double quotes: the first character only (escapes change the rest),
                        // unless the text starts after an escaped line break.
                        let found = source(at: scalar.lineMarks[index], in: lines)
                        var word = line.prefix { $0 != " " && $0 != "\t" }
                        if scalar.style == .doubleQuoted {
                            if found.hasPrefix("\\") { continue }
                            word = word.prefix(1)
                        }
                        if !found.hasPrefix(word) {
                            wrong.append("\(suiteCase) \(scalar.lineMarks[index]): expected '\(line)', found '\(found)'")
                        }
                    }
                }
            }
        }
        print("line marks checked against the file: \(checked)")
        #expect(checked > 500)
        #expect(wrong.isEmpty, "\(wrong.joined(separator: "\n"))")
    }

    /// Cuts every valid case short and damages bytes in it: the parser must answer (no trap,
    /// no hang), and every error must have a line and column.
    @Test func damagedInputIsReportedNeverFatal() {
        var parsed = 0
        for suiteCase in YAMLTestSuite.cases() {
            let input = suiteCase.input
            guard input.count > 2 else { continue }
            var variants: [[UInt8]] = [Array(input.prefix(input.count / 2)), Array(input.dropFirst(input.count / 3))]
            for (step, replacement) in [(3, UInt8(ascii: "[")), (5, UInt8(ascii: ":")), (7, 0xFF), (11, 0x09), (13, UInt8(ascii: "*"))] {
                var damaged = input
                damaged[(input.count * step / 17) % input.count] = replacement
                variants.append(damaged)
            }
            for variant in variants {
                let result = YAMLParser().parse(variant, file: "damaged.yaml")
                parsed += 1
                for error in result.diagnostics.errors {
                    #expect((error.mark?.line ?? 0) >= 1 && (error.mark?.column ?? 0) >= 1, "\(suiteCase): \(error)")
                }
                _ = result.documents.map(\.root.jsonValue)
            }
        }
        #expect(parsed > 2_000)
    }
}

private extension String {
    /// The text with CRLF, CR, NEL, LS and PS turned into LF, as libyaml counts lines.
    func replacingBreaks() -> String {
        var scalars = String.UnicodeScalarView()
        var previousCR = false
        for scalar in unicodeScalars {
            switch scalar {
            case "\r": scalars.append("\n")
            case "\n": if !previousCR { scalars.append("\n") }
            case "\u{85}", "\u{2028}", "\u{2029}": scalars.append("\n")
            default: scalars.append(scalar)
            }
            previousCR = scalar == "\r"
        }
        return String(scalars)
    }
}

private extension YAMLScalar {
    /// Whether line `index` of the text is written in the file exactly as it reads.
    func isVerbatim(line index: Int) -> Bool {
        switch style {
        case .literal: return true
        case .plain: return !text.contains("\n")
        case .singleQuoted: return !text.contains("\n") && !text.contains("'")
        case .doubleQuoted: return !text.contains("\n")
        case .folded: return false
        }
    }
}

private extension YAMLNode {
    /// Calls `body` with every scalar of the tree, keys included.
    func forEachScalar(_ body: (YAMLScalar) -> Void) {
        switch content {
        case .scalar(let scalar): body(scalar)
        case .sequence(let items): items.forEach { $0.forEachScalar(body) }
        case .mapping(let pairs):
            for pair in pairs {
                pair.key.forEachScalar(body)
                pair.value.forEachScalar(body)
            }
        }
    }
}
