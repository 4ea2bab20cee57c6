import BackCheckYAML
import Foundation

// Writes a Swift source file holding the text of each catalogue file, and the fields
// `backcheck list` shows of each assessment (so listing the built-in catalogue parses nothing),
// and the digest of each document (so a report names its definitions without parsing again),
// and each document's kind, id and evaluator (so a run picks the files it needs unparsed),
// and where a file's trailing examples start (so a run parses only the text before them).
// Usage: catalogue-embedder OUTPUT PACKAGE_ROOT FILE...
// Paths in the output are relative to PACKAGE_ROOT, so diagnostics name `Assessments/...`.

let arguments = CommandLine.arguments
guard arguments.count >= 3 else {
    FileHandle.standardError.write(Data("usage: catalogue-embedder OUTPUT PACKAGE_ROOT FILE...\n".utf8))
    exit(64)
}
let output = URL(fileURLWithPath: arguments[1])
let root = arguments[2].hasSuffix("/") ? arguments[2] : arguments[2] + "/"

/// A raw string literal that holds `text` exactly: enough `#`s that no `"#…` in the text
/// closes it early and no `\#…` starts an escape.
func rawLiteral(_ text: String) -> String {
    var longest = 0
    var run = -1
    for character in text {
        if character == "\"" || character == "\\" {
            run = 0
        } else if character == "#", run >= 0 {
            run += 1
            longest = max(longest, run)
        } else {
            run = -1
        }
    }
    let hashes = String(repeating: "#", count: longest + 1)
    return hashes + "\"\"\"\n" + text + "\n\"\"\"" + hashes
}

/// The list fields of one assessment, as written.
struct ListedRow {
    var id, title, category, duration, evidence, evaluator, version: String
}

/// The assessments of a file, each with every list field present (an assessment missing one
/// is left out; the loader reports it, and the tests compare this listing with a full load).
func listedAssessments(in documents: [YAMLDocument]) -> [ListedRow] {
    documents.compactMap { document in
        let root = document.root
        guard root["kind"]?.scalar?.text == "assessment", let id = root["id"]?.scalar?.text,
              let title = root["title"]?.scalar?.text, let category = root["category"]?.scalar?.text,
              let duration = root["duration_min"]?.scalar?.text, let evidence = root["evidence"]?["level"]?.scalar?.text,
              let evaluator = root["evaluator"]?.scalar?.text, let version = root["version"]?.scalar?.text
        else { return nil }
        return ListedRow(
            id: id, title: title, category: category, duration: duration, evidence: evidence, evaluator: evaluator,
            version: version)
    }
}

/// Every scalar of `node` and below, keys included.
func scalars(of node: YAMLNode) -> [String] {
    if let scalar = node.scalar { return [scalar.text] }
    if let items = node.sequence { return items.flatMap(scalars) }
    return (node.mapping ?? []).flatMap { scalars(of: $0.key) + scalars(of: $0.value) }
}

/// The UTF-8 offset of the line that opens the file's `examples:` block, when that block is
/// the last key of the file's only document and written at the start of a line; `nil`
/// otherwise. A load that leaves the built-in examples unread parses only the text before it:
/// examples are a fifth of an assessment's text and, being many small flow mappings, nearly
/// half its parsing. The text before is parsed here to prove it reads as the same document
/// without `examples` (every other key in order, each value with the same digest); if not,
/// `nil`, and the whole file is parsed.
func examplesStart(of text: String, documents: [YAMLDocument], file: String) -> Int? {
    guard documents.count == 1, let pairs = documents[0].root.mapping, let last = pairs.last,
          last.key.scalar?.text == "examples", last.key.mark.column == 1, !text.utf8.contains(UInt8(ascii: "\r"))
    else { return nil }
    var line = 1
    var offset = 0
    for byte in text.utf8 where line < last.key.mark.line {
        offset += 1
        if byte == UInt8(ascii: "\n") { line += 1 }
    }
    guard line == last.key.mark.line else { return nil }
    let before = YAMLParser(allowsTags: false).parse(Array(text.utf8.prefix(offset)), file: file)
    guard before.diagnostics.isEmpty, before.documents.count == 1, let kept = before.documents[0].root.mapping else { return nil }
    let expected = pairs.dropLast().map { ($0.key.scalar?.text, Digest.of($0.value)) }
    let found = kept.map { ($0.key.scalar?.text, Digest.of($0.value)) }
    guard expected.count == found.count, zip(expected, found).allSatisfy({ $0.0 == $1.0 && $0.1 == $1.1 }) else { return nil }
    return offset
}

/// The file's text, or the reason it cannot be used (and the embedder stops).
func contents(of path: String) -> String {
    let data: Data
    do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        FileHandle.standardError.write(Data("\(path): error: cannot read the file: \(error.localizedDescription)\n".utf8))
        exit(1)
    }
    guard let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("\(path):1:1: error: the file is not valid UTF-8; save it as UTF-8\n".utf8))
        exit(1)
    }
    return text
}

/// What an input file is for.
enum Role { case catalogue, template, article }

let inputs = arguments.dropFirst(3).map { path in
    let relative = path.hasPrefix(root) ? String(path.dropFirst(root.count)) : path
    // Templates for `backcheck new` and guides (Markdown) are kept apart from the catalogue.
    let role: Role = relative.contains("Authoring/Templates/") ? .template : path.hasSuffix(".md") ? .article : .catalogue
    return (path: path, relative: relative, text: contents(of: path), role: role)
}
let catalogueInputs = inputs.filter { $0.role == .catalogue }
// Parsed as the catalogue loader parses it, so the digests are the ones a load would give.
let parsed = Dictionary(catalogueInputs.map { input in
    (input.path, YAMLParser(allowsTags: false).parse(input.text, file: input.relative).documents)
}, uniquingKeysWith: { first, _ in first })
// A document names the exercises any of its scalars equals (more than its recommendations and
// links, never fewer), so a run that reads the documents it needs reads every exercise they
// could lead to.
let exerciseIDs = Set(parsed.values.joined().compactMap { document in
    document.root["kind"]?.scalar?.text == "exercise" ? document.root["id"]?.scalar?.text : nil
})

var listing: [ListedRow] = []
var articles: [(name: String, text: String)] = []
var templates: [(name: String, text: String)] = []
var source = """
// Generated by catalogue-embedder from the Assessments folder at build time. Do not edit.

extension BuiltinCatalogue {
    static let embeddedFiles: [CatalogueFile] = [

"""
for (path, relative, text, role) in inputs {
    let name = String(relative.split(separator: "/").last ?? "")
    switch role {
    case .template: templates.append((String(name.dropLast(5)), text)); continue
    case .article: articles.append((String(name.dropLast(3)), text)); continue
    case .catalogue: break
    }
    let documents = parsed[path] ?? []
    let digests = documents.map { rawLiteral(Digest.of($0.root)) }.joined(separator: ", ")
    let kinds = documents.map { document in
        let fields = ["kind", "id", "evaluator"].map { rawLiteral(document.root[$0]?.scalar?.text ?? "") }
        let named = Set(scalars(of: document.root)).intersection(exerciseIDs).sorted().map(rawLiteral)
        return "EmbeddedDocument(kind: \(fields[0]), id: \(fields[1]), evaluator: \(fields[2]), exercises: [\(named.joined(separator: ", "))])"
    }.joined(separator: ", ")
    let examples = examplesStart(of: text, documents: documents, file: relative).map(String.init) ?? "nil"
    source += "        CatalogueFile(path: \(rawLiteral(relative)), text: \(rawLiteral(text)), digests: [\(digests)], "
        + "documents: [\(kinds)], examplesStart: \(examples)),\n"
    listing += listedAssessments(in: documents)
}
source += "    ]\n\n    static let embeddedListing: [ListedAssessment] = [\n"
for row in listing.sorted(by: { $0.id < $1.id }) {
    let fields = [row.id, row.title, row.category, row.duration, row.evidence, row.evaluator, row.version].map(rawLiteral)
    source += "        ListedAssessment(id: \(fields[0]), title: \(fields[1]), category: \(fields[2]), "
        + "durationMinutes: \(fields[3]), evidence: \(fields[4]), evaluator: \(fields[5]), version: \(fields[6])),\n"
}
source += "    ]\n\n    static let embeddedArticles: [(name: String, text: String)] = [\n"
for article in articles {
    source += "        (\(rawLiteral(article.name)), \(rawLiteral(article.text))),\n"
}
source += "    ]\n\n    static let embeddedTemplates: [(name: String, text: String)] = [\n"
for template in templates {
    source += "        (\(rawLiteral(template.name)), \(rawLiteral(template.text))),\n"
}
source += "    ]\n}\n"

do {
    try Data(source.utf8).write(to: output, options: .atomic)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(output.path): \(error.localizedDescription)\n".utf8))
    exit(1)
}
