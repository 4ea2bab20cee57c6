import AssessmentKit
import BackCheckExpressions
import Testing

/// What one input's values raise is worked out once and shared by everyone only when it
/// depends on that input alone, or on it and whether some conditions that do not read it hold
/// (then by everyone whose conditions come out the same way): each rule below reads something
/// that must stop the sharing (another answer's value, the other side's), or nothing that
/// should (the input alone, a condition beside it on another answer or the profile).
@Suite struct SharedScanTests {
    static let shared = """
        kind: assessment
        id: shared
        version: 1
        title: Shared
        category: strength
        duration_min: 2
        summary: A test.
        instructions: "1. Measure."
        inputs:
          reach: {label: Reach, type: number, range: [0, 100], sides: [left, right]}
          grip: {label: Grip, type: number, range: [0, 100], sides: [left, right]}
          tilt: {label: Tilt, type: number, range: [0, 100], sides: [left, right]}
          lean: {label: Lean, type: number, range: [0, 100], sides: [left, right]}
          hold: {label: Hold, type: number, range: [0, 100]}
          count: {label: Count, type: integer, range: [0, 20]}
          tally: {label: Tally, type: integer, range: [0, 20]}
          other: {label: Other, type: number, range: [0, 10]}
        derived:
          mix: tally + other
        evaluator: thresholds
        scoring:
          rules:
            - {when: reach < 30, finding: short-reach, severity: 0.3}
            # The same finding, on the same side, from a rule that does not read reach: when it
            # is raised, no value of reach changes the left side's findings.
            - {when: other > 8, finding: short-reach, side: left, severity: 0.3}
            - {when: grip < 50 and other > 5, finding: weak-grip, severity: 0.3}
            - {when: profile.age > 60 and hold < 70, finding: short-hold, severity: 0.3}
            - {when: abs(tilt.left - tilt.right) > 20, finding: tilted, side: weaker_side(tilt), severity: 0.3}
            - {when: lean < 25, finding: leaning, side: left, severity: 0.3}
            - {when: count >= 15, finding: many, severity: 0.3}
            - {when: mix > 25, finding: mixed, severity: 0.3}
        findings:
          short-reach: {title: Short reach, explain: Why., tier: mobility}
          weak-grip: {title: Weak grip, explain: Why., tier: strength}
          short-hold: {title: Short hold, explain: Why., tier: endurance}
          tilted: {title: Tilted, explain: Why., tier: strength}
          leaning: {title: Leaning, explain: Why., tier: mobility}
          many: {title: Many, explain: Why., tier: load}
          mixed: {title: Mixed, explain: Why., tier: load}
        evidence: {level: low}
        references: [A reference.]

        """

    static let scans: [(input: String, side: Side?)] = [
        ("reach", .left), ("reach", .right), ("grip", .left), ("grip", .right), ("tilt", .left), ("tilt", .right),
        ("lean", .left), ("lean", .right), ("hold", nil), ("count", nil), ("tally", nil), ("other", nil),
    ]

    /// People differing in everything a rule reads besides the input scanned.
    static let people: [String] = {
        var people: [String] = []
        for (age, other) in [(30, 1), (70, 9), (70, 6)] {
            for (left, right) in [(10, 45), (45, 80), (80, 10)] {
                for count in [3, 17] {
                    people.append("""
                        profile: {sex: female, age: \(age)}
                        answers:
                          shared:
                            reach: {left: \(left), right: \(right)}
                            grip: {left: \(right), right: \(left)}
                            tilt: {left: \(left), right: \(right)}
                            lean: {left: \(left), right: \(right)}
                            hold: \(left)
                            count: \(count)
                            tally: \(count)
                            other: \(other)
                        """)
                }
            }
        }
        return people
    }()

    /// Every flagged zone of `person`'s report against `catalogue`, by input (and side).
    static func zones(_ person: String, in catalogue: Catalogue) throws -> [String: [ClosedRange<Double>]] {
        let set = try AnswersFile.read(Array(person.utf8), file: "me.answers.yaml", catalogue: catalogue).get()
        let report = ReportBuilder(catalogue: catalogue).report(for: set, generatedAt: "2026-01-02T03:04:05Z")
        var zones: [String: [ClosedRange<Double>]] = [:]
        for (input, side) in scans {
            let flagged = try #require(report.assessment("shared")?.input(input)?.flagged(on: side))
            zones[input + (side.map { ".\($0.rawValue)" } ?? "")] = flagged.intervals
        }
        return zones
    }

    @Test("every person gets the zones a catalogue of their own gives, however many came before")
    func sharedFindingsGiveEveryoneTheirOwnZones() throws {
        let catalogue = TestCatalogue.load(Self.shared)
        for person in Self.people {
            let alone = try Self.zones(person, in: TestCatalogue.load(Self.shared))
            #expect(try Self.zones(person, in: catalogue) == alone, "\(person)")
        }
    }

    @Test("only inputs whose findings read nothing else, or conditions held apart, are shared")
    func onlyInputsReadAloneAreShared() throws {
        let catalogue = TestCatalogue.load(Self.shared)
        for person in Self.people.prefix(2) { _ = try Self.zones(person, in: catalogue) }
        // Grip beside `other > 5`, hold beside `profile.age > 60`: shared by the conditions'
        // outcomes. Lean raises its finding on the left whichever side it reads: on the right
        // it raises nothing there; on the left it stands beside whether the right is under 25.
        // Tilt is compared with its other side's value, tally added to other's, other to tally's.
        #expect(catalogue.assessment("shared")?.scansSharedByEveryone
                    == ["reach.left", "reach.right", "count", "lean.left", "lean.right", "grip.left", "grip.right", "hold"])
    }

    @Test("people whose held conditions come out differently each get their own zones")
    func heldConditionsKeepPeopleApart() throws {
        let catalogue = TestCatalogue.load(Self.shared)
        // Age 30, then 70: `profile.age > 60 and hold < 70` raises short-hold only for the second.
        let young = try Self.zones(Self.people[0], in: catalogue)
        let old = try Self.zones(Self.people[6], in: catalogue)
        #expect(young["hold"] == [])
        #expect(old["hold"] == [0...70])
        // Other 1, then 9: `grip < 50 and other > 5` flags grip only beside other 9.
        #expect(young["grip.left"] == [])
        #expect(old["grip.left"] == [0...50])
        #expect(catalogue.assessment("shared")?.scansSharedByEveryone.isSuperset(of: ["hold", "grip.left"]) == true)
    }

    @Test("a finding a part not reading the input raises for this person hides the input's zone")
    func aFindingRaisedOtherwiseHidesTheZone() throws {
        let catalogue = TestCatalogue.load(Self.shared)
        // The first person (other 1) has reach's zone; a later one (other 9) raises the same
        // finding from `other > 8`, so no value of reach changes it.
        let first = try Self.zones(Self.people[0], in: catalogue)
        let later = try Self.zones(Self.people[6], in: catalogue)
        #expect(first["reach.left"] == [0...30])
        #expect(later["reach.left"] == [])
        #expect(later["reach.right"] == [0...30])
        #expect(catalogue.assessment("shared")?.scansSharedByEveryone.contains("reach.left") == true)
    }

    @Test("so does one raised beside a scan that is each person's own")
    func aFindingRaisedOtherwiseHidesAnOwnScansZone() throws {
        // Tilt is compared with its other side, so its scans are each person's own; `other > 8`
        // raises the left side's finding whatever tilt is.
        let catalogue = TestCatalogue.load("""
            kind: assessment
            id: apart
            version: 1
            title: Apart
            category: strength
            duration_min: 2
            summary: A test.
            instructions: "1. Measure."
            inputs:
              tilt: {label: Tilt, type: number, range: [0, 100], sides: [left, right]}
              other: {label: Other, type: number, range: [0, 10]}
            evaluator: thresholds
            scoring:
              rules:
                - {when: abs(tilt.left - tilt.right) > 20, finding: tilted, side: weaker_side(tilt), severity: 0.3}
                - {when: other > 8, finding: tilted, side: left, severity: 0.3}
            findings:
              tilted: {title: Tilted, explain: Why., tier: strength}
            evidence: {level: low}
            references: [A reference.]

            """)
        func leftZone(other: Int) throws -> [ClosedRange<Double>] {
            let person = "answers:\n  apart: {tilt: {left: 50, right: 50}, other: \(other)}\n"
            let set = try AnswersFile.read(Array(person.utf8), file: "me.answers.yaml", catalogue: catalogue).get()
            let report = ReportBuilder(catalogue: catalogue).report(for: set, generatedAt: "2026-01-02T03:04:05Z")
            return try #require(report.assessment("apart")?.input("tilt")?.flagged(on: .left)).intervals
        }
        #expect(try leftZone(other: 1) == [0...30])
        #expect(try leftZone(other: 9) == [])
        #expect(catalogue.assessment("apart")?.scansSharedByEveryone.contains("tilt.left") == false)
    }
}
