import BackCheckYAML
import Testing

@Suite("Limits: alias bombs, deep nesting, file size")
struct YAMLLimitTests {
    /// Nine levels of nine aliases: 9^9 (about 387 million) nodes if expanded.
    static let aliasBomb: String = {
        var lines = ["a0: &a0 [" + Array(repeating: "\"lol\"", count: 9).joined(separator: ", ") + "]"]
        for level in 1...9 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n")
    }()

    /// Runs `body` and answers how long it took, in seconds.
    private func seconds(_ body: () -> Void) -> Double {
        let duration = ContinuousClock().measure(body)
        return Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }

    @Test func anAliasBombIsStoppedQuickly() throws {
        var result: YAMLParseResult?
        let elapsed = seconds { result = parseYAML(Self.aliasBomb) }
        let error = try #require(result?.diagnostics.errors.first)
        #expect(error.message.contains("aliases expand to more than 100000 nodes"))
        #expect(error.message.contains("alias bomb"))
        #expect(error.mark != nil)
        #expect(result?.documents.isEmpty == true)
        #expect(elapsed < 1, "took \(elapsed) s")
    }

    @Test func flowNestingIsStoppedAtTheLimitWhileReading() throws {
        let text = String(repeating: "[", count: 100_000)
        var result: YAMLParseResult?
        let elapsed = seconds { result = parseYAML(text) }
        let error = try #require(result?.diagnostics.errors.first)
        #expect(error.description == "test.yaml:1:101: error: nesting is deeper than 100 levels; flatten the structure (reading stopped here)")
        #expect(result?.diagnostics.count == 1)
        #expect(elapsed < 1, "took \(elapsed) s")
    }

    @Test func blockNestingIsStoppedAtTheLimitWhileReading() throws {
        let text = (0..<3_000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n") + " end\n"
        var result: YAMLParseResult?
        let elapsed = seconds { result = parseYAML(text) }
        let error = try #require(result?.diagnostics.errors.first)
        #expect(error.message.hasPrefix("nesting is deeper than 100 levels"))
        #expect(place(error.mark) == "101:101")
        #expect(elapsed < 1, "took \(elapsed) s")
    }

    @Test func blockSequenceNestingIsStoppedToo() throws {
        let text = (0..<3_000).map { String(repeating: " ", count: $0) + "-" }.joined(separator: "\n") + " end\n"
        let result = parseYAML(text)
        #expect(result.diagnostics.errors.map(\.description) == [
            "test.yaml:101:101: error: nesting is deeper than 100 levels; flatten the structure (reading stopped here)",
        ])
    }

    @Test func limitsAreConfigurable() {
        let shallow = YAMLLimits(maxDepth: 2)
        #expect(parseYAML("a: {b: 1}", limits: shallow).diagnostics.isEmpty)
        #expect(parseYAML("a: {b: [1]}", limits: shallow).diagnostics.errors.count == 1)
        let stingy = YAMLLimits(maxAliasExpansion: 5)
        #expect(parseYAML("a: &a [1, 2]\nb: *a\n", limits: stingy).diagnostics.isEmpty)
        #expect(parseYAML("a: &a [1, 2]\nb: *a\nc: *a\n", limits: stingy).diagnostics.errors.count == 1)
        let small = YAMLLimits(maxFileBytes: 8)
        let tooBig = parseYAML("a: 123456789", limits: small)
        #expect(tooBig.diagnostics.errors.first?.message == "the file is 12 bytes, more than the limit of 8 bytes")
    }

    @Test("a file or JSON value of a huge number of small values stops at the node limit, not a gigabyte later")
    func tooManyValuesAreStoppedWhileReading() throws {
        let few = YAMLLimits(maxNodes: 5)
        // The mapping, two keys, two values: five.
        #expect(parseYAML("a: 1\nb: 2\n", limits: few).diagnostics.isEmpty)
        let over = parseYAML("a: 1\nb: [2, 3]\n", limits: few)
        #expect(over.diagnostics.errors.map(\.description) == [
            "test.yaml:2:5: error: the file holds more than 5 values; a catalogue or answers file holds a few thousand, so split it or look for generated data (reading stopped here)",
        ])
        #expect(over.documents.isEmpty)
        // At the default: an array and its items, exactly the limit, then one more item.
        let values = YAMLLimits.default.maxNodes
        let line = "[" + Array(repeating: "1", count: values - 1).joined(separator: ",") + "]"
        #expect(JSONReader.parse(line, file: "a.jsonl").diagnostics.isEmpty)
        let tooMany = JSONReader.parse("[1," + line.dropFirst(), file: "a.jsonl", line: 7)
        #expect(tooMany.node == nil)
        #expect(tooMany.diagnostics.errors.first?.description.hasPrefix(
            "a.jsonl:7:\(2 * values): error: more than \(values) values in one JSON value") == true,
            "\(tooMany.diagnostics.errors.first?.description.prefix(120) ?? "")")
    }

    @Test func aliasesCannotNestPastTheDepthLimit() throws {
        let limits = YAMLLimits(maxDepth: 4)
        #expect(parseYAML("a: &a [[1]]\nb: *a\n", limits: limits).diagnostics.isEmpty)
        let result = parseYAML("a: &a [[[1]]]\nb: [*a]\n", limits: limits)
        let error = try #require(result.diagnostics.errors.first)
        #expect(error.message.hasPrefix("alias '*a' nests its node deeper than 4 levels"))
        #expect(place(error.mark) == "2:5")
    }
}
