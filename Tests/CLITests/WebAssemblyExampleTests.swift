import Foundation
import Testing

/// The C evaluator in `Plugins/linear-curve` through the built binary: it lints, runs, is
/// listed with its digest, fits the schema, and builds again from its source.
@Suite struct WebAssemblyExampleTests {
    static let example = CLI.root.appendingPathComponent("Plugins/linear-curve")
    static let catalogue = example.appendingPathComponent("catalogue").path
    static let answers = example.appendingPathComponent("catalogue/side-bridge-curve.answers.yaml").path

    /// Whether the clang on the PATH can build a freestanding wasm32 module.
    static let clangTargetsWasm32: Bool = {
        guard let folder = try? CLI.temporaryFolder() else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("probe.c")
        guard (try? "int f(void) { return 1; }\n".write(to: source, atomically: true, encoding: .utf8)) != nil,
              let result = try? CLI.tool("clang", ["--target=wasm32", "-nostdlib", "-Wl,--no-entry", "-o", folder.appendingPathComponent("probe.wasm").path, source.path])
        else { return false }
        return result.status == 0
    }()

    /// A copy of the example catalogue to change.
    static func copyOfCatalogue() throws -> URL {
        let folder = try CLI.temporaryFolder().appendingPathComponent("catalogue")
        try FileManager.default.copyItem(atPath: catalogue, toPath: folder.path)
        return folder
    }

    @Test func theExampleLintsAndItsExamplesRunThroughTheModule() throws {
        let result = try CLI.run(["lint", Self.catalogue])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("0 errors"))
    }

    @Test func theExampleRunsAndTheReportNamesTheModulesDigest() throws {
        let result = try CLI.run(["run", "side-bridge-curve", "--catalog", Self.catalogue, "--answers", Self.answers, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let assessment = try #require((report["assessments"] as? [[String: Any]])?.first)
        let module = try Data(contentsOf: Self.example.appendingPathComponent("catalogue/linear-curve.wasm"))
        let digest = try CLI.tool("sha256sum", [Self.example.appendingPathComponent("catalogue/linear-curve.wasm").path])
        #expect(module.count > 1000)
        #expect(assessment["evaluator"] as? String == "linear-curve")
        #expect(assessment["evaluator_sha256"] as? String == String(digest.stdout.prefix(64)))
        // Left 38 s and right 61 s against a line through 75 s (50) and 95 s (90).
        let findings = try #require(assessment["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["side"] as? String } == ["left", "right"])
        #expect(assessment["score"] as? Int == 0)
        // No red-flag screen was answered, so the loaded side plank waits for it.
        #expect((report["screening"] as? [String: Any])?["status"] as? String == "incomplete")
    }

    @Test func pluginsListsTheModuleWithItsPathAndDigest() throws {
        let result = try CLI.run(["plugins", "--catalog", Self.catalogue])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("linear-curve — Scores a measured value"))
        #expect(result.stdout.contains("module: ") && result.stdout.contains("Plugins/linear-curve/catalogue/linear-curve.wasm"))
        #expect(result.stdout.contains("sha256: d9f6c5a5"))
        #expect(result.stdout.contains("good     number, required. The value that scores 90."))
        // Without a catalogue only the five built in.
        #expect(!(try CLI.run(["plugins"]).stdout.contains("linear-curve")))
    }

    @Test func theExampleFitsTheAssessmentSchemaWithItsScoringKeys() throws {
        let folder = try CLI.temporaryFolder()
        let schema = folder.appendingPathComponent("schema.json")
        let printed = try CLI.run(["schema", "assessment", "--catalog", Self.catalogue])
        #expect(printed.status == 0)
        try printed.stdout.write(to: schema, atomically: true, encoding: .utf8)
        let files = ["linear-curve.yaml", "side-bridge-curve.yaml"].map { "\(Self.catalogue)/\($0)" }
        let good = try CLI.tool("python3", [SchemaCommandTests.validate, schema.path] + files)
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        let wrong = folder.appendingPathComponent("wrong.yaml")
        try "kind: assessment\nid: x\nevaluator: linear-curve\nscoring: {input: hold, good: fast}\n".write(to: wrong, atomically: true, encoding: .utf8)
        #expect(try CLI.tool("python3", [SchemaCommandTests.validate, schema.path, wrong.path]).status == 1)
    }

    @Test func aModuleThatRunsOutOfItsBudgetFailsLintAndLeavesARunUnscored() throws {
        let folder = try Self.copyOfCatalogue()
        let declaration = folder.appendingPathComponent("linear-curve.yaml")
        let yaml = try String(contentsOf: declaration, encoding: .utf8)
            .replacingOccurrences(of: "limits: {fuel: 1000000, memory_mb: 16}", with: "limits: {fuel: 8000, memory_mb: 16}")
        try yaml.write(to: declaration, atomically: true, encoding: .utf8)
        let lint = try CLI.run(["lint", folder.path])
        #expect(lint.status == 1)
        // Enough for the scoring check at load, not for an evaluation: both examples fail.
        #expect(lint.stdout.contains("2 errors"), "\(lint.stdout)")
        #expect(lint.stderr.contains("example 'a short left hold' of 'side-bridge-curve' failed: The evaluator 'linear-curve' ran out of its instruction budget (8000 instructions)"), "\(lint.stderr)")
        let run = try CLI.run(["run", "side-bridge-curve", "--catalog", folder.path, "--answers", Self.answers, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("The evaluator 'linear-curve' ran out of its instruction budget"))
        #expect(run.stdout.contains(#""status":"unscored""#) || run.stdout.contains(#""status": "unscored""#))
    }

    @Test func aModuleThatDoesNotMatchItsDigestIsAnErrorAtItsLine() throws {
        let folder = try Self.copyOfCatalogue()
        let module = folder.appendingPathComponent("linear-curve.wasm")
        var bytes = try Data(contentsOf: module)
        bytes[bytes.count - 1] ^= 0xFF
        try bytes.write(to: module)
        let lint = try CLI.run(["lint", folder.path])
        #expect(lint.status == 1)
        #expect(lint.stderr.contains("linear-curve.yaml:6:9: error: the module 'linear-curve.wasm' has SHA-256"), "\(lint.stderr)")
        let run = try CLI.run(["run", "--catalog", folder.path, "--answers", Self.answers])
        #expect(run.status == 1)
        #expect(run.stderr.contains("has SHA-256"))
    }

    @Test(.enabled(if: clangTargetsWasm32, "needs a clang that can target wasm32 (the Swift toolchain's does)"))
    func theCSourceBuildsIntoAModuleThatPassesTheSameExamples() throws {
        let folder = try Self.copyOfCatalogue()
        let module = folder.appendingPathComponent("linear-curve.wasm")
        try FileManager.default.removeItem(at: module)
        let build = try CLI.tool("clang", [
            "--target=wasm32", "-nostdlib", "-O2", "-Wall", "-Werror", "-I", Self.example.appendingPathComponent("../webassembly").path,
            "-Wl,--no-entry", "-Wl,--strip-all", "-Wl,--max-memory=16777216", "-o", module.path,
            Self.example.appendingPathComponent("linear-curve.c").path,
        ])
        #expect(build.status == 0, "\(build.stderr)")
        let digest = String(try CLI.tool("sha256sum", [module.path]).stdout.prefix(64))
        let declaration = folder.appendingPathComponent("linear-curve.yaml")
        let yaml = try String(contentsOf: declaration, encoding: .utf8)
        try yaml.replacingOccurrences(of: #"sha256: [0-9a-f]{64}"#, with: "sha256: \(digest)", options: .regularExpression)
            .write(to: declaration, atomically: true, encoding: .utf8)
        let lint = try CLI.run(["lint", folder.path])
        #expect(lint.status == 0, "\(lint.stdout)")
        #expect(lint.stdout.contains("0 errors"))
    }
}
