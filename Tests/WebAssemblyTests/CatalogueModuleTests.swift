import AssessmentKit
import BackCheckYAML
import Foundation
import Testing

@Suite("WebAssembly evaluators in a catalogue: loading, scoring, and misbehaving modules")
struct CatalogueModuleTests {
    /// What the built-in ankle test gives with no module catalogue at all.
    static let ankleAlone: JSONValue? = {
        guard let catalogue = CatalogueLoader(registry: ModuleCatalogue.registry).load([.builtIn]).catalogue,
              let report = try? ModuleCatalogue.report(catalogue)
        else { return nil }
        return report.json.member("assessments")
    }()

    @Test("a sound module scores its assessment, and the report records its digest")
    func soundModuleScores() throws {
        let bytes = try TestModules.bytes(TestModules.wat(
            output: #"{"score":35,"findings":[{"finding":"low-value","severity":0.7,"evidence":"value under 50"}]}"#))
        let fixture = try ModuleCatalogue(module: bytes)
        defer { fixture.remove() }
        let report = try fixture.report(value: 12)
        let probe = try #require(report.assessments.first { $0.id == "module-probe" })
        #expect(probe.evaluator == "test-module")
        #expect(probe.evaluatorSHA256 == ModuleCatalogue.sha256(bytes))
        #expect(probe.score == 35)
        #expect(probe.findings.map(\.id) == ["low-value"])
        #expect(probe.findings.first?.severity == 0.7)
        let json = report.json.serialized()
        #expect(json.contains(#""evaluator":"test-module","evaluator_sha256":"\#(ModuleCatalogue.sha256(bytes))""#))
        // Read back, the digest survives.
        let reread = try Report.read(json: Array(json.utf8), file: "report.json").get()
        #expect(reread.assessments.first { $0.id == "module-probe" }?.evaluatorSHA256 == probe.evaluatorSHA256)
    }

    @Test("a module that misbehaves leaves its assessment unscored with a note, and the rest of the report as it was",
          arguments: TestModules.misbehaving.map(\.name))
    func misbehavingModule(name: String) throws {
        let hostile = try #require(TestModules.misbehaving.first { $0.name == name })
        let fixture = try ModuleCatalogue(module: try TestModules.bytes(hostile.wat), limits: "limits: {fuel: 2000000}")
        defer { fixture.remove() }
        let report = try fixture.report(value: 12)
        let probe = try #require(report.assessments.first { $0.id == "module-probe" })
        #expect(probe.score == nil)
        #expect(probe.status == .unscored)
        #expect(probe.findings.isEmpty)
        let note = try #require(probe.notes.first { $0.contains("The evaluator 'test-module'") }, "\(probe.notes)")
        #expect(note.contains(hostile.reason), "\(note)")
        #expect(note.hasSuffix("so this assessment was not scored."))
        let others = report.json.member("assessments").map { value -> JSONValue in
            guard case .array(let items) = value else { return value }
            return .array(items.filter { $0.member("id") != .string("module-probe") })
        }
        #expect(others == Self.ankleAlone)
    }

    /// Found by a review: a module that failed only on the probe's calls was asked about
    /// every sampled value, each call spending its whole budget, and the report then claimed
    /// that no value raises its finding, with no note.
    @Test("a module that fails only when probed for the charts is asked once, named in a note, and shades nothing")
    func moduleFailingOnlyWhenProbed() throws {
        let fixture = try ModuleCatalogue(module: try TestModules.bytes(TestModules.loopsWhenProbed), limits: "limits: {fuel: 2000000}")
        defer { fixture.remove() }
        let started = ContinuousClock.now
        let report = try fixture.report(value: 12)
        let elapsed = ContinuousClock.now - started
        let probe = try #require(report.assessments.first { $0.id == "module-probe" })
        // The person's own answers were scored.
        #expect(probe.score == 40)
        #expect(probe.findings.map(\.id) == ["low-value"])
        let note = try #require(probe.notes.first { $0.contains("The evaluator 'test-module'") }, "\(probe.notes)")
        #expect(note.contains("ran out of its instruction budget"), "\(note)")
        #expect(note.hasSuffix("when asked about other values of the answers, so the report does not show which values would raise a finding."), "\(note)")
        #expect(!note.contains("not scored"), "\(note)")
        // No scan cut short by the failure is reported as "nothing here raises a finding".
        #expect(probe.inputs.allSatisfy { $0.flagged.isEmpty }, "\(probe.inputs.map(\.flagged))")
        // One failed trial, not the ~100 of a sampled scan: far under a second even in a debug build.
        #expect(elapsed < .seconds(5), "\(elapsed)")
    }

    @Test("a module refused at load is an error at the module's line", arguments: TestModules.refused.map(\.name))
    func refusedModule(name: String) throws {
        let hostile = try #require(TestModules.refused.first { $0.name == name })
        let fixture = try ModuleCatalogue(module: try TestModules.bytes(hostile.wat))
        defer { fixture.remove() }
        let result = fixture.load()
        #expect(result.catalogue == nil)
        let error = try #require(result.diagnostics.all.first { $0.message.contains("the module 'test-module.wasm'") })
        #expect(error.message.contains(hostile.reason), "\(error.message)")
        #expect(error.mark?.file.hasSuffix("test-module.yaml") == true)
        #expect(error.mark?.line == 4)
        // The assessment that names the evaluator is pointed at its errors, not told that no
        // evaluator of that name exists.
        let messages = result.diagnostics.all.map(\.message)
        #expect(!messages.contains { $0.hasPrefix("unknown evaluator") }, "\(messages)")
        #expect(messages.contains { $0.contains("could not be loaded; fix its errors first") && $0.contains("test-module.yaml:") }, "\(messages)")
    }

    @Test("a digest that does not match the module is an error at the sha256 line")
    func digestMismatch() throws {
        let fixture = try ModuleCatalogue(
            module: try TestModules.bytes(TestModules.wat()), sha256: String(repeating: "0", count: 64))
        defer { fixture.remove() }
        let error = try #require(fixture.load().diagnostics.all.first { $0.message.contains("SHA-256") })
        #expect(error.message.contains("not the 0000"))
        #expect(error.mark?.line == 5)
    }

    @Test("a module path that leaves the catalogue folder, or names nothing, is refused",
          arguments: ["../x.wasm", "/etc/passwd", "sub/../../x.wasm", "missing.wasm"])
    func escapingPath(path: String) throws {
        let fixture = try ModuleCatalogue(module: try TestModules.bytes(TestModules.wat()), modulePath: path)
        defer { fixture.remove() }
        try Data(try TestModules.bytes(TestModules.wat())).write(to: fixture.folder.deletingLastPathComponent().appendingPathComponent("x.wasm"))
        let error = try #require(fixture.load().diagnostics.all.first { $0.message.contains("inside the catalogue folder") })
        #expect(error.mark?.line == 4)
    }

    @Test("the scoring block is checked against the declared keys, each problem at its place")
    func scoringKeysAreChecked() throws {
        let fixture = try ModuleCatalogue(
            module: try TestModules.bytes(TestModules.wat()), scoring: "{value: valeu, finding: no-such, extra: 1}")
        defer { fixture.remove() }
        let messages = fixture.load().diagnostics.all.map(\.message)
        #expect(messages.contains { $0.contains("unknown input 'valeu'") && $0.contains("value") })
        #expect(messages.contains { $0.contains("unknown finding 'no-such'") })
        #expect(messages.contains { $0.contains("unknown key 'extra'") })
    }

    @Test("backcheck_check's errors land on the node their path names")
    func moduleCheckErrors() throws {
        let answer = #"{"errors":[{"path":"finding","message":"pick another finding"}]}"#
        let escaped = answer.replacingOccurrences(of: "\"", with: "\\\"")
        let checking = TestModules.wat(extra: """
            (data (i32.const 3072) "\(escaped)")
            (func (export "backcheck_check") (param i32 i32) (result i64)
              (i64.or (i64.shl (i64.const 3072) (i64.const 32)) (i64.const \(answer.utf8.count))))
            """)
        let fixture = try ModuleCatalogue(module: try TestModules.bytes(checking), scoring: "\n  value: value\n  finding: low-value")
        defer { fixture.remove() }
        let error = try #require(fixture.load().diagnostics.all.first { $0.message.contains("pick another finding") })
        #expect(error.message.contains("checked by the evaluator 'test-module'"))
        #expect(error.mark?.line == 17)
    }

    @Test("an evaluator document is found however its kind is quoted or spaced, and reported when it cannot be")
    func evaluatorDocumentsAreNeverSkippedSilently() throws {
        let fixture = try ModuleCatalogue(module: try TestModules.bytes(TestModules.wat(output: #"{"score":64,"findings":[]}"#)))
        defer { fixture.remove() }
        let path = fixture.folder.appendingPathComponent("test-module.yaml")
        let yaml = try String(contentsOf: path, encoding: .utf8)
        for spelling in [#""kind" : "evaluator""#, "kind:   'evaluator'"] {
            try yaml.replacingOccurrences(of: "kind: evaluator", with: spelling).write(to: path, atomically: true, encoding: .utf8)
            #expect(try fixture.report(value: 10).assessments.first { $0.id == "module-probe" }?.score == 64, "\(spelling)")
        }
        // An escape the scan cannot read: an error at the kind, not a silently missing evaluator.
        try yaml.replacingOccurrences(of: "kind: evaluator", with: #"kind: "\x65valuator""#).write(to: path, atomically: true, encoding: .utf8)
        let error = try #require(fixture.load().diagnostics.all.first { $0.message.contains("write its kind on one line") })
        #expect(error.mark?.line == 2)
    }

    @Test("an evaluator id a built-in evaluator has is refused")
    func clashingID() throws {
        let fixture = try ModuleCatalogue(module: try TestModules.bytes(TestModules.wat()))
        defer { fixture.remove() }
        let path = fixture.folder.appendingPathComponent("test-module.yaml")
        let yaml = try String(contentsOf: path, encoding: .utf8).replacingOccurrences(of: "id: test-module", with: "id: thresholds")
        try yaml.write(to: path, atomically: true, encoding: .utf8)
        #expect(fixture.load().diagnostics.all.contains { $0.message.contains("'thresholds' is taken by an evaluator built into the program") })
    }

    @Test("an evaluator another catalogue's takes over is warned about, unless it says 'replaces'")
    func anEvaluatorTakenOverByAnotherCatalogueIsWarnedAbout() throws {
        let first = try ModuleCatalogue(module: try TestModules.bytes(TestModules.wat()))
        let second = try ModuleCatalogue(module: try TestModules.bytes(TestModules.wat()))
        defer { first.remove(); second.remove() }
        try FileManager.default.removeItem(at: second.folder.appendingPathComponent("module-probe.yaml"))
        func load() -> CatalogueLoader.Result {
            let layers = [first, second].map { CatalogueLayer.fromDisk($0.folder.path).layer }
            return CatalogueLoader(registry: ModuleCatalogue.registry).load([.builtIn] + layers)
        }
        let warned = load().diagnostics.all.filter { $0.message.hasPrefix("this evaluator replaces the one with id 'test-module'") }
        #expect(warned.count == 1 && warned.first?.severity == .warning, "\(load().diagnostics.all)")
        #expect(warned.first?.mark?.file.hasPrefix(second.folder.path) == true)
        let path = second.folder.appendingPathComponent("test-module.yaml")
        try (try String(contentsOf: path, encoding: .utf8)).replacingOccurrences(of: "id: test-module", with: "id: test-module\nreplaces: test-module")
            .write(to: path, atomically: true, encoding: .utf8)
        #expect(!load().diagnostics.all.contains { $0.message.hasPrefix("this evaluator replaces") })
    }
}

extension JSONValue {
    /// The member `key` of an object.
    func member(_ key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }
}
