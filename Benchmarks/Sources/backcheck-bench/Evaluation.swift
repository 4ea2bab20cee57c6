import AssessmentKit
import BackCheckYAML

/// Scoring and rendering measurements against the built-in catalogue, over synthesized
/// answer sets (1 000 distinct ones, and 100 distinct reports for exports, cycled: nothing is
/// cached between sets, so repeating them costs what new ones would).
enum Evaluation {
    static let distinct = 1_000
    static let generatedAt = "2026-01-01T00:00:00Z"

    static func answerLines(_ catalogue: Catalogue) -> [[UInt8]] {
        var synthesizer = AnswerSynthesizer(catalogue: catalogue, seed: 7)
        return (0..<distinct).map { Array(synthesizer.record($0).utf8) }
    }

    /// The `answers` value of a record, as an answers file (the record minus its `id`).
    static func answerSets(_ catalogue: Catalogue, _ lines: [[UInt8]]) -> [AnswerSet] {
        lines.map { line in
            guard let node = JSONReader.parse(line, file: "bench.jsonl").node,
                  case .success(let set) = AnswersFile.read(withoutID(node), file: "bench.jsonl", catalogue: catalogue)
            else { BenchMain.fail("a synthesized answer set does not read: \(String(decoding: line, as: UTF8.self))") }
            return set
        }
    }

    private static func withoutID(_ node: YAMLNode) -> YAMLNode {
        guard case .mapping(let pairs) = node.content else { return node }
        return YAMLNode(.mapping(YAMLNode.Pairs(pairs.filter { $0.key.scalar?.text != "id" })), mark: node.mark)
    }

    /// (b): N answer sets read from JSON, scored into reports, and exported as JSON.
    static func run(_ count: Int) {
        let catalogue = BenchMain.builtInCatalogue()
        let lines = answerLines(catalogue)
        let sets = answerSets(catalogue, lines)
        let builder = ReportBuilder(catalogue: catalogue)
        var checksum = 0
        let (_, readTime) = Measure.time {
            for index in 0..<count {
                let node = JSONReader.parse(lines[index % distinct], file: "bench.jsonl").node
                if let node, case .success(let set) = AnswersFile.read(withoutID(node), file: "bench.jsonl", catalogue: catalogue) {
                    checksum &+= set.entries.count
                }
            }
        }
        var findings = 0
        let (_, scoreTime) = Measure.time {
            for index in 0..<count {
                let report = builder.report(for: sets[index % distinct], generatedAt: generatedAt)
                findings &+= report.assessments.reduce(0) { $0 + $1.findings.count }
            }
        }
        let reports = sets.prefix(100).map { builder.report(for: $0, generatedAt: generatedAt) }
        let (_, exportTime) = Measure.time {
            for index in 0..<count { checksum &+= reports[index % reports.count].json.serialized().utf8.count }
        }
        let assessments = sets.reduce(0) { $0 + $1.entries.count } * count / distinct
        print("evaluate: \(count) answer sets, \(assessments) assessments run, \(findings) findings (checksum \(checksum))")
        report("evaluate.read", readTime, "s")
        report("evaluate.score", scoreTime, "s")
        report("evaluate.json", exportTime, "s")
        report("evaluate.total", readTime + scoreTime + exportTime, "s")
        report("evaluate.sets_per_s", Double(count) / (readTime + scoreTime + exportTime), "sets/s", digits: 0)
        report("evaluate.us_per_set", (readTime + scoreTime + exportTime) / Double(count) * 1e6, "us", digits: 1)
        report("evaluate.peak_rss", Measure.peakRSSMiB(), "MiB", digits: 1)
    }

    /// (c): each format rendered for N reports.
    static func render(_ count: Int) {
        let catalogue = BenchMain.builtInCatalogue()
        let builder = ReportBuilder(catalogue: catalogue)
        let reports = answerSets(catalogue, answerLines(catalogue)).prefix(100).map { builder.report(for: $0, generatedAt: generatedAt) }
        // Compact JSON to text, as `batch` writes each person's report.
        var compactBytes = 0
        let (_, compactTime) = Measure.time {
            for index in 0..<count {
                var writer = JSONWriter()
                reports[index % reports.count].write(to: &writer)
                compactBytes &+= writer.text.utf8.count
            }
        }
        print("render json (compact, as batch writes it): \(count) reports, \(compactBytes / count) bytes each on average")
        report("render.json-compact.us_per_report", compactTime / Double(count) * 1e6, "us", digits: 1)
        for format in ReportFormat.allCases {
            var bytes = 0
            let (_, time) = Measure.time {
                for index in 0..<count { bytes &+= format.render(reports[index % reports.count]).utf8.count }
            }
            print("render \(format.rawValue): \(count) reports, \(bytes / count) bytes each on average")
            report("render.\(format.rawValue).us_per_report", time / Double(count) * 1e6, "us", digits: 1)
        }
    }
}
