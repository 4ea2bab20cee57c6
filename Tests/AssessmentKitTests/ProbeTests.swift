import AssessmentKit
import BackCheckExpressions
import Testing

/// The shaded zones of the report's charts, which the report finds by trying other values of
/// each numeric input: narrow zones, integer edges, and inputs measured on both sides.
@Suite struct ProbeTests {
    static let probed = """
        kind: assessment
        id: probed
        version: 1
        title: Probed
        category: strength
        duration_min: 2
        summary: A test.
        instructions: "1. Measure."
        inputs:
          reps:
            label: Repetitions
            type: integer
            range: [0, 50]
          steps:
            label: Steps
            type: integer
            range: [0, 1000]
          gap:
            label: Gap
            type: number
            range: [0, 96]
          pull:
            label: Pull
            type: number
            range: [0, 100]
            sides: [left, right]
        derived:
          twice_gap: gap * 2
        evaluator: thresholds
        scoring:
          rules:
            - {when: reps >= 12 and reps <= 14, finding: odd-reps, severity: 0.3}
            - {when: reps == 40, finding: odd-reps, severity: 0.3}
            - {when: steps >= 335, finding: many-steps, severity: 0.3}
            - {when: twice_gap >= 60 and twice_gap <= 65, finding: odd-gap, severity: 0.3}
            - {when: gap > 40.2 and gap < 40.6, finding: odd-gap, severity: 0.3}
            - {when: pull < 40, finding: weak-pull, severity: 0.5}
            - {when: abs(pull.left - pull.right) > 25, finding: lopsided, severity: 0.4}
        findings:
          odd-reps: {title: Odd reps, explain: Why., tier: strength}
          many-steps: {title: Many steps, explain: Why., tier: load}
          odd-gap: {title: Odd gap, explain: Why., tier: mobility}
          weak-pull: {title: Weak pull, explain: Why., tier: strength}
          lopsided: {title: Lopsided, explain: Why., tier: strength}
        evidence: {level: low}
        references: [A reference.]

        """

    static let catalogue = TestCatalogue.load(probed)

    static func flagged(_ input: String, on side: Side? = nil, sampling: Bool = false) throws -> [ClosedRange<Double>] {
        let yaml = "answers: {probed: {reps: 5, steps: 100, gap: 10, pull: {left: 30, right: 60}}}"
        let set = try AnswersFile.read(Array(yaml.utf8), file: "me.answers.yaml", catalogue: catalogue).get()
        var builder = ReportBuilder(catalogue: catalogue)
        builder.samplesRanges = sampling
        let report = builder.report(for: set, generatedAt: "2026-01-02T03:04:05Z")
        let values = try #require(report.assessment("probed")?.input(input)?.flagged(on: side))
        return values.intervals
    }

    @Test func everyIntegerOfASmallRangeIsTriedSoOneValueZonesShow() throws {
        #expect(try Self.flagged("reps") == [12...14, 40...40])
    }

    @Test func aZoneAFewSamplesWideKeepsItsExactEdges() throws {
        // Through a derived value: 2 × gap within 60-65, so gap within 30-32.5; and a zone
        // narrower than the sampling step of 1 between 40.2 and 40.6.
        #expect(try Self.flagged("gap") == [30...32.5, 40.2...40.6])
        // Sampling (still used for evaluators that state no conditions) misses the narrow one.
        #expect(try Self.flagged("gap", sampling: true) == [30...32.5])
    }

    @Test func eachSideIsTriedWithTheOtherSideAsAnswered() throws {
        // Left tried with right at 60: weak below 40, lopsided above 85 (and below 35).
        #expect(try Self.flagged("pull", on: .left) == [0...40, 85...100])
        // Right tried with left at 30: weak below 40, lopsided above 55.
        #expect(try Self.flagged("pull", on: .right) == [0...40, 55...100])
    }

    @Test func aWideIntegerRangeFindsItsEdgeBetweenSamples() throws {
        // Sampled, 0-1000 is tried at 97 points (333, 344, ...) and the edge between them is
        // found by halving; worked out, it is where the rule changes.
        #expect(try Self.flagged("steps") == [335...1000])
        #expect(try Self.flagged("steps", sampling: true) == [335...1000])
    }

    /// Every flagged zone of `yaml`'s report against `catalogue`, by input (and side).
    static func zones(_ yaml: String, in catalogue: Catalogue) throws -> [String: [ClosedRange<Double>]] {
        let set = try AnswersFile.read(Array(yaml.utf8), file: "me.answers.yaml", catalogue: catalogue).get()
        let report = ReportBuilder(catalogue: catalogue).report(for: set, generatedAt: "2026-01-02T03:04:05Z")
        var zones: [String: [ClosedRange<Double>]] = [:]
        for (input, side) in [("reps", nil), ("steps", nil), ("gap", nil), ("pull", Side.left), ("pull", .right)] as [(String, Side?)] {
            zones[input + (side.map { ".\($0)" } ?? "")] = try #require(report.assessment("probed")?.input(input)?.flagged(on: side)).intervals
        }
        return zones
    }

    /// Change points that depend on the input alone are worked out for the first person and
    /// kept with the assessment; those that read another answer are each person's own.
    @Test("scans shared between people give a later person the zones a fresh catalogue gives")
    func sharedScansGiveEachPersonTheirOwnZones() throws {
        let catalogue = TestCatalogue.load(Self.probed)
        let first = try Self.zones("answers: {probed: {reps: 5, steps: 100, gap: 10, pull: {left: 30, right: 60}}}", in: catalogue)
        let later = "answers: {probed: {reps: 13, steps: 400, gap: 50, pull: {left: 70, right: 20}}}"
        let shared = try Self.zones(later, in: catalogue)
        #expect(shared == (try Self.zones(later, in: TestCatalogue.load(Self.probed))))
        #expect(shared["gap"] == first["gap"] && shared["gap"] == [30...32.5, 40.2...40.6])
        // Lopsided reads the other side: right tried with left at 70, not 30.
        #expect(first["pull.right"] == [0...40, 55...100])
        #expect(shared["pull.right"] == [0...45, 95...100], "\(shared)")
    }

    /// The shared points belong to the assessment as it was when they were worked out: a copy
    /// given another evaluator is scanned afresh, while the first keeps its own.
    @Test("a copy of an assessment with another evaluator does not reuse the first one's scans")
    func aChangedCopyIsScannedAfresh() throws {
        let catalogue = TestCatalogue.load(Self.probed)
        let moved = TestCatalogue.load(Self.probed.replacing("gap > 40.2 and gap < 40.6", with: "gap > 50.2 and gap < 50.6"))
        let person = "answers: {probed: {reps: 5, steps: 100, gap: 10, pull: {left: 30, right: 60}}}"
        #expect(try Self.zones(person, in: catalogue)["gap"] == [30...32.5, 40.2...40.6])
        var changed = catalogue
        let index = try #require(changed.assessments.firstIndex { $0.id == "probed" })
        changed.assessments[index].evaluator = try #require(moved.assessment("probed")).evaluator
        #expect(try Self.zones(person, in: changed)["gap"] == [30...32.5, 50.2...50.6])
        #expect(try Self.zones(person, in: catalogue)["gap"] == [30...32.5, 40.2...40.6])
    }

    @Test func bothWaysAgreeWhereSamplingCanSeeTheZones() throws {
        for (input, side) in [("reps", nil), ("pull", Side.left), ("pull", .right)] as [(String, Side?)] {
            let exact = try Self.flagged(input, on: side)
            let sampled = try Self.flagged(input, on: side, sampling: true)
            #expect(exact == sampled, "\(input)")
        }
    }
}
