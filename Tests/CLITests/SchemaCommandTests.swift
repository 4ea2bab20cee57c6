import Foundation
import Testing

/// The printed JSON Schemas are checked with python3's `jsonschema` (draft 2020-12).
@Suite struct SchemaCommandTests {
    static let validate = CLI.root.appendingPathComponent("Tests/CLITests/Scripts/validate.py").path

    /// The schema of `kind` saved in `folder`; strict (every field this version writes and no
    /// other) unless told, so the tests catch a field the schema does not document.
    static func schema(_ kind: String, in folder: URL, strict: Bool = true) throws -> String {
        let result = try CLI.run(["schema", kind] + (strict ? ["--strict"] : []))
        #expect(result.status == 0)
        let path = folder.appendingPathComponent("\(kind)\(strict ? ".strict" : "").schema.json")
        try result.stdout.write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    @Test func realReportsMatchTheReportSchema() throws {
        let folder = try CLI.temporaryFolder()
        let schema = try Self.schema("report", in: folder)
        var reports: [String] = []
        for (index, story) in CLI.stories.enumerated() {
            let path = folder.appendingPathComponent("report-\(index).json").path
            #expect(try CLI.run(["run", "--answers", story, "--format", "json", "--output", path]).status == 0)
            reports.append(path)
        }
        let result = try CLI.tool("python3", [Self.validate, schema] + reports)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\(reports.count) valid"))
    }

    /// Spec 7.1: "more fields may be added". An app validating with the printed schema must
    /// accept a later version's report; a review found the schema forbade any unlisted field.
    @Test func theReportSchemaAcceptsAddedFieldsUnlessStrict() throws {
        let folder = try CLI.temporaryFolder()
        let run = try CLI.run(["run", "--answers", CLI.stories[0], "--format", "json"])
        var report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        report["added_in_a_later_version"] = ["anything": 1]
        var profile = try #require(report["profile"] as? [String: Any])
        profile["added_too"] = true
        report["profile"] = profile
        let later = folder.appendingPathComponent("later.json")
        try JSONSerialization.data(withJSONObject: report).write(to: later)
        let open = try CLI.tool("python3", [Self.validate, try Self.schema("report", in: folder, strict: false), later.path])
        #expect(open.status == 0, "\(open.stdout)\(open.stderr)")
        let strict = try CLI.tool("python3", [Self.validate, try Self.schema("report", in: folder), later.path])
        #expect(strict.status == 1 && strict.stdout.contains("added_in_a_later_version"), "\(strict.stdout)")
        // Still a schema of the report: a field it lists must have its type.
        report["generated_at"] = 7
        try JSONSerialization.data(withJSONObject: report).write(to: later)
        #expect(try CLI.tool("python3", [Self.validate, try Self.schema("report", in: folder, strict: false), later.path]).status == 1)
    }

    @Test("every line of a batch's output matches the batch-record schema, report and error records alike")
    func batchRecordsMatchTheirSchema() throws {
        let folder = try CLI.temporaryFolder()
        var lines = try CLI.stories.enumerated().map { index, story in
            let answers = try CLI.tool("python3", ["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1])), default=str))", story])
            #expect(answers.status == 0, "\(answers.stderr)")
            return "{\"id\": \(index), " + answers.stdout.trimmingCharacters(in: .whitespacesAndNewlines).dropFirst()
        }
        lines += [#"{"id": "typo", "answers": {"hip-flexor-thomas": {"hip_angel": 3}}}"#, #"{"id": true}"#, "not json"]
        let batch = try CLI.run(["batch", "--allow-errors"], input: lines.joined(separator: "\n") + "\n")
        #expect(batch.status == 0, "\(batch.stderr)")
        let output = folder.appendingPathComponent("records.jsonl")
        try batch.stdout.write(to: output, atomically: true, encoding: .utf8)
        let schema = try Self.schema("batch-record", in: folder)
        let result = try CLI.tool("python3", [Self.validate, schema, output.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("\(CLI.stories.count + 3) valid"), "\(result.stdout)")
        // A record without its line, or with a report that is not one, does not match.
        let broken = folder.appendingPathComponent("broken.jsonl")
        try (#"{"id": 1, "report": {"schema": "backcheck.report/1"}}"# + "\n").write(to: broken, atomically: true, encoding: .utf8)
        #expect(try CLI.tool("python3", [Self.validate, schema, broken.path]).status == 1)
    }

    @Test("history people, list and trend JSON match their schemas, with an emergency and a partial check-in among them")
    func historyListsMatchTheirSchemas() throws {
        let folder = try CLI.temporaryFolder()
        let environment = ["BACKCHECK_HOME": folder.appendingPathComponent("store").path]
        let story = "Assessments/stories/weak-core.answers.yaml"
        for arguments in [["run", "--answers", story], ["run", "squat-form", "--answers", story, "--set", "squat-form.heels_lift=true"],
                          ["run", "--answers", story, "--person", "Ali", "--set", "red-flag-screen.saddle_numbness=true"]] {
            #expect(try CLI.run(arguments + ["--save"], environment: environment).status == 0)
        }
        for (kind, command) in [("people", ["history", "people"]), ("check-ins", ["history", "list", "Marcus"]),
                                ("trend", ["history", "trend", "Marcus"]), ("check-ins", ["history", "list", "Ali"]), ("trend", ["history", "trend", "Ali"])] {
            let listed = try CLI.run(command + ["--format", "json"], environment: environment)
            #expect(listed.status == 0, "\(listed.stderr)")
            let output = folder.appendingPathComponent("\(command[1])-\(command.last!).json")
            try listed.stdout.write(to: output, atomically: true, encoding: .utf8)
            let result = try CLI.tool("python3", [Self.validate, try Self.schema(kind, in: folder), output.path])
            #expect(result.status == 0, "\(kind): \(result.stdout)\(result.stderr)")
        }
    }

    @Test func theStoriesMatchTheAnswersSchemaAndATypoDoesNot() throws {
        let folder = try CLI.temporaryFolder()
        let schema = try Self.schema("answers", in: folder)
        let good = try CLI.tool("python3", [Self.validate, schema] + CLI.stories)
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        let typo = folder.appendingPathComponent("typo.answers.yaml")
        try "answers:\n  ankle-dorsiflexion:\n    knee_to_wal: {left: 8, right: 9}\n".write(to: typo, atomically: true, encoding: .utf8)
        let bad = try CLI.tool("python3", [Self.validate, schema, typo.path])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("knee_to_wal"))
    }

    @Test("batch input lines match the batch-input schema, a screen's null answer matches the answers schema, and a line without its id does not")
    func batchInputAndUnansweredQuestionsMatchTheirSchemas() throws {
        let folder = try CLI.temporaryFolder()
        let answers = try Self.schema("answers", in: folder)
        let batchInput = try Self.schema("batch-input", in: folder)
        // A review found batch lines failing the answers schema over `id`, and `null` (which
        // run reads as an unanswered screen question) refused.
        let lines = folder.appendingPathComponent("people.jsonl")
        try """
            {"id": "p-1", "answers": {"red-flag-screen": {"chest_pain": null, "saddle_numbness": false}, "core-endurance-mcgill": {"flexor_hold": 45, "extensor_hold": 50, "side_bridge": {"left": 28, "right": 20}}}}
            {"id": 2, "profile": {"age": 40, "training_days_per_week": 3}, "answers": {"painful-lifts": {"squat_pain": null}}}
            """.write(to: lines, atomically: true, encoding: .utf8)
        let good = try CLI.tool("python3", [Self.validate, batchInput, lines.path])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(try CLI.run(["batch", lines.path]).status == 0, "the lines are ones batch scores")
        let unnamed = folder.appendingPathComponent("unnamed.jsonl")
        try #"{"answers": {"red-flag-screen": {"chest_pain": null}}}"#.write(to: unnamed, atomically: true, encoding: .utf8)
        #expect(try CLI.tool("python3", [Self.validate, batchInput, unnamed.path]).status == 1)
        let file = folder.appendingPathComponent("screen.json")
        try #"{"answers": {"red-flag-screen": {"chest_pain": null}}}"#.write(to: file, atomically: true, encoding: .utf8)
        let screen = try CLI.tool("python3", [Self.validate, answers, file.path])
        #expect(screen.status == 0, "\(screen.stdout)\(screen.stderr)")
    }

    @Test func theCatalogueMatchesTheAssessmentSchema() throws {
        let folder = try CLI.temporaryFolder()
        let schema = try Self.schema("assessment", in: folder)
        let files = try FileManager.default.subpathsOfDirectory(atPath: CLI.root.appendingPathComponent("Assessments").path)
            .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".answers.yaml") }.map { "Assessments/" + $0 }
        #expect(files.count > 20)
        let result = try CLI.tool("python3", [Self.validate, schema] + files)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let wrong = folder.appendingPathComponent("wrong.yaml")
        try "kind: assessment\nid: x\nevaluator: thresholds\nscoring: {rules: 3}\n".write(to: wrong, atomically: true, encoding: .utf8)
        #expect(try CLI.tool("python3", [Self.validate, schema, wrong.path]).status == 1)
        // A replacement (which lint asks to say so) is valid; an assessment without what the
        // loader requires is not.
        let replacing = folder.appendingPathComponent("bird-dog.yaml")
        try "kind: exercise\nid: bird-dog\nreplaces: bird-dog\nname: B\ntype: endurance\ndosage: {sets: 3, reps: 8}\ninstructions: x\n"
            .write(to: replacing, atomically: true, encoding: .utf8)
        let valid = try CLI.tool("python3", [Self.validate, schema, replacing.path])
        #expect(valid.status == 0, "\(valid.stdout)\(valid.stderr)")
        let squat = try String(contentsOfFile: CLI.root.appendingPathComponent("Assessments/assessments/squat-form.yaml").path, encoding: .utf8)
        let unversioned = folder.appendingPathComponent("unversioned.yaml")
        try squat.replacingOccurrences(of: "\nversion: ", with: "\nversionx: ").replacingOccurrences(of: "versionx: 1\n", with: "")
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("versionx:") }.joined(separator: "\n")
            .write(to: unversioned, atomically: true, encoding: .utf8)
        #expect(try CLI.tool("python3", [Self.validate, schema, unversioned.path]).status == 1)
    }

    @Test("every `backcheck new` skeleton, which lints clean, matches the assessment schema too (a review found one that did not)")
    func theSkeletonsMatchTheAssessmentSchema() throws {
        let folder = try CLI.temporaryFolder()
        let schema = try Self.schema("assessment", in: folder)
        var files: [String] = []
        for evaluator in ["thresholds", "normative", "checklist", "red-flags", "firing-order"] {
            let path = folder.appendingPathComponent("\(evaluator)-skeleton.yaml").path
            let made = try CLI.run(["new", "\(evaluator)-skeleton", "--evaluator", evaluator, "--output", path])
            #expect(made.status == 0, "\(made.stderr)")
            files.append(path)
        }
        let result = try CLI.tool("python3", [Self.validate, schema] + files)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
    }
}
