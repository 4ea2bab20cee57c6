import AssessmentKit
import BuiltinEvaluators
import BackCheckExpressions
import BackCheckYAML

/// What one fuzz input is put through. Every input goes through every stage, so one corpus
/// (YAML files, JSON, expressions) feeds them all and coverage from one stage guides the
/// others. Nothing here checks results: the fuzzer looks for crashes, traps, sanitizer reports,
/// hangs (`-timeout`) and memory blow-ups (`-rss_limit_mb`), which user input must never cause.
enum FuzzTarget {
    /// Runs every stage on `bytes`.
    static func run(_ bytes: [UInt8]) {
        yaml(bytes)
        json(bytes)
        catalogue(bytes)
        expression(bytes)
        answers(bytes, file: "fuzz.answers.yaml")
        answers(bytes, file: "fuzz.answers.json")
        savedReport(bytes)
        batch(bytes)
    }

    /// The YAML layer: events → nodes, then node → JSON (core-schema resolution) and printing.
    static func yaml(_ bytes: [UInt8]) {
        let result = YAMLParser().parse(bytes, file: "fuzz.yaml")
        for document in result.documents {
            _ = document.root.jsonValue.serialized(pretty: true)
        }
        consume(result.diagnostics)
    }

    /// The strict JSON reader, for one value and for a JSON Lines stream.
    static func json(_ bytes: [UInt8]) {
        let (node, diagnostics) = JSONReader.parse(bytes, file: "fuzz.json")
        if let node { _ = node.jsonValue.serialized() }
        consume(diagnostics)
        let (nodes, sequenceDiagnostics) = JSONReader.parseSequence(bytes, file: "fuzz.jsonl")
        for node in nodes { _ = node.jsonValue.serialized() }
        consume(sequenceDiagnostics)
    }

    /// The catalogue loader as `backcheck lint FILE` runs it: the file on top of the built-in
    /// norms (so normative scoring can resolve), then every example of what could be read.
    static func catalogue(_ bytes: [UInt8]) {
        let layer = CatalogueLayer(name: "fuzz", files: [CatalogueLayer.File(path: "fuzz.yaml", bytes: bytes)])
        let result = CatalogueLoader(registry: .builtIn).load([Fixtures.builtInNorms, layer])
        consume(result.diagnostics)
        consume(ExampleRunner.check(result.partial))
    }

    /// The expression compiler and evaluator, on the input as expression text, against names
    /// of every kind, evaluated without a side and on each side, with full and sparse bindings.
    static func expression(_ bytes: [UInt8]) {
        guard bytes.count <= Expression.maximumLength * 4 else { return }
        let source = String(decoding: bytes, as: UTF8.self)
        let (compiled, diagnostics) = Expression.compile(source, scope: Fixtures.scope) { offset in
            SourceMark(file: "fuzz", line: 1, column: offset + 1)
        }
        consume(DiagnosticLog(diagnostics))
        guard let compiled else { return }
        for bindings in Fixtures.bindings {
            for side in [nil, Side.left, Side.right] {
                switch compiled.evaluate(bindings, side: side) {
                case .value(let value): _ = value.description
                case .notApplicable(let reason): _ = reason
                }
            }
        }
    }

    /// Answers (YAML or JSON by name) against the built-in catalogue, then the report and every
    /// export of it, as `backcheck run --answers` and `backcheck batch` do.
    static func answers(_ bytes: [UInt8], file: String) {
        guard let catalogue = Fixtures.builtInCatalogue else { return }
        switch AnswersFile.read(bytes, file: file, catalogue: catalogue) {
        case .success(let answers):
            let report = ReportBuilder(catalogue: catalogue).report(for: answers, generatedAt: "2026-01-01T00:00:00Z")
            for format in ReportFormat.allCases { _ = format.render(report) }
        case .failure(let problems):
            consume(problems.diagnostics)
        }
    }

    /// Each line as one record of `backcheck batch`.
    static func batch(_ bytes: [UInt8]) {
        guard let catalogue = Fixtures.builtInCatalogue else { return }
        let processor = BatchProcessor(catalogue: catalogue, source: "fuzz.jsonl", generatedAt: "2026-01-01T00:00:00Z")
        for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            _ = processor.process(Array(line), line: index + 1).output
        }
    }

    /// A saved report, as `backcheck report FILE --compare EARLIER` reads it.
    static func savedReport(_ bytes: [UInt8]) {
        switch Report.read(json: bytes, file: "fuzz.report.json") {
        case .success(let report):
            for format in ReportFormat.allCases {
                _ = format.render(report)
                _ = ComparisonExport.render(Comparison(earlier: report, later: report), format: format)
            }
        case .failure(let error):
            _ = error.description
        }
    }

    /// Prints every diagnostic to nowhere, so their message building runs too.
    private static func consume(_ diagnostics: DiagnosticLog) {
        for diagnostic in diagnostics.sorted { _ = diagnostic.description }
    }
}
