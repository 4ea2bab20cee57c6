import AssessmentKit
import BuiltinEvaluators
import BackCheckYAML

/// A small catalogue written in the test, so engine tests do not change when the built-in
/// catalogue does.
enum TestCatalogue {
    static let exercises = """
        kind: exercise
        id: hip-stretch
        name: Hip stretch
        type: stretch
        dosage: {sets: 3, hold_s: 30, per_side: true, frequency: daily}
        instructions: "1. Stretch."
        ---
        kind: exercise
        id: deep-hip-stretch
        name: Deep hip stretch
        type: mobility
        dosage: {sets: 2, reps: 8, per_side: true}
        instructions: "1. Stretch deeper."
        ---
        kind: exercise
        id: plank
        name: Plank
        type: endurance
        dosage: {sets: 3, hold_s: 20}
        instructions: "1. Hold."
        ---
        kind: exercise
        id: squat
        name: Squat
        type: strength
        dosage: {sets: 3, reps: 10}
        instructions: "1. Squat."
        pattern: squat
        regression: box-sit
        ---
        kind: exercise
        id: box-sit
        name: Box sit
        type: technique
        dosage: {sets: 2, reps: 8}
        instructions: "1. Sit to a box and stand."
        loaded: false
        pattern: squat
        ---
        kind: exercise
        id: nerve-stretch
        name: Hamstring stretch
        type: stretch
        dosage: {sets: 2, hold_s: 30, per_side: true}
        instructions: "1. Stretch."
        stretches_nerve: true
        ---
        kind: exercise
        id: walk
        name: Walk
        type: load
        dosage: {duration_min: 20, frequency: daily}
        instructions: "1. Walk."
        loaded: false

        """

    static let hipTest = """
        kind: assessment
        id: hip-test
        version: 2
        title: Hip test
        category: mobility
        duration_min: 2
        summary: A test.
        instructions: "1. Measure."
        inputs:
          angle:
            label: Thigh angle
            type: number
            unit: deg
            range: [-40, 40]
            sides: [left, right]
            mdc: 5
        evaluator: thresholds
        scoring:
          rules:
            - when: angle > 0
              finding: tight-hip
              severity: clamp(angle / 20, 0.2, 1)
        findings:
          tight-hip:
            title: Tight hip
            explain: Why it matters.
            tier: mobility
            recommend:
              - exercise: hip-stretch
              - exercise: deep-hip-stretch
                when: angle > 10
        evidence: {level: low}
        references: [A reference.]

        """

    static let coreTest = """
        kind: assessment
        id: core-test
        version: 1
        title: Core test
        category: endurance
        duration_min: 3
        summary: A test.
        instructions: "1. Hold."
        inputs:
          hold:
            label: Hold time
            type: duration
            unit: s
            range: [0, 600]
            mdc: 10
          note_taken:
            label: Anything to note
            type: boolean
            optional: true
        evaluator: thresholds
        scoring:
          rules:
            - when: hold < 60
              finding: weak-core
              severity: 0.5
        findings:
          weak-core:
            title: Weak core
            explain: Why it matters.
            tier: endurance
            recommend:
              - exercise: plank
              - exercise: squat
              - exercise: hip-stretch
        evidence: {level: high}
        references: [A reference.]

        """

    static let screen = """
        kind: assessment
        id: screen
        version: 1
        title: Screen
        category: screening
        duration_min: 1
        summary: Questions.
        instructions: "1. Answer."
        inputs:
          numb: {label: Numb?, type: boolean}
          fever: {label: Fever?, type: boolean}
          long: {label: Long?, type: boolean}
        evaluator: red-flags
        scoring:
          flags:
            - {input: numb, finding: nerves}
            - {input: fever, finding: infection}
            - {input: long, finding: persistent}
        findings:
          nerves: {title: Nerve pressure, explain: Serious., tier: refer, urgency: emergency, advice: Go to the emergency department now.}
          infection: {title: Infection, explain: Serious., tier: refer, urgency: same-day, advice: See a doctor today.}
          persistent:
            title: Long pain
            explain: Worth a check.
            tier: refer
            urgency: soon
            advice: Book a physiotherapist.
            recommend:
              - exercise: walk
        evidence: {level: moderate}
        references: [A reference.]

        """

    /// Pain in a lift, a nerve-tension sign and tight hamstrings: what the plan's gate reads.
    static let liftTest = """
        kind: assessment
        id: lift-test
        version: 1
        title: Lift test
        category: load
        duration_min: 2
        summary: A test.
        instructions: "1. Lift."
        inputs:
          squat_pain: {label: Squat pain, type: integer, range: [0, 10], optional: true}
          slr: {label: Leg symptoms on a straight-leg raise, type: boolean, sides: [left, right], optional: true}
          tight: {label: Knee extension deficit, type: number, unit: deg, range: [0, 90], sides: [left, right], optional: true}
        evaluator: thresholds
        scoring:
          rules:
            - {when: answered(squat_pain) and squat_pain >= 4, finding: squat-hurts, severity: 0.5}
            - {when: answered(slr) and slr, finding: nerve, severity: 1}
            - {when: answered(tight) and tight > 20, finding: tight-hamstring, severity: 0.5}
        findings:
          squat-hurts:
            title: Squat hurts
            explain: Why it matters.
            tier: load
            painful_pattern: squat
            recommend: [{exercise: squat}]
          nerve:
            title: Nerve tension
            explain: Why it matters.
            tier: refer
            urgency: soon
            advice: See a physiotherapist.
            neural_tension: true
          tight-hamstring:
            title: Tight hamstring
            explain: Why it matters.
            tier: mobility
            recommend: [{exercise: nerve-stretch}]
        evidence: {level: high}
        references: [A reference.]

        """

    /// The screen answered in full, every answer no: loaded work is cleared.
    static let clearScreen = "screen: {numb: false, fever: false, long: false}"

    /// The catalogue of the documents above (plus any `extra` document), or the loader's
    /// diagnostics as the failure.
    static func load(_ extra: String = "") -> Catalogue {
        var files = [
            ("exercises.yaml", exercises), ("hip.yaml", hipTest), ("core.yaml", coreTest), ("screen.yaml", screen),
            ("lift.yaml", liftTest),
        ]
        if !extra.isEmpty { files.append(("extra.yaml", extra)) }
        let layer = CatalogueLayer(name: "test", files: files.map { CatalogueLayer.File(path: $0.0, bytes: Array($0.1.utf8)) })
        let result = CatalogueLoader(registry: .builtIn).load([layer])
        guard let catalogue = result.catalogue else {
            fatalError("test catalogue does not load:\n" + result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return catalogue
    }

    static let shared = load()

    /// Reads answers written as YAML against the test catalogue.
    static func answers(_ yaml: String, overrides: [AnswerOverride] = [], only: [String] = []) -> Result<AnswerSet, AnswerProblems> {
        AnswersFile.read(Array(yaml.utf8), file: "me.answers.yaml", catalogue: shared, overrides: overrides, only: only)
    }

    /// The report for answers that must be valid.
    static func report(_ yaml: String, maxExercises: Int = 6) throws -> Report {
        let set = try answers(yaml).get()
        return ReportBuilder(catalogue: shared, maxExercises: maxExercises).report(for: set, generatedAt: "2026-01-02T03:04:05Z")
    }
}
