import AssessmentKit
import BackCheckYAML

/// Where a suggested replacement goes in the author's file: the misspelt value as written,
/// quotes included, so applying the fix leaves valid YAML.
struct LintFix {
    /// The 1-based columns the fix deletes on the mark's line, end exclusive.
    var startColumn: Int
    var endColumn: Int

    /// The span of `wrong` at `mark`, plain or in quotes, or `nil` when the file does not hold
    /// it there as written (escapes in it, say), so no fix is offered rather than a broken one.
    static func locate(_ wrong: String, at mark: SourceMark) -> LintFix? {
        guard case .success(let bytes) = FileBytes.load(mark.file, limit: YAMLLimits.default.maxFileBytes) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        // Columns count Unicode scalars, as marks do.
        let line = Array(lines[mark.line - 1].unicodeScalars)
        let start = mark.column - 1
        let word = Array(wrong.unicodeScalars)
        func holds(_ text: [Unicode.Scalar], at index: Int) -> Bool {
            index >= 0 && index + text.count <= line.count && Array(line[index..<index + text.count]) == text
        }
        if holds(word, at: start) { return LintFix(startColumn: mark.column, endColumn: mark.column + word.count) }
        for quote: Unicode.Scalar in ["\"", "'"] where holds([quote] + word + [quote], at: start) {
            return LintFix(startColumn: mark.column, endColumn: mark.column + word.count + 2)
        }
        return nil
    }
}
