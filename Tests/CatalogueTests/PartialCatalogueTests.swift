import Foundation
import AssessmentKit
import BackCheckYAML
import BuiltinCatalogue
import BuiltinEvaluators
import Testing

/// `run --answers` reads only the part of the built-in catalogue its answers need
/// (`CatalogueLayer.builtIn(answering:)`, chosen from what the build recorded of each file).
/// Leaving the rest unread must never change a report.
@Suite struct PartialCatalogueTests {
    static let full = CatalogueLoader(registry: .builtIn).load([.builtIn]).catalogue!

    static let assessmentIDs = full.assessments.map(\.id)

    /// Loads as `run` does: digests from the first read, no built-in examples.
    static let reportLoader = CatalogueLoader(registry: .builtIn, digestsAtLoad: true, skipsBuiltInExamples: true)

    static let stories: [String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Assessments/stories")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".answers.yaml") }.sorted().map { folder.appendingPathComponent($0).path }
    }()

    /// Every exercise a report on `ids` could name, worked out from the full catalogue's
    /// model (not from what the build recorded): the recommendations of those assessments and
    /// of every red-flag screen, the warm-up, and the regressions and progressions of all these.
    static func reachableExercises(from ids: Set<String>) -> Set<String> {
        let read = full.assessments.filter { ids.contains($0.id) || $0.evaluatorID == "red-flags" }
        var reached = Set(read.flatMap { $0.findings.flatMap { $0.recommend.map(\.exercise) } } + ["warm-up-routine"])
        var next = reached
        while !next.isEmpty {
            let links = next.compactMap { full.exercise($0) }.flatMap { [$0.regression, $0.progression].compactMap { $0 } }
            next = Set(links).subtracting(reached)
            reached.formUnion(next)
        }
        return reached
    }

    /// The first line where `got` and `expected` differ, both shown; `nil` when they are the same.
    static func firstDifference(_ got: String, _ expected: String) -> String? {
        guard got != expected else { return nil }
        let (gotLines, expectedLines) = (got.split(separator: "\n", omittingEmptySubsequences: false), expected.split(separator: "\n", omittingEmptySubsequences: false))
        let line = Array(zip(gotLines, expectedLines)).firstIndex { $0 != $1 } ?? min(gotLines.count, expectedLines.count)
        func at(_ lines: [Substring]) -> String { line < lines.count ? String(lines[line]) : "(the end)" }
        return "line \(line + 1) is '\(at(gotLines))', expected '\(at(expectedLines))'"
    }

    @Test(arguments: assessmentIDs)
    func eachAssessmentAloneKeepsEverythingItCanReach(id: String) throws {
        let layer = try #require(CatalogueLayer.builtIn(answering: [id]))
        let result = CatalogueLoader(registry: .builtIn).load([layer])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let part = try #require(result.catalogue)
        let screens = Self.full.assessments.filter { $0.evaluatorID == "red-flags" }.map(\.id)
        #expect(Set(part.assessments.map(\.id)) == Set([id] + screens))
        let missing = Self.reachableExercises(from: [id]).subtracting(part.exercises.keys)
        #expect(missing.isEmpty, "a report on \(id) could name \(missing.sorted()), which the part leaves out")
        #expect(Set(part.norms.keys) == Set(Self.full.norms.keys))
        // Something is left out, or the part is no cheaper than the whole.
        #expect(layer.files.count < CatalogueLayer.builtIn.files.count)
    }

    @Test func answeringNothingStillKeepsTheScreensAndWhatTheyName() throws {
        let layer = try #require(CatalogueLayer.builtIn(answering: []))
        let part = try #require(CatalogueLoader(registry: .builtIn).load([layer]).catalogue)
        #expect(part.assessments.map(\.id) == Self.full.assessments.filter { $0.evaluatorID == "red-flags" }.map(\.id))
        #expect(Self.reachableExercises(from: []).isSubset(of: part.exercises.keys))
    }

    /// A file kept for one document brings its others, and what they name must come too.
    @Test func aFileKeptForOneDocumentBringsWhatItsOthersName() throws {
        func file(_ name: String, _ documents: [EmbeddedDocument]) -> CatalogueFile {
            CatalogueFile(path: "Assessments/\(name).yaml", text: "", documents: documents)
        }
        let files = [
            file("screen", [EmbeddedDocument(kind: "assessment", id: "screen", evaluator: "red-flags")]),
            file("two-tests", [
                EmbeddedDocument(kind: "assessment", id: "asked", evaluator: "thresholds", exercises: ["a"]),
                EmbeddedDocument(kind: "assessment", id: "not-asked", evaluator: "thresholds", exercises: ["b"]),
            ]),
            file("a-and-c", [EmbeddedDocument(kind: "exercise", id: "a", evaluator: ""), EmbeddedDocument(kind: "exercise", id: "c", evaluator: "", exercises: ["d"])]),
            file("b", [EmbeddedDocument(kind: "exercise", id: "b", evaluator: "")]),
            file("d", [EmbeddedDocument(kind: "exercise", id: "d", evaluator: "")]),
            file("e", [EmbeddedDocument(kind: "exercise", id: "e", evaluator: "")]),
            file("warm-up", [EmbeddedDocument(kind: "exercise", id: "warm-up-routine", evaluator: "")]),
            file("norms", [EmbeddedDocument(kind: "norms", id: "table", evaluator: "")]),
        ]
        let kept = try #require(CatalogueLayer.builtIn(answering: ["asked"], from: files)).files.map(\.path)
        #expect(kept == ["screen", "two-tests", "a-and-c", "b", "d", "warm-up", "norms"].map { "Assessments/\($0).yaml" })
        let unrecorded = files + [file("unknown", [])]
        #expect(CatalogueLayer.builtIn(answering: ["asked"], from: unrecorded) == nil, "a file the build could not read is never left out")
    }

    @Test func anIDThatIsNotABuiltInAssessmentMeansTheWholeCatalogue() {
        #expect(CatalogueLayer.builtIn(answering: ["squat-frm"]) == nil)
        #expect(CatalogueLayer.builtIn(answering: ["squat-form", "box-squat"]) == nil, "an exercise is not an assessment")
        #expect(CatalogueLayer.builtIn(answering: Set(Self.assessmentIDs))?.files.count == CatalogueLayer.builtIn.files.count)
    }

    /// Each story, and each of its tests answered alone, reports the same (in every format)
    /// from the part its answers need as from the whole catalogue.
    @Test func theStoriesAreThere() {
        #expect(Self.stories.count >= 9, "the stories in Assessments/stories were not found")
    }

    @Test(arguments: stories)
    func reportsFromThePartMatchTheWhole(story: String) throws {
        let bytes = try FileBytes.load(story, limit: YAMLLimits.default.maxFileBytes).get()
        let parsed = AnswersFile.parse(bytes, file: story)
        let root = try #require(YAMLParser().parse(bytes, file: story).documents.first?.root)
        var files = [parsed]
        for (id, block) in try #require(root["answers"]?.mapping).map({ ($0.key.scalar?.text ?? "", $0.value) }) {
            // The test alone, with the profile, so the part holds no other test.
            let profile = root["profile"].map { "profile: \($0.jsonValue.serialized())\n" } ?? ""
            let text = profile + "answers: {\(JSONValue.string(id).serialized()): \(block.jsonValue.serialized())}\n"
            files.append(AnswersFile.parse(Array(text.utf8), file: "\(story)#\(id)"))
        }
        let full = try #require(Self.reportLoader.load([.builtIn]).catalogue)
        for answers in files {
            let layer = try #require(CatalogueLayer.builtIn(answering: answers.answered))
            let part = try #require(Self.reportLoader.load([layer]).catalogue)
            let whole = try AnswersFile.read(answers, catalogue: full).get()
            let fromPart = try AnswersFile.read(answers, catalogue: part).get()
            // The default plan, and a short one that leaves more out (plan_left_out).
            for maxExercises in [6, 2] {
                let expected = ReportBuilder(catalogue: full, maxExercises: maxExercises).report(for: whole, generatedAt: "2026-12-04T10:00:00Z")
                let got = ReportBuilder(catalogue: part, maxExercises: maxExercises).report(for: fromPart, generatedAt: "2026-12-04T10:00:00Z")
                for format in ReportFormat.allCases {
                    let difference = Self.firstDifference(format.render(got), format.render(expected))
                    #expect(difference == nil, "\(answers.file), \(maxExercises) exercises, as \(format): \(difference ?? "")")
                }
            }
        }
    }
}
