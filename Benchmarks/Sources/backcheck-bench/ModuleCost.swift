import AssessmentKit
import BackCheckPluginAPI
import BackCheckYAML
import BuiltinEvaluators
import FoundationEssentials
import Synchronization
import WebAssemblyEvaluators

/// (f): what a WebAssembly evaluator costs, beside a compiled one doing the same job.
///
/// The module is `linear-curve` scoring `side-bridge-curve` (Plugins/linear-curve); its twin
/// is the same assessment scored by the built-in `thresholds` plugin (one rule per side, the
/// same finding). Both are measured in the same run: single evaluations, and whole reports —
/// which also call the evaluator many more times to find the values that raise each finding
/// for the charts — with the number of evaluator calls per report counted.
enum ModuleCost {
    /// Measures `count` evaluations (and a tenth as many reports) of each; with `twinFolder`,
    /// first writes the twin there, for `backcheck batch --catalog`.
    static func run(catalogue folder: String, count: Int, twinFolder: String?) {
        if let twinFolder {
            do {
                try FileManager.default.createDirectory(atPath: twinFolder, withIntermediateDirectories: true)
                try twinYAML.write(toFile: twinFolder + "/side-bridge-line.yaml", atomically: true, encoding: .utf8)
            } catch {
                BenchMain.fail("cannot write the twin into \(twinFolder): \(error)")
            }
        }
        let registry = PluginRegistry.builtIn.running(modulesWith: WebAssemblySandbox())
        let (layer, problems) = CatalogueLayer.fromDisk(folder)
        let twin = CatalogueLayer(name: "twin", files: [.init(path: "twin.yaml", bytes: Array(twinYAML.utf8))])
        let result = CatalogueLoader(registry: registry).load([.builtIn, layer, twin])
        // The baseline: the same module with a new instance for every call.
        let fresh = CatalogueLoader(registry: PluginRegistry.builtIn.running(modulesWith: WebAssemblySandbox(reusesInstances: false)))
            .load([.builtIn, layer]).catalogue?.assessment("side-bridge-curve")
        guard problems.isEmpty, let catalogue = result.catalogue, let fresh,
              let module = catalogue.assessment("side-bridge-curve"), let compiled = catalogue.assessment("side-bridge-line")
        else { BenchMain.fail("the module catalogue does not load: \(problems) \(result.diagnostics.all.map(\.description))") }
        let holds = (0..<120).map { Double($0 * 3) }
        func input(_ index: Int) -> EvaluationInput {
            EvaluationInput(
                bindings: Bindings(["side_bridge": .bilateral(left: .number(holds[index % 120]), right: .number(holds[(index * 7) % 120]))]),
                profile: Profile(sex: .female, age: 30))
        }
        for (label, assessment, runs) in [("fresh", fresh, count / 20), ("module", module, count), ("compiled", compiled, count)] {
            var findings = 0
            let (_, time) = Measure.time {
                for index in 0..<runs { findings &+= assessment.evaluator.evaluate(input(index)).findings.count }
            }
            print("module-cost \(label): \(runs) evaluations, \(findings) findings")
            report("module.\(label).us_per_evaluation", time / Double(runs) * 1e6, "us", digits: 2)
        }
        let builder = ReportBuilder(catalogue: catalogue)
        for (label, assessment) in [("module", module), ("compiled", compiled)] {
            let counted = Counting(inner: assessment.evaluator)
            var wrapped = assessment
            wrapped.evaluator = counted
            let sets = (0..<120).map { index in
                AnswerSet(profile: Profile(sex: .female, age: 30), entries: [.init(
                    assessment: wrapped,
                    answers: AssessmentAnswers(values: ["side_bridge": .bilateral(left: .number(holds[index]), right: .number(holds[(index * 7) % 120]))]))],
                    screenedElsewhere: true)
            }
            let reports = count / 10
            var bytes = 0
            let (_, time) = Measure.time {
                for index in 0..<reports {
                    bytes &+= builder.report(for: sets[index % sets.count], generatedAt: "2026-01-01T00:00:00Z").json.serialized().utf8.count
                }
            }
            let calls = Double(counted.calls.load(ordering: .relaxed)) / Double(reports)
            print("module-cost \(label): \(reports) reports, \(bytes / reports) bytes of JSON each, \(calls) evaluator calls each")
            report("module.\(label).us_per_report", time / Double(reports) * 1e6, "us", digits: 1)
            report("module.\(label).calls_per_report", calls, "calls", digits: 1)
        }
    }

    /// An evaluator that counts its calls.
    final class Counting: Evaluator {
        let inner: any Evaluator
        let calls = Atomic<Int>(0)
        init(inner: any Evaluator) { self.inner = inner }
        func evaluate(_ input: EvaluationInput) -> BackCheckPluginAPI.Evaluation {
            calls.add(1, ordering: .relaxed)
            return inner.evaluate(input)
        }
    }

    /// `side-bridge-curve` with `thresholds` in place of the module: under 75 s raises the finding.
    static let twinYAML = """
        format: 1
        kind: assessment
        id: side-bridge-line
        version: 1
        title: Side bridge hold against a line
        category: endurance
        regions: [lumbar]
        duration_min: 12
        summary: The benchmark's twin of side-bridge-curve.
        equipment: []
        instructions: Hold a side bridge on each side.
        inputs:
          side_bridge: {label: Side bridge hold, type: duration, unit: s, range: [0, 600], sides: [left, right], lower_is_better: false}
        evaluator: thresholds
        scoring:
          rules:
            - when: side_bridge < 75
              finding: short-side-bridge
              severity: clamp((75 - side_bridge) / 50, 0, 1)
              evidence: "{side} {side_bridge} s; 50 is scored at 75 s"
        findings:
          short-side-bridge:
            title: Short side bridge
            explain: The benchmark's twin.
            tier: endurance
            recommend:
              - exercise: side-plank
        evidence: {level: low, note: The benchmark's twin; 75 s is the module's median point (McGill).}
        references: [none]
        """
}
