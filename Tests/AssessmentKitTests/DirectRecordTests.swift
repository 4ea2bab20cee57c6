import AssessmentKit
import Foundation
import BackCheckYAML
import Testing
import TestSupport

/// Batch records read straight from their bytes (`DirectRecord`) against the full reading
/// through a tree (`BatchProcessor.processInFull`): the same output for every record, whichever
/// way it was read, and the direct way taken for the plain ones.
@Suite struct DirectRecordTests {
    static let stories = [
        "all-clear", "deadlift-lockout-pain", "disc-herniation-two-years-ago", "healthy-and-average", "hip-thrust-hurts",
        "new-back-pain-at-58", "red-flag-emergency", "sore-after-squats", "weak-core",
    ]

    /// Both ways of reading `record` give the same line of output; answers whether it was read directly.
    @discardableResult
    static func expectSameEitherWay(_ record: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let bytes = Array(record.utf8)
        let processor = BatchTests.processor()
        let full = processor.processInFull(bytes, line: 3)
        #expect(processor.process(bytes, line: 3) == full, "\(record)", sourceLocation: sourceLocation)
        let direct = DirectRecord.read(bytes, catalogue: BatchTests.catalogue)
        // Only a record the full reading takes may be taken directly.
        #expect(direct == nil || full.succeeded, "\(record)", sourceLocation: sourceLocation)
        return direct != nil
    }

    @Test(arguments: stories) func everyStoryIsReadDirectlyWithTheSameReport(story: String) throws {
        let record = try BatchTests.record(story, id: "p-\(story)")
        #expect(Self.expectSameEitherWay(record), "the story \(story) went the full way")
        let direct = try #require(DirectRecord.read(Array(record.utf8), catalogue: BatchTests.catalogue))
        #expect(direct.id == .string("p-\(story)"))
    }

    /// The weak-core story's record (it has every kind of input: durations, bilateral numbers,
    /// choices, a named profile) with the value of `key`, its first occurrence, written as `value`.
    static func weakCore(_ key: String, _ value: String) throws -> String {
        let bytes = Array(try BatchTests.record("weak-core", id: "p-1").utf8)
        let name = Array("\"\(key)\":".utf8)
        let at = try #require(bytes.indices.first { bytes[$0...].starts(with: name) }, "no \(key) in the story")
        let range = try #require(valueRanges(in: bytes).first { $0.lowerBound == at + name.count }, "\(key) holds no scalar")
        var changed = bytes
        changed.replaceSubrange(range, with: Array(value.utf8))
        return String(decoding: changed, as: UTF8.self)
    }

    @Test func plainVariationsAreReadDirectly() throws {
        let record = try BatchTests.record("weak-core", id: "p-1")
        let plain = [
            try Self.weakCore("id", "42"),
            try Self.weakCore("id", "-7"),
            " \t" + record + " \r\n",
            try Self.weakCore("flexor_hold", #""1:35""#),
            try Self.weakCore("flexor_hold", #""95s""#),
            try Self.weakCore("flexor_hold", "95.5"),
            try Self.weakCore("flexor_hold", "1e2"),
            try Self.weakCore("age", "34.5"),
            try Self.weakCore("name", #""M. O'Neil (coach: A/B)""#),
            record.replacingOccurrences(of: #""profile":{"#, with: #""screened_elsewhere":true,"profile":{"back_history":["disc-herniation"],"back_history_recent":false,"#),
        ]
        for variation in plain { #expect(Self.expectSameEitherWay(variation), "went the full way: \(variation)") }
    }

    @Test func whatItDoesNotTakeGoesTheFullWay() throws {
        let record = try BatchTests.record("weak-core", id: "p-1")
        let fullWay = [
            // Valid, but not plain: read the full way, and still a report.
            "\u{FEFF}" + record,
            try Self.weakCore("id", #""p\u002d1""#),
            try Self.weakCore("name", #""Zoë""#),
            // Problems, which only the full way can explain.
            try Self.weakCore("id", #""""#),
            try Self.weakCore("id", "1.5"),
            try Self.weakCore("id", "12345678901234567890"),
            record.replacingOccurrences(of: #""id":"p-1","#, with: ""),
            record + " x",
            try Self.weakCore("flexor_hold", "01"),
            try Self.weakCore("flexor_hold", "12abc"),
            try Self.weakCore("flexor_hold", "-5"),
            try Self.weakCore("flexor_hold", "1e400"),
            try Self.weakCore("flexor_hold", "null"),
            try Self.weakCore("flexor_hold", #""1,5""#),
            try Self.weakCore("flexor_hold", "45,\"flexor_hold\":45"),
            try Self.weakCore("flexor_hold", "45,\"nope\":1"),
            try Self.weakCore("sex", #""Male""#),
            try Self.weakCore("age", #""34""#),
            try Self.weakCore("age", "130"),
            try Self.weakCore("training_days_per_week", "3.5"),
            record.replacingOccurrences(of: #""profile":{"#, with: #""profile":{"height":180,"#),
            record.replacingOccurrences(of: #""answers":{"#, with: #""answers":{"no-such-test":{},"#),
            record.replacingOccurrences(of: #""answers":{"#, with: #""surprise":true,"answers":{"#),
        ]
        for variation in fullWay { #expect(!Self.expectSameEitherWay(variation), "read directly: \(variation)") }
    }

    /// Story records with values, keys and layout changed at random, six hundred times: each
    /// reads the same either way, and both ways are taken many times.
    @Test func randomChangesReadTheSameEitherWay() throws {
        var generator = SeededGenerator(seed: 26)
        let replacements = [
            "0", "-1", "7", "12.5", "1e2", "1E+2", "01", "12.", "-0", "99999", "1e400", "3.75", "\"45\"", "\"1:35\"", "\"95s\"",
            "\"2m\"", "null", "true", "false", "\"true\"", "\"glutes\"", "\"lower-back\"", "\"\"", "[]", "{}", "{\"left\":3}",
            "{\"left\":3,\"right\":null}", "{\"left\":3,\"right\":4,\"middle\":1}", "12abc", "\"gl\\u0075tes\"", "[\"a\"]",
        ]
        var direct = 0, full = 0
        for round in 0..<600 {
            let story = Self.stories[round % Self.stories.count]
            var bytes = Array(try BatchTests.record(story, id: "p-\(round)").utf8)
            for _ in 0..<Int.random(in: 1...2, using: &generator) {
                let values = Self.valueRanges(in: bytes)
                let target = values[Int.random(in: 0..<values.count, using: &generator)]
                // Half the changes are to another plausible value, in range or just past it.
                let written = String(decoding: bytes[target], as: UTF8.self)
                let replacement = switch (Bool.random(using: &generator), written) {
                case (true, "true"): "false"
                case (true, "false"): "true"
                case (true, _) where Double(written) != nil: String(Int.random(in: -2...250, using: &generator)) + ["", ".5"].randomElement(using: &generator)!
                default: replacements[Int.random(in: 0..<replacements.count, using: &generator)]
                }
                bytes.replaceSubrange(target, with: Array(replacement.utf8))
            }
            if Self.expectSameEitherWay(String(decoding: bytes, as: UTF8.self)) { direct += 1 } else { full += 1 }
        }
        #expect(direct > 150)
        #expect(full > 150)
    }

    /// Where each scalar value (not a member name) lies in a serialised record.
    static func valueRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            let start = index
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                while bytes[index] != UInt8(ascii: "\"") { index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1 }
                index += 1
                // A member name is followed by its colon.
                if index < bytes.count, bytes[index] == UInt8(ascii: ":") { continue }
                ranges.append(start..<index)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                while index < bytes.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[index]) { index += 1 }
                ranges.append(start..<index)
            default:
                index += 1
            }
        }
        return ranges
    }
}
