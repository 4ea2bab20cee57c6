// A conformance of a public type to a public protocol is public whatever its file says, so
// this one file imports ArgumentParser publicly; nothing else in the module does.
public import ArgumentParser
public import AssessmentKit

extension ReportFormat: ExpressibleByArgument {}

extension ReportFormat {
    /// The format an output file's extension names (`.json`, `.md`, `.html`, `.ics`, `.txt`),
    /// for a command given `-o FILE` without `--format`: a file called `report.json` that
    /// holds text is a trap for whoever reads it next.
    static func implied(by output: String?) -> ReportFormat? {
        guard let output, let dot = output.lastIndex(of: "."), !output[dot...].contains("/") else { return nil }
        switch output[output.index(after: dot)...].lowercased() {
        case "json": return .json
        case "md", "markdown": return .markdown
        case "html", "htm": return .html
        case "ics": return .ics
        case "txt", "text": return .text
        default: return nil
        }
    }
}
