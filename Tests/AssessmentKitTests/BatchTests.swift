import AssessmentKit
import BuiltinEvaluators
import BackCheckYAML
import Foundation
import Testing

/// `backcheck batch`'s library part: one record in, one line out; a whole stream in order.
@Suite struct BatchTests {
    static let catalogue: Catalogue = {
        let result = CatalogueLoader(registry: .builtIn).load([.builtIn])
        return result.catalogue!
    }()

    static let stamp = "2026-01-02T03:04:05Z"

    /// A built-in story's answers file as JSON members.
    static func answers(_ story: String) throws -> [(key: String, value: JSONValue)] {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Assessments/stories/\(story).answers.yaml").path
        let parsed = YAMLParser().parseFile(atPath: path)
        let root = try #require(parsed.documents.first?.root)
        guard case .object(let members) = root.jsonValue else { throw CocoaError(.fileReadCorruptFile) }
        return members
    }

    /// A built-in story's answers as one JSON Lines record with `id`.
    static func record(_ story: String, id: String) throws -> String {
        JSONValue.object([("id", .string(id))] + (try answers(story))).serialized()
    }

    static func processor(source: String = "people.jsonl") -> BatchProcessor {
        BatchProcessor(catalogue: catalogue, source: source, generatedAt: stamp)
    }

    /// The output line parsed back.
    static func parsed(_ output: String) throws -> YAMLNode {
        #expect(output.hasSuffix("\n") && output.dropLast().firstIndex(of: "\n") == nil, "one line: \(output)")
        let (node, problems) = JSONReader.parse(output, file: "out")
        #expect(problems.isEmpty)
        return try #require(node)
    }

    @Test func aRecordGivesTheSameReportAsRunningItsAnswersFile() throws {
        let line = try Self.record("sore-after-squats", id: "p-1")
        let result = Self.processor().process(Array(line.utf8), line: 7)
        #expect(result.succeeded)
        #expect(result.line == 7)
        let output = try Self.parsed(result.output)
        #expect(output["id"]?.scalar?.text == "p-1")
        #expect(output["line"]?.scalar?.text == "7")
        #expect(output["report"]?["schema"]?.scalar?.text == "backcheck.report/1")

        let plain = JSONValue.object(try Self.answers("sore-after-squats")).serialized()
        guard case .success(let answers) = AnswersFile.read(Array(plain.utf8), file: "x.json", catalogue: Self.catalogue) else {
            Issue.record("the story does not read as an answers file")
            return
        }
        let direct = ReportBuilder(catalogue: Self.catalogue).report(for: answers, generatedAt: Self.stamp)
        #expect(output["report"]?.jsonValue == direct.json)
    }

    @Test func anEmergencyIsCountedAsAReferral() throws {
        let line = try Self.record("red-flag-emergency", id: "p-2")
        let result = Self.processor().process(Array(line.utf8), line: 1)
        #expect(result.succeeded)
        #expect(result.referral == "emergency")
    }

    @Test(arguments: [
        (#"{"id": "a", "answers": "#, "found the end of the input"),
        (#"[1, 2]"#, "must be a JSON object"),
        (#"{"answers": {"hip-flexor-thomas": {}}}"#, "has no 'id'"),
        (#"{"id": true, "answers": {}}"#, "'id' must be a non-empty string or a whole number"),
        (#"{"id": "", "answers": {}}"#, "'id' must be a non-empty string or a whole number"),
        (#"{"id": "x", "answers": {"hip-flexor-thomass": {}}}"#, "did you mean 'hip-flexor-thomas'?"),
        (#"{"id": 12, "answers": {"squat-form": {"knees_cave": "yes"}}}"#, "squat-form"),
        (#"{"id": 12345678901234567890, "answers": {}}"#, #"too long to keep exactly; give it as a string: "id": "12345678901234567890""#),
    ])
    func aBadRecordGivesAnErrorRecordWithItsLine(line: String, message: String) throws {
        let result = Self.processor().process(Array(line.utf8), line: 42)
        #expect(!result.succeeded)
        let output = try Self.parsed(result.output)
        #expect(output["line"]?.scalar?.text == "42")
        let errors = try #require(output["errors"]?.sequence)
        #expect(!errors.isEmpty)
        #expect(errors.contains { ($0["message"]?.scalar?.text ?? "").contains(message) }, "\(result.output)")
        for error in errors where error["line"] != nil { #expect(error["line"]?.scalar?.text == "42") }
        #expect(output["report"] == nil)
    }

    /// A whole-number id too long for 64 bits is echoed as its digits, not rounded, so a script
    /// can still match the error to its person.
    @Test func aTooLongNumericIDIsEchoedDigitForDigit() throws {
        let result = Self.processor().process(Array(#"{"id": 12345678901234567890, "answers": {}}"#.utf8), line: 2)
        #expect(result.output.hasPrefix(#"{"id":"12345678901234567890","line":2,"#), "\(result.output)")
    }

    @Test func anErrorRecordKeepsAReadableID() throws {
        let result = Self.processor().process(Array(#"{"id": 12, "answers": {"nope": {}}}"#.utf8), line: 3)
        let output = try Self.parsed(result.output)
        #expect(output["id"]?.jsonValue == .integer(12))
        let unreadable = Self.processor().process(Array("{not json".utf8), line: 3)
        #expect(try Self.parsed(unreadable.output)["id"] == nil)
    }

    /// Runs a whole batch from a temporary file.
    static func run(_ text: String, workers: Int = 2, window: Int = 4, maximumLineLength: Int = 8 << 20) throws
        -> (lines: [String], summary: BatchSummary)
    {
        let (lines, summary, _) = try runWithProgress(text, workers: workers, window: window, maximumLineLength: maximumLineLength)
        return (lines, summary)
    }

    /// Runs a whole batch from a temporary file, keeping every progress report.
    static func runWithProgress(_ text: String, workers: Int = 2, window: Int = 4, maximumLineLength: Int = 8 << 20) throws
        -> (lines: [String], summary: BatchSummary, progress: [BatchRunner.Progress])
    {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("batch-\(UUID().uuidString).jsonl")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let descriptor = open(url.path, O_RDONLY)
        defer { close(descriptor) }
        var lines: [String] = []
        var progress: [BatchRunner.Progress] = []
        let summary = BatchRunner.run(
            reading: descriptor, processor: processor(source: url.lastPathComponent), workers: workers, window: window,
            maximumLineLength: maximumLineLength, write: { lines.append($0) }, progress: { progress.append($0) })
        return (lines, summary, progress)
    }

    @Test func progressCountsRecordsWrittenAndTheBytesBehindThem() throws {
        let good = try Self.record("all-clear", id: "p")
        let text = [good, "", good, #"{"id": "x"}"#, good].joined(separator: "\r\n") + "\n"
        let (_, summary, progress) = try Self.runWithProgress(text)
        #expect(progress.map(\.written) == [1, 2, 3, 4])
        #expect(progress.last?.failures == summary.failures)
        #expect(progress.map(\.bytesDone) == progress.map(\.bytesDone).sorted())
        #expect(progress.last?.bytesDone == text.utf8.count)
        #expect(progress.first?.bytesDone == good.utf8.count + 2)
    }

    @Test func aStreamKeepsInputOrderSkipsBlankLinesAndGoesOnAfterABadLine() throws {
        let good = try Self.record("all-clear", id: "ok")
        var input: [String] = []
        for index in 0..<40 {
            input.append(index % 7 == 3 ? #"{"id": "bad-\#(index)", "answers": {"nope": {}}}"# : good.replacingOccurrences(of: #""id":"ok""#, with: #""id":"p\#(index)""#))
            if index == 10 { input.append("   ") }
        }
        let (lines, summary) = try Self.run(input.joined(separator: "\n") + "\n")
        #expect(lines.count == 40)
        #expect(summary.records == 40)
        #expect(summary.failures == 6)
        #expect(summary.reports == 34)
        for (index, line) in lines.enumerated() {
            let output = try Self.parsed(line)
            let expectedID = index % 7 == 3 ? "bad-\(index)" : "p\(index)"
            #expect(output["id"]?.scalar?.text == expectedID)
            // The blank line after record 10 still counts as a line of the file.
            #expect(output["line"]?.scalar?.text == String(index < 11 ? index + 1 : index + 2))
        }
    }

    @Test func oneWorkerAndManyGiveTheSameBytes() throws {
        let records = try ["sore-after-squats", "deadlift-lockout-pain", "all-clear", "red-flag-emergency"].enumerated()
            .map { try Self.record($0.element, id: "p\($0.offset)") }
        let text = (0..<25).map { records[$0 % records.count] }.joined(separator: "\r\n")
        let one = try Self.run(text, workers: 1, window: 1)
        let many = try Self.run(text, workers: 4, window: 16)
        #expect(one.lines.count == 25)
        #expect(one.lines == many.lines)
        #expect(one.summary == many.summary)
    }

    @Test func aLineOverTheLimitIsAnErrorAndTheNextLineIsRead() throws {
        let good = try Self.record("all-clear", id: "after")
        let long = #"{"id": "long", "answers": {"x": ""# + String(repeating: "y", count: 200_000) + #""}}"#
        let (lines, summary) = try Self.run(long + "\n" + good, maximumLineLength: 100_000)
        #expect(lines.count == 2)
        #expect(summary.failures == 1)
        let first = try Self.parsed(lines[0])
        #expect(first["errors"]?.jsonValue.serialized().contains("longer than the 100000 bytes allowed") == true)
        #expect(first["id"]?.scalar?.text == "long", "the id came first and whole, so it is kept")
        #expect(try Self.parsed(lines[1])["id"]?.scalar?.text == "after")
        // Last in the input, without a line break after it, too.
        let (atEnd, _) = try Self.run(good + "\n" + long, maximumLineLength: 100_000)
        #expect(try Self.parsed(atEnd[1])["id"]?.scalar?.text == "long")
    }
}
