import Foundation
import AssessmentKit
import BuiltinEvaluators
import BackCheckPluginAPI
import Testing

/// The built-in catalogue: loads clean, every example passes, every finding is reachable by
/// an example, every recommendation resolves, every assessment has sources and evidence.
@Suite("Built-in catalogue")
struct BuiltinCatalogueTests {
    let result = CatalogueLoader(registry: .builtIn).load([.builtIn])

    @Test func loadsWithoutProblems() throws {
        #expect(result.diagnostics.map(\.description) == [])
        let catalogue = try #require(result.catalogue)
        let required = ["red-flag-screen", "hip-flexor-thomas", "glute-activation", "core-endurance-mcgill",
                        "hamstring-length", "ankle-dorsiflexion", "squat-form", "hinge-form", "training-load"]
        #expect(Set(required).isSubset(of: Set(catalogue.assessments.map(\.id))))
        #expect(catalogue.exercises.count >= 25)
    }

    /// Copies of an assessment share their storage, but it is still a value: changing a copy
    /// leaves the catalogue's as it was, field by field.
    @Test func aChangedCopyOfAnAssessmentLeavesTheOriginalAsItWas() throws {
        let catalogue = try #require(result.catalogue)
        let original = try #require(catalogue.assessments.first { $0.id == "hip-flexor-thomas" })
        var copy = original
        copy.title = "Renamed"
        copy.inputs.removeLast()
        copy.retestWeeks += 1
        #expect(copy.title == "Renamed")
        #expect(copy.inputs.count == original.inputs.count - 1)
        #expect(copy.retestWeeks == original.retestWeeks + 1)
        let again = try #require(catalogue.assessments.first { $0.id == "hip-flexor-thomas" })
        #expect(again.title == original.title && again.title != "Renamed")
        #expect(again.inputs.map(\.name) == original.inputs.map(\.name))
        #expect(again.retestWeeks == original.retestWeeks)
        // The rest of the copy is still the original's.
        #expect(copy.id == original.id && copy.findings.map(\.id) == original.findings.map(\.id))
    }

    @Test func everyExamplePasses() throws {
        let catalogue = try #require(result.catalogue)
        #expect(ExampleRunner.check(catalogue).map(\.description) == [])
    }

    @Test func everyFindingIsRaisedByAnExampleAndOneExampleRaisesNone() throws {
        let catalogue = try #require(result.catalogue)
        for assessment in catalogue.assessments {
            let raised = Set(assessment.examples.flatMap { $0.expect.findings.map(\.id) })
            for finding in assessment.findings {
                #expect(raised.contains(finding.id), "\(assessment.id): no example raises '\(finding.id)'")
            }
            let quiet = assessment.examples.contains { ExampleRunner.result(of: $0, in: assessment)?.findings.isEmpty == true }
            #expect(quiet, "\(assessment.id): no example that raises none")
        }
    }

    @Test func everyRecommendationResolves() throws {
        let catalogue = try #require(result.catalogue)
        for assessment in catalogue.assessments {
            for finding in assessment.findings where finding.tier != .refer {
                for recommendation in finding.recommend {
                    #expect(catalogue.exercise(recommendation.exercise) != nil,
                            "\(assessment.id)/\(finding.id): '\(recommendation.exercise)' does not resolve")
                }
            }
        }
        for exercise in catalogue.exercises.values {
            for linked in [exercise.regression, exercise.progression].compactMap({ $0 }) {
                #expect(catalogue.exercise(linked) != nil, "\(exercise.id): '\(linked)' does not resolve")
            }
        }
    }

    @Test func everyExerciseHasStartAndEndPosesThatDiffer() throws {
        let catalogue = try #require(result.catalogue)
        for exercise in catalogue.exercises.values {
            let poses = try #require(exercise.poses, "\(exercise.id) has no poses for its picture")
            #expect(poses.start != poses.end, "\(exercise.id): the start and end poses are the same")
        }
    }

    @Test func doseRangesOnlyRaiseTheDose() throws {
        let catalogue = try #require(result.catalogue)
        let ranged = catalogue.exercises.values.filter { $0.dosage.repsMax != nil || $0.dosage.holdSecondsMax != nil }
        #expect(ranged.count >= 10)
        for exercise in ranged {
            if let top = exercise.dosage.repsMax { #expect(top > exercise.dosage.reps ?? top, "\(exercise.id)") }
            if let top = exercise.dosage.holdSecondsMax { #expect(top > exercise.dosage.holdSeconds ?? top, "\(exercise.id)") }
            // Stretches keep their holds (longer holds add nothing), loaded lifts progress by load.
            #expect(exercise.kind != .stretch, "\(exercise.id)")
        }
    }

    @Test func everyAssessmentHasReferencesAndEvidence() throws {
        let catalogue = try #require(result.catalogue)
        for assessment in catalogue.assessments {
            #expect(!assessment.references.isEmpty, "\(assessment.id) has no references")
            #expect(assessment.evidence.note?.isEmpty == false, "\(assessment.id) has no evidence note")
            #expect(assessment.digest.hasPrefix("sha256:") && assessment.digest.count == 71)
        }
    }

    @Test func registryRejectsTwoPluginsWithOneID() {
        let plugins = PluginRegistry.builtIn.plugins
        #expect(throws: PluginRegistry.DuplicateID.self) { try PluginRegistry(plugins + [plugins[0]]) }
        #expect(PluginRegistry.builtIn.ids == ["checklist", "firing-order", "normative", "red-flags", "thresholds"])
    }
}

@Suite("Loading reads each file once")
struct OneReadTests {
    @Test("the built-in catalogue's norms are read before its assessments: none is read twice")
    func builtInAssessmentsAreReadOnce() {
        let result = CatalogueLoader(registry: .builtIn).load([.builtIn])
        #expect(result.catalogue != nil)
        #expect(result.assessmentsReadAgain == 0)
    }

    /// The built-in files as an author's layer: nothing worked out at build time.
    static var builtInCopy: CatalogueLayer {
        CatalogueLayer(name: "copy", files: CatalogueLayer.builtIn.files.map { .init(path: $0.path, bytes: $0.bytes) })
    }

    @Test("a loader for reports works out every digest from the first read, and they match the later ones")
    func digestsFromTheFirstRead() throws {
        let eager = try #require(CatalogueLoader(registry: .builtIn, digestsAtLoad: true).load([Self.builtInCopy]).catalogue)
        let lazy = try #require(CatalogueLoader(registry: .builtIn).load([Self.builtInCopy]).catalogue)
        let eagerPending = eager.assessments.filter(\.digestNeedsParse).count
        let lazyPending = lazy.assessments.filter(\.digestNeedsParse).count
        #expect(eagerPending == 0)
        #expect(lazyPending == lazy.assessments.count)
        #expect(eager.assessments.map(\.digest) == lazy.assessments.map(\.digest))
        let pendingAfterAsking = lazy.assessments.filter(\.digestNeedsParse).count
        #expect(pendingAfterAsking == 0, "asked once, kept")
    }

    @Test("a loader for reports leaves the built-in examples unread, and reads an author's")
    func builtInExamplesAreLeftForReports() throws {
        let whole = try #require(CatalogueLoader(registry: .builtIn).load([.builtIn]).catalogue)
        let forReports = try #require(CatalogueLoader(registry: .builtIn, skipsBuiltInExamples: true).load([.builtIn]).catalogue)
        #expect(whole.assessments.filter { !$0.examples.isEmpty }.count == whole.assessments.count)
        #expect(forReports.assessments.filter { !$0.examples.isEmpty }.isEmpty)
        #expect(forReports.assessments.map(\.id) == whole.assessments.map(\.id))
        let authored = try #require(CatalogueLoader(registry: .builtIn, skipsBuiltInExamples: true).load([Self.builtInCopy]).catalogue)
        #expect(authored.assessments.map(\.examples.count) == whole.assessments.map(\.examples.count))
    }

    @Test("an author's layer named 'built-in' is read and checked as an author's")
    func aLayerCalledBuiltInIsNotTheBuiltInCatalogue() throws {
        let squat = try #require(CatalogueLayer.builtIn.files.first { $0.path.hasSuffix("squat-form.yaml") })
        let text = String(decoding: squat.bytes, as: UTF8.self).replacingOccurrences(of: "\nid: squat-form\n", with: "\nid: my-squat\n")
        let named = CatalogueLayer(name: "built-in", files: [.init(path: "built-in/my-squat.yaml", bytes: Array(text.utf8))])
        let result = CatalogueLoader(registry: .builtIn, skipsBuiltInExamples: true).load([.builtIn, named])
        let mine = try #require(result.catalogue?.assessment("my-squat"))
        #expect(!mine.examples.isEmpty, "an author's examples are read, whatever the folder is called")
        #expect(result.catalogue?.assessment("squat-form")?.examples.isEmpty == true)
    }

    @Test("the built-in catalogue's digests were worked out when the program was built, and match a load's")
    func builtInDigestsAreKnown() throws {
        let builtIn = try #require(CatalogueLoader(registry: .builtIn).load([.builtIn]).catalogue)
        #expect(builtIn.assessments.filter(\.digestNeedsParse).isEmpty)
        let worked = try #require(CatalogueLoader(registry: .builtIn, digestsAtLoad: true).load([Self.builtInCopy]).catalogue)
        #expect(worked.assessments.count == builtIn.assessments.count)
        #expect(builtIn.assessments.map(\.digest) == worked.assessments.map(\.digest))
    }

    @Test("changing a built-in file's bytes forgets the digests worked out for it")
    func changedBytesAreDigestedAgain() throws {
        var layer = CatalogueLayer.builtIn
        let index = try #require(layer.files.firstIndex { $0.path.hasSuffix("hip-flexor-thomas.yaml") })
        let original = try #require(CatalogueLoader(registry: .builtIn).load([layer]).catalogue?.assessment("hip-flexor-thomas"))
        let text = String(decoding: layer.files[index].bytes, as: UTF8.self)
        layer.files[index].bytes = Array(text.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Changed ").utf8)
        let changed = try #require(CatalogueLoader(registry: .builtIn).load([layer]).catalogue?.assessment("hip-flexor-thomas"))
        #expect(changed.title.hasPrefix("Changed "))
        #expect(changed.digest != original.digest)
    }

    @Test("norms a later layer brings still reach the assessments read before them")
    func laterNormsAreStillUsed() throws {
        let normsFile = try #require(CatalogueLayer.builtIn.files.first { $0.path.contains("norms/") })
        // A later layer with norms makes the built-in assessments go stale and be read again.
        let id = try #require(String(decoding: normsFile.bytes, as: UTF8.self)
            .split(separator: "\n").first { $0.hasPrefix("id: ") }.map { String($0.dropFirst(4)) })
        let text = String(decoding: normsFile.bytes, as: UTF8.self).replacingOccurrences(of: "\nid: \(id)", with: "\nid: \(id)\nreplaces: \(id)")
        let result = CatalogueLoader(registry: .builtIn).load([.builtIn, CatalogueLayer(name: "mine", files: [.init(path: "mine/norms.yaml", bytes: Array(text.utf8))])])
        #expect(result.catalogue != nil, "\(result.diagnostics.all.prefix(3))")
        #expect(result.assessmentsReadAgain > 0)
    }
}

/// The built-in McGill battery as an author's `my-mcgill`, using a copy of its norms as `my-norms`:
/// an assessment whose norms only a file of the author's defines.
enum MyMcGill {
    static func files() throws -> (assessment: String, norms: String) {
        func text(_ suffix: String) throws -> String {
            try String(decoding: #require(CatalogueLayer.builtIn.files.first { $0.path.hasSuffix(suffix) }).bytes, as: UTF8.self)
        }
        let assessment = try text("assessments/core-endurance-mcgill.yaml")
            .replacingOccurrences(of: "id: core-endurance-mcgill", with: "id: my-mcgill")
            .replacingOccurrences(of: "norms: mcgill-1999", with: "norms: my-norms")
        let norms = try text("norms/mcgill-1999.yaml").replacingOccurrences(of: "id: mcgill-1999", with: "id: my-norms")
        return (assessment, norms)
    }
}

@Suite("Lint lets go of each file once read")
struct LintReleaseTests {
    /// Two folders: `a` holds an assessment using norms that only `b` defines, and `b` spells
    /// its kind so the scan misses it. Lint lets go of `a`'s bytes before `b` is read, so
    /// the assessment (stale once the norms arrive) can only be read again from disk.
    @Test("an assessment whose norms come later, unseen by the scan, is read again from disk")
    func staleAssessmentIsReadAgainFromDisk() throws {
        let builtIn = CatalogueLayer.builtIn
        let (assessment, builtInNorms) = try MyMcGill.files()
        let norms = builtInNorms.replacingOccurrences(of: "kind: norms", with: #"kind: "norm\x73""#)
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("backcheck-lint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: base) }
        for (folder, name, content) in [("a", "mine.yaml", assessment), ("b", "norms.yaml", norms)] {
            try FileManager.default.createDirectory(at: base.appendingPathComponent(folder), withIntermediateDirectories: true)
            try content.write(to: base.appendingPathComponent("\(folder)/\(name)"), atomically: true, encoding: .utf8)
        }
        let layers = [builtIn, CatalogueLayer.fromDisk(base.path + "/a").layer, CatalogueLayer.fromDisk(base.path + "/b").layer]
        let result = CatalogueLoader(registry: .builtIn).lint(layers)
        #expect(result.diagnostics.errorCount == 0, "\(result.diagnostics.all.prefix(3))")
        let mine = result.exampleOutcomes.filter { $0.assessment == "my-mcgill" }
        #expect(!mine.isEmpty)
        #expect(mine.allSatisfy { $0.failures.isEmpty })
    }
}

extension LintReleaseTests {
    /// A layer given in memory, even one naming a folder for its modules, cannot be read
    /// again from disk: lint keeps its bytes, and the stale assessment is read from them.
    @Test("a layer given in memory is kept whole, folder or not")
    func inMemoryLayersAreKept() throws {
        let (assessment, builtInNorms) = try MyMcGill.files()
        let norms = builtInNorms.replacingOccurrences(of: "kind: norms", with: #"kind: "norm\x73""#)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("backcheck-nothing-\(UUID().uuidString)").path
        let layers = [
            CatalogueLayer.builtIn,
            CatalogueLayer(name: "mine", files: [.init(path: folder + "/mine.yaml", bytes: Array(assessment.utf8))], folder: folder),
            CatalogueLayer(name: "more", files: [.init(path: "more/norms.yaml", bytes: Array(norms.utf8))]),
        ]
        let result = CatalogueLoader(registry: .builtIn).lint(layers)
        #expect(result.diagnostics.errorCount == 0, "\(result.diagnostics.all.prefix(3))")
        #expect(result.exampleOutcomes.contains { $0.assessment == "my-mcgill" })
    }
}

@Suite("The scans before parsing")
struct KindScanTests {
    /// Norms written last in a file with no final line break, after words that start like
    /// `kind`, are still found by the scan: the assessment before them in the folder is read once.
    @Test("norms are found however the file ends, and an assessment using them is read once", arguments: ["kind: norms", "\"kind\" : 'norms'"])
    func normsAtTheVeryEnd(spelling: String) throws {
        let builtIn = CatalogueLayer.builtIn
        let (assessment, builtInNorms) = try MyMcGill.files()
        var norms = builtInNorms.replacingOccurrences(of: "kind: norms\n", with: "# kindly, kinder: kind norms\n")
        while norms.hasSuffix("\n") { norms.removeLast() }
        norms += "\n" + spelling
        let mine = CatalogueLayer(name: "mine", files: [
            .init(path: "mine/a-assessment.yaml", bytes: Array(assessment.utf8)), .init(path: "mine/z-norms.yaml", bytes: Array(norms.utf8)),
        ])
        let result = CatalogueLoader(registry: .builtIn).load([builtIn, mine])
        #expect(result.catalogue != nil, "\(result.diagnostics.all.prefix(3))")
        // The built-in assessments are read again (norms came in a later layer); `my-mcgill` is not.
        let builtInAssessments = try #require(CatalogueLoader(registry: .builtIn).load([builtIn]).catalogue).assessments.count
        #expect(result.assessmentsReadAgain == builtInAssessments)
    }
}
