import Foundation
import Testing

/// A package of someone else's (`Fixtures/OutsidePackage`) depends on BackCheck's library
/// products by path, adds an evaluator, and builds a program of its own — the tool plus that
/// evaluator. Built into its own scratch folder, so it shares nothing with this build.
@Suite struct OutsidePackageTests {
    @Test(.timeLimit(.minutes(20)))
    func anOutsidePackageAddsAnEvaluatorAndRunsIt() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let package = folder.appendingPathComponent("OutsidePackage")
        try FileManager.default.copyItem(at: CLI.root.appendingPathComponent("Tests/CLITests/Fixtures/OutsidePackage"), to: package)
        let manifest = package.appendingPathComponent("Package.swift")
        let text = try String(contentsOf: manifest, encoding: .utf8)
        #expect(text.contains(#"path: "../../../..""#))
        try text.replacingOccurrences(of: #"path: "../../../..""#, with: "path: \"\(CLI.root.path)\"")
            .write(to: manifest, atomically: true, encoding: .utf8)

        let scratch = folder.appendingPathComponent(".build-outside")
        let started = Date()
        // SwiftPM keeps its lock files in TMPDIR: inside the folder, they go with it.
        let build = try CLI.tool(
            "swift", ["build", "--package-path", package.path, "--scratch-path", scratch.path],
            environment: ["TMPDIR": folder.path], timeout: 1500)
        try #require(build.status == 0, "the outside package did not build:\n\(build.stdout.suffix(3000))\(build.stderr.suffix(3000))")
        print("outside package: built in \(Int(Date().timeIntervalSince(started))) s")
        let program = scratch.appendingPathComponent("debug/my-backcheck").path
        let catalogue = package.appendingPathComponent("catalogue").path

        let plugins = try CLI.tool(program, ["plugins"])
        #expect(plugins.status == 0)
        #expect(plugins.stdout.contains("minimum — Raises the finding on each side whose value is under the minimum"))
        #expect(plugins.stdout.contains("thresholds — "), "the built-in evaluators are still there")

        let lint = try CLI.tool(program, ["lint", catalogue])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
        #expect(lint.stdout.contains("0 errors"))

        let run = try CLI.tool(program, [
            "run", "front-plank-minimum", "--catalog", catalogue,
            "--answers", package.appendingPathComponent("catalogue/front-plank.answers.yaml").path, "--format", "json",
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let assessment = try #require((report["assessments"] as? [[String: Any]])?.first)
        #expect(assessment["evaluator"] as? String == "minimum")
        #expect(assessment["score"] as? Int == 75)
        #expect((assessment["findings"] as? [[String: Any]])?.first?["evidence"] as? String == "45 against a minimum of 60")

        // The stock program does not know the evaluator, and says so at the line.
        let stock = try CLI.run(["lint", catalogue])
        #expect(stock.status == 1)
        #expect(stock.stderr.contains("front-plank-minimum.yaml:14:12: error: unknown evaluator 'minimum'"), "\(stock.stderr)")
    }
}
