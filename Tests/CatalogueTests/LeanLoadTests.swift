import AssessmentKit
import BackCheckYAML
import BuiltinEvaluators
import Foundation
import Testing

@Suite("A load that keeps no more than a report needs")
struct LeanLoadTests {
    /// The author's McGill battery in folder `a` and its norms, spelt so the scan misses them,
    /// in folder `b` of a new temporary folder (`base`): the assessment goes stale when the
    /// norms arrive and is read again. Also gives the assessment's text.
    static func staleAssessment() throws -> (assessment: String, base: URL, layers: [CatalogueLayer]) {
        let (assessment, builtInNorms) = try MyMcGill.files()
        let norms = builtInNorms.replacingOccurrences(of: "kind: norms", with: #"kind: "norm\x73""#)
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("backcheck-lean-\(UUID().uuidString)")
        for (folder, name, content) in [("a", "mine.yaml", assessment), ("b", "norms.yaml", norms)] {
            try FileManager.default.createDirectory(at: base.appendingPathComponent(folder), withIntermediateDirectories: true)
            try content.write(to: base.appendingPathComponent("\(folder)/\(name)"), atomically: true, encoding: .utf8)
        }
        let layers = [CatalogueLayer.builtIn, CatalogueLayer.fromDisk(base.path + "/a").layer, CatalogueLayer.fromDisk(base.path + "/b").layer]
        return (assessment, base, layers)
    }

    /// With digests worked out at load, the layers given up with `consume` let go of each
    /// file once read; the assessment that went stale is read again from disk, and the
    /// catalogue is the one a load keeping every byte gives, digests and all.
    @Test("a consumed load reads a stale assessment again from disk, with the same digests")
    func consumedLoadMatchesAKeptOne() throws {
        let (_, base, layers) = try Self.staleAssessment()
        defer { try? FileManager.default.removeItem(at: base) }
        let kept = CatalogueLoader(registry: .builtIn).load(layers)
        let consumed = CatalogueLoader(registry: .builtIn, digestsAtLoad: true).load(consume layers)
        #expect(consumed.diagnostics.errorCount == 0, "\(consumed.diagnostics.all.prefix(3))")
        #expect(consumed.assessmentsReadAgain > 0)
        let keptCatalogue = try #require(kept.catalogue)
        let consumedCatalogue = try #require(consumed.catalogue)
        #expect(consumedCatalogue.assessments.map(\.id) == keptCatalogue.assessments.map(\.id))
        #expect(consumedCatalogue.assessments.map(\.digest) == keptCatalogue.assessments.map(\.digest))
        #expect(consumedCatalogue.assessments.contains { $0.id == "my-mcgill" })
    }

    /// The bytes let go are read again from disk for the stale assessment: a file changed on
    /// disk after it was read is found out, where a load keeping every byte reads what it was given.
    @Test("a file changed on disk after it was read stops a consumed load")
    func aFileChangedOnDiskIsFoundOut() throws {
        let (assessment, base, layers) = try Self.staleAssessment()
        defer { try? FileManager.default.removeItem(at: base) }
        let mine = base.appendingPathComponent("a/mine.yaml")
        try (assessment + "\n# edited after it was read\n").write(to: mine, atomically: true, encoding: .utf8)
        let kept = CatalogueLoader(registry: .builtIn).load(layers)
        #expect(kept.catalogue != nil, "\(kept.diagnostics.all.prefix(3))")
        let consumed = CatalogueLoader(registry: .builtIn, digestsAtLoad: true).load(consume layers)
        let refused = consumed.catalogue == nil
        #expect(refused)
        let problem = consumed.diagnostics.all.first { $0.message.hasPrefix("the file changed while the catalogue was being read") }
        #expect(problem?.mark?.file == mine.path)
    }

    /// Bytes changed in memory are no longer what the file on disk holds: they are kept, and
    /// the stale assessment is read again from them, not from disk.
    @Test("bytes changed in memory are kept by a load that lets files go")
    func bytesChangedInMemoryAreKept() throws {
        let (assessment, base, read) = try Self.staleAssessment()
        var layers = read
        defer { try? FileManager.default.removeItem(at: base) }
        let title = try #require(assessment.split(separator: "\n").first { $0.hasPrefix("title: ") })
        layers[1].files[0].bytes = Array(assessment.replacingOccurrences(of: String(title), with: "title: My own battery").utf8)
        let result = CatalogueLoader(registry: .builtIn, digestsAtLoad: true).load(consume layers)
        #expect(result.diagnostics.errorCount == 0, "\(result.diagnostics.all.prefix(3))")
        #expect(result.assessmentsReadAgain > 0)
        #expect(result.catalogue?.assessments.first { $0.id == "my-mcgill" }?.title == "My own battery")
    }

    /// Examples left out of the model are still read and checked: the same catalogue, the
    /// same problems, and a broken example still refuses the catalogue.
    @Test("examples not kept are still checked", arguments: [false, true])
    func examplesNotKeptAreStillChecked(broken: Bool) throws {
        var (assessment, norms) = try MyMcGill.files()
        if broken {
            assessment = assessment.replacingOccurrences(of: "not_findings: [{id: low-flexor-endurance}", with: "not_findings: [{id: low-flexor-endurence}")
        }
        let mine = CatalogueLayer(name: "mine", files: [
            .init(path: "mine/norms.yaml", bytes: Array(norms.utf8)), .init(path: "mine/mine.yaml", bytes: Array(assessment.utf8)),
        ])
        let keeping = CatalogueLoader(registry: .builtIn).load([.builtIn, mine])
        let checking = CatalogueLoader(registry: .builtIn, keepsExamples: false).load([.builtIn, mine])
        #expect(checking.diagnostics.all.map(\.description) == keeping.diagnostics.all.map(\.description))
        #expect(checking.partial.assessments.map(\.id) == keeping.partial.assessments.map(\.id))
        #expect(checking.partial.assessments.allSatisfy { $0.examples.isEmpty })
        if broken {
            #expect(checking.catalogue == nil)
            #expect(checking.diagnostics.all.contains { $0.message.contains("low-flexor-endurence") && $0.mark?.file == "mine/mine.yaml" })
        } else {
            #expect(checking.catalogue != nil, "\(checking.diagnostics.all.prefix(3))")
            #expect(keeping.partial.assessments.first { $0.id == "my-mcgill" }?.examples.isEmpty == false)
        }
    }

    /// A load that counts warnings gives the same errors and the same count as one that keeps them.
    @Test("warnings only counted give the same errors and the same count")
    func warningsOnlyCounted() throws {
        var (assessment, norms) = try MyMcGill.files()
        assessment = assessment.replacingOccurrences(of: "finding: low-flexor-endurance", with: "finding: low-flexor-endurence")
        // Warnings of a file (it holds nothing), and of the layer rules (a built-in exercise
        // replaced without saying so).
        let bridge = "kind: exercise\nid: glute-bridge\nname: My bridge\ntype: activation\ndosage: {sets: 2}\ninstructions: \"1. Bridge.\"\npattern: hip-thrust\n"
        let mine = CatalogueLayer(name: "mine", files: [
            .init(path: "mine/norms.yaml", bytes: Array(norms.utf8)), .init(path: "mine/mine.yaml", bytes: Array(assessment.utf8)),
            .init(path: "mine/draft.yaml", bytes: Array("# nothing yet\n".utf8)), .init(path: "mine/bridge.yaml", bytes: Array(bridge.utf8)),
        ])
        let keeping = CatalogueLoader(registry: .builtIn).load([.builtIn, mine])
        let counting = CatalogueLoader(registry: .builtIn, keepsWarnings: false).load([.builtIn, mine])
        let warnings = keeping.diagnostics.all.filter { $0.severity == .warning }
        #expect(warnings.count >= 2, "\(warnings)")
        #expect(counting.diagnostics.all.map(\.description) == keeping.diagnostics.errors.map(\.description))
        #expect(counting.diagnostics.count == keeping.diagnostics.count)
        #expect(counting.diagnostics.errorCount == keeping.diagnostics.errorCount)
    }
}
