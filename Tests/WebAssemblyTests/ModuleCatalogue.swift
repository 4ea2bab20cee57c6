import AssessmentKit
import BackCheckPluginAPI
import BackCheckYAML
import BuiltinEvaluators
import Foundation
import Testing
import WebAssemblyEvaluators

/// A catalogue folder on disk with one evaluator module and one assessment it scores
/// (`module-probe`: one number `value`, finding `low-value`), for loading through the real
/// loader beside the built-in catalogue.
struct ModuleCatalogue {
    let folder: URL

    /// The registry `backcheck` uses: the built-in evaluators and the WebAssembly sandbox.
    static let registry = PluginRegistry.builtIn.running(modulesWith: WebAssemblySandbox())

    /// Writes the module's bytes and the two documents. `sha256` defaults to the module's
    /// digest; `modulePath` to the module's file name; `scoring` to a sound block.
    init(
        module: [UInt8], sha256: String? = nil, modulePath: String = "test-module.wasm",
        scoring: String = "{value: value, finding: low-value}", limits: String = "", extraKeys: String = ""
    ) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("backcheck-wasm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(module).write(to: folder.appendingPathComponent("test-module.wasm"))
        let digest = sha256 ?? Self.sha256(module)
        try """
        format: 1
        kind: evaluator
        id: test-module
        module: \(modulePath)
        sha256: \(digest)
        summary: A module written for the tests.
        scoring_keys:
          - {key: value, type: input-name, required: true, doc: The input.}
          - {key: finding, type: finding-id, required: true, doc: The finding.}
        \(extraKeys)
        \(limits)
        """.write(to: folder.appendingPathComponent("test-module.yaml"), atomically: true, encoding: .utf8)
        try """
        format: 1
        kind: assessment
        id: module-probe
        version: 1
        title: Module probe
        category: endurance
        regions: [lumbar]
        duration_min: 1
        summary: A test of the module door.
        equipment: []
        instructions: Enter a value.
        inputs:
          value: {label: A value, type: number, unit: s, range: [0, 100]}
        evaluator: test-module
        scoring: \(scoring)
        findings:
          low-value:
            title: A low value
            explain: Only for the tests.
            tier: endurance
            recommend:
              - exercise: side-plank
        evidence: {level: low, note: Only for the tests.}
        references: [none]
        """.write(to: folder.appendingPathComponent("module-probe.yaml"), atomically: true, encoding: .utf8)
    }

    /// Loads the built-in catalogue and this folder.
    func load() -> CatalogueLoader.Result {
        let (layer, problems) = CatalogueLayer.fromDisk(folder.path)
        #expect(problems.isEmpty)
        return CatalogueLoader(registry: Self.registry).load([.builtIn, layer])
    }

    /// The report for `value` on the probe and a fixed ankle result, when the catalogue loads.
    func report(value: Double) throws -> Report {
        let catalogue = try #require(load().catalogue)
        return try Self.report(catalogue, extra: "  module-probe: {value: \(value)}\n")
    }

    static func report(_ catalogue: Catalogue, extra: String = "") throws -> Report {
        let yaml = "screened_elsewhere: true\nanswers:\n  ankle-dorsiflexion: {knee_to_wall: {left: 7, right: 12}}\n" + extra
        guard case .success(let answers) = AnswersFile.read(Array(yaml.utf8), file: "test.answers.yaml", catalogue: catalogue) else {
            Issue.record("the answers did not read")
            throw CancellationError()
        }
        return ReportBuilder(catalogue: catalogue).report(for: answers, generatedAt: "2026-12-01T00:00:00Z")
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hex(of: bytes)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
