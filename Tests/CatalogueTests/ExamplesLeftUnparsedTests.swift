import AssessmentKit
import BackCheckYAML
import BuiltinCatalogue
import BuiltinEvaluators
import Testing

/// A load for reports parses a built-in assessment file only up to its trailing `examples:`
/// block, where the build found it (`CatalogueFile.examplesStart`). The text before must read
/// exactly as the whole file does, examples aside.
@Suite struct ExamplesLeftUnparsedTests {
    /// The built-in layer with nothing worked out at build time kept: every file parsed whole.
    static var wholeText: CatalogueLayer {
        var layer = CatalogueLayer.builtIn
        for index in layer.files.indices {
            let bytes = layer.files[index].bytes
            layer.files[index].bytes = bytes
        }
        return layer
    }

    @Test func everyBuiltInAssessmentFileKnowsWhereItsExamplesStart() throws {
        var assessments = 0
        for file in BuiltinCatalogue.files {
            let holdsAssessment = file.documents.contains { $0.kind == "assessment" }
            guard holdsAssessment else {
                #expect(file.examplesStart == nil, "\(file.path) holds no assessment")
                continue
            }
            assessments += 1
            let start = try #require(file.examplesStart, "\(file.path): examples not found last in the file")
            let rest = String(decoding: Array(file.text.utf8)[start...], as: UTF8.self)
            #expect(rest.hasPrefix("examples:\n"), "\(file.path): the text at \(start) is not the examples block")
        }
        #expect(assessments >= 13)
    }

    @Test func theModelReadBeforeTheExamplesIsTheWholeFilesModel() throws {
        let loader = CatalogueLoader(registry: .builtIn, digestsAtLoad: true, skipsBuiltInExamples: true)
        let cut = try #require(loader.load([.builtIn]).catalogue)
        let whole = try #require(loader.load([Self.wholeText]).catalogue)
        func outline(_ catalogue: Catalogue) -> [String] {
            catalogue.assessments.map { assessment in
                let inputs = assessment.inputs.map { "\($0.name)@\($0.mark)" }
                let findings = assessment.findings.map { "\($0.id)@\($0.mark)" }
                return "\(assessment.id)@\(assessment.mark) \(assessment.digest) \(inputs) \(findings) \(assessment.examples.count)"
            }
        }
        #expect(outline(cut) == outline(whole))
        #expect(cut.exercises.keys.sorted() == whole.exercises.keys.sorted())
    }

    @Test(arguments: PartialCatalogueTests.stories)
    func reportsMatchTheWholeFiles(story: String) throws {
        let bytes = try FileBytes.load(story, limit: YAMLLimits.default.maxFileBytes).get()
        let answers = AnswersFile.parse(bytes, file: story)
        let loader = PartialCatalogueTests.reportLoader
        let cut = try #require(loader.load([.builtIn]).catalogue)
        let whole = try #require(loader.load([Self.wholeText]).catalogue)
        let expected = ReportBuilder(catalogue: whole).report(
            for: try AnswersFile.read(answers, catalogue: whole).get(), generatedAt: "2026-12-04T10:00:00Z")
        let got = ReportBuilder(catalogue: cut).report(
            for: try AnswersFile.read(answers, catalogue: cut).get(), generatedAt: "2026-12-04T10:00:00Z")
        for format in ReportFormat.allCases {
            let difference = PartialCatalogueTests.firstDifference(format.render(got), format.render(expected))
            #expect(difference == nil, "\(story) as \(format): \(difference ?? "")")
        }
    }
}
