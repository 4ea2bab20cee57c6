import AssessmentKit
import BackCheckYAML
import BuiltinEvaluators
import Foundation
import Testing

/// A load for commands that score answers from a file lets each test's guidance (summary,
/// equipment, instructions, input help) go once checked: no report shows it, and it is a good
/// part of what a large catalogue holds.
@Suite("A load that lets the guidance go")
struct GuidanceLetGoTests {
    static let withGuidance = CatalogueLoader(registry: .builtIn, digestsAtLoad: true, skipsBuiltInExamples: true)
    static let withoutGuidance = CatalogueLoader(registry: .builtIn, digestsAtLoad: true, skipsBuiltInExamples: true, keepsGuidance: false)

    @Test("every test loses its guidance and keeps everything else")
    func onlyTheGuidanceIsLetGo() throws {
        let whole = try #require(Self.withGuidance.load([.builtIn]).catalogue)
        let lean = try #require(Self.withoutGuidance.load([.builtIn]).catalogue)
        #expect(lean.assessments.map(\.id) == whole.assessments.map(\.id))
        // The built-in tests do have guidance to let go.
        #expect(whole.assessments.allSatisfy { !$0.summary.isEmpty && !$0.instructions.isEmpty })
        #expect(whole.assessments.contains { !$0.equipment.isEmpty })
        #expect(whole.assessments.contains { $0.inputs.contains { $0.help != nil } })
        for (kept, letGo) in zip(whole.assessments, lean.assessments) {
            #expect(letGo.summary.isEmpty && letGo.instructions.isEmpty && letGo.equipment.isEmpty, "\(letGo.id)")
            #expect(letGo.inputs.allSatisfy { $0.help == nil }, "\(letGo.id)")
            let helpless = kept.inputs.map { input in
                var input = input
                input.help = nil
                return input
            }
            #expect(letGo.inputs == helpless, "\(letGo.id)")
            #expect(letGo.title == kept.title && letGo.findings.map(\.explain) == kept.findings.map(\.explain) && letGo.references == kept.references, "\(letGo.id)")
            // What check-ins are matched by comes from the file, not from what was kept.
            #expect(letGo.digest == kept.digest, "\(letGo.id)")
        }
        // Exercises are shown in every plan: their instructions stay.
        #expect(lean.exercises == whole.exercises)
    }

    @Test("a report is the same without the guidance, in every format", arguments: PartialCatalogueTests.stories)
    func reportsAreTheSame(story: String) throws {
        let whole = try #require(Self.withGuidance.load([.builtIn]).catalogue)
        let lean = try #require(Self.withoutGuidance.load([.builtIn]).catalogue)
        let parsed = AnswersFile.parse(try FileBytes.load(story, limit: YAMLLimits.default.maxFileBytes).get(), file: story)
        let expected = ReportBuilder(catalogue: whole).report(for: try AnswersFile.read(parsed, catalogue: whole).get(), generatedAt: "2026-12-05T10:00:00Z")
        let got = ReportBuilder(catalogue: lean).report(for: try AnswersFile.read(parsed, catalogue: lean).get(), generatedAt: "2026-12-05T10:00:00Z")
        for format in ReportFormat.allCases {
            let difference = PartialCatalogueTests.firstDifference(format.render(got), format.render(expected))
            #expect(difference == nil, "\(story) as \(format): \(difference ?? "")")
        }
    }

    @Test("guidance that is let go is still checked")
    func guidanceIsStillChecked() throws {
        var (assessment, norms) = try MyMcGill.files()
        let summary = try #require(assessment.range(of: "\nsummary:"))
        assessment.replaceSubrange(summary, with: "\nsummery:")
        let mine = CatalogueLayer(name: "mine", files: [
            .init(path: "mine/norms.yaml", bytes: Array(norms.utf8)), .init(path: "mine/mine.yaml", bytes: Array(assessment.utf8)),
        ])
        let whole = Self.withGuidance.load([.builtIn, mine])
        let lean = Self.withoutGuidance.load([.builtIn, mine])
        let refused = lean.catalogue == nil
        #expect(refused)
        #expect(lean.diagnostics.all.map(\.description) == whole.diagnostics.all.map(\.description))
        #expect(lean.diagnostics.all.contains { $0.severity == .error && $0.message.contains("summary") && $0.mark?.file == "mine/mine.yaml" })
    }
}
