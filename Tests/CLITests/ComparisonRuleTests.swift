import Foundation
import Testing

/// Comparisons done right: the better direction, units, one person only, and a schema.
@Suite struct ComparisonRuleTests {
    static let story = "Assessments/stories/sore-after-squats.answers.yaml"

    /// Spec 3.1: only a change smaller than the MDC is within measurement error. A review found
    /// 24 → 32 deg (MDC 8) called "within measurement error".
    @Test func aChangeAsLargeAsTheMDCIsARealChange() throws {
        let folder = try CLI.temporaryFolder()
        func save(_ name: String, _ left: Int) throws -> String {
            let path = folder.appendingPathComponent(name).path
            let run = try CLI.run(["run", "--answers", Self.story, "--format", "json", "--output", path, "--set", "hamstring-length.active_knee_extension.left=\(left)"])
            #expect(run.status == 0, "\(run.stderr)")
            return path
        }
        let earlier = try save("earlier.json", 24)
        let text = try CLI.run(["report", try save("later.json", 32), "--compare", earlier]).stdout.replacingOccurrences(of: "\n    ", with: " ")
        #expect(text.contains("24 deg → 32 deg (+8), worse"), "\(text)")
        let small = try CLI.run(["report", try save("small.json", 31), "--compare", earlier]).stdout.replacingOccurrences(of: "\n    ", with: " ")
        #expect(small.contains("24 deg → 31 deg (+7), within the test's measurement error of 8 deg"), "\(small)")
    }

    /// A review found the left ankle's asymmetry called "not a real change" when it went because
    /// the right ankle stiffened by 5 cm (MDC 1.9): the change on the other side decides it.
    @Test func anAsymmetryThatSwitchesSidesIsARealChange() throws {
        let folder = try CLI.temporaryFolder()
        let earlier = folder.appendingPathComponent("k1.json").path
        let later = folder.appendingPathComponent("k2.json").path
        #expect(try CLI.run(["run", "--answers", Self.story, "--format", "json", "--output", earlier]).status == 0)
        #expect(try CLI.run(["run", "--answers", Self.story, "--format", "json", "--output", later, "--set", "ankle-dorsiflexion.knee_to_wall.right=6"]).status == 0)
        let json = try CLI.run(["report", later, "--compare", earlier, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let ankle = try #require((object["assessments"] as? [[String: Any]])?.first { $0["id"] as? String == "ankle-dorsiflexion" })
        func ids(_ key: String) -> [String] { (ankle[key] as? [[String: Any]] ?? []).map { "\($0["id"] ?? "")/\($0["side"] ?? "")" } }
        #expect(ids("gone_within_measurement_error").isEmpty, "\(ankle)")
        #expect(ids("resolved").contains("dorsiflexion-asymmetry/left"), "\(ankle)")
        #expect(ids("new").contains("dorsiflexion-asymmetry/right"), "\(ankle)")
    }

    @Test func aLowerIsBetterInputReadsAsImprovedWithItsUnit() throws {
        let folder = try CLI.temporaryFolder()
        let earlier = try ReportCommandTests.save("earlier.json", in: folder, sets: ["training-load.next_day_pain=3"])
        let later = try ReportCommandTests.save("later.json", in: folder, sets: ["training-load.next_day_pain=1"])
        let text = try CLI.run(["report", later, "--compare", earlier])
        #expect(text.stdout.replacingOccurrences(of: "\n    ", with: " ").contains("3 → 1 (-2), improved"), "\(text.stdout)")
        let json = try CLI.run(["report", later, "--compare", earlier, "--format", "json"])
        #expect(json.stdout.contains("\"verdict\": \"improved\""))
        let schemaFile = folder.appendingPathComponent("comparison.schema.json")
        try CLI.run(["schema", "comparison", "--strict"]).stdout.write(to: schemaFile, atomically: true, encoding: .utf8)
        let comparisonFile = folder.appendingPathComponent("comparison.json")
        try json.stdout.write(to: comparisonFile, atomically: true, encoding: .utf8)
        let valid = try CLI.tool("python3", [SchemaCommandTests.validate, schemaFile.path, comparisonFile.path])
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        #expect(json.stdout.contains("\"unit\": \"cm\""))
    }

    @Test func twoDifferentPeopleAreNotComparedWithoutForce() throws {
        let folder = try CLI.temporaryFolder()
        let earlier = folder.appendingPathComponent("a.json").path
        let later = folder.appendingPathComponent("b.json").path
        #expect(try CLI.run(["run", "--answers", Self.story, "--format", "json", "--output", earlier]).status == 0)
        #expect(try CLI.run(["run", "--answers", "Assessments/stories/weak-core.answers.yaml", "--format", "json", "--output", later]).status == 0)
        let refused = try CLI.run(["report", later, "--compare", earlier])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("compare one person's reports, or pass --force"), "\(refused.stderr)")
        #expect(try CLI.run(["report", later, "--compare", earlier, "--force"]).status == 0)
        // One person can be a year older, not younger nor ten years older, weeks later.
        let older = folder.appendingPathComponent("older.json").path
        var report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: earlier))) as? [String: Any])
        var profile = try #require(report["profile"] as? [String: Any])
        profile["age"] = (profile["age"] as? Int ?? 27) + 10
        report["profile"] = profile
        try JSONSerialization.data(withJSONObject: report).write(to: URL(fileURLWithPath: older))
        let aged = try CLI.run(["report", older, "--compare", earlier])
        #expect(aged.stderr.contains("cannot be one person's"), "\(aged.stderr)")
    }
}
