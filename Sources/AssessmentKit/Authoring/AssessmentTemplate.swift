/// The commented skeleton `backcheck new` writes: an assessment for a chosen evaluator with
/// its own exercise document (and norms, for `normative`), which lints clean as written so an
/// author starts from something that works and edits it.
public enum AssessmentTemplate {
    /// The evaluators a skeleton can be made for.
    public static let evaluators = ["thresholds", "normative", "checklist", "red-flags", "firing-order"]

    /// An answers file for the skeleton: its first example's answers, so the new assessment can
    /// be run the moment it is written (`backcheck run ID --catalog . --answers ID.answers.yaml`).
    public static func answers(id: String, evaluator: String) -> String? {
        guard let yaml = yaml(id: id, evaluator: evaluator) else { return nil }
        let lines = yaml.split(separator: "\n")
        guard let examples = lines.firstIndex(where: { $0.hasPrefix("examples:") }),
              let line = lines[examples...].first(where: { $0.drop { $0 == " " }.hasPrefix("answers: ") }),
              let colon = line.firstIndex(of: ":") else { return nil }
        let value = line[line.index(after: colon)...].drop { $0 == " " }
        return """
            # Answers to try \(id) with: backcheck run \(id) --catalog . --answers \(id).answers.yaml
            # (the first example's answers; files named *.answers.yaml are never read as catalogue documents)
            answers:
              \(id): \(value)

            """
    }

    /// The skeleton's YAML for assessment `id` scored by `evaluator`, or `nil` for an
    /// evaluator without a skeleton.
    public static func yaml(id: String, evaluator: String) -> String? {
        guard let body = bodies(id: id)[evaluator] else { return nil }
        let title = id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return """
            # A new BackCheck assessment. Edit it, then check it with: backcheck lint \(id).yaml
            # The format: `backcheck schema assessment`; the evaluator's keys: `backcheck plugins`.
            # Every number needs its source under `references`.
            kind: assessment
            id: \(id)
            version: 1                      # bump whenever scoring changes
            title: \(title)
            category: \(body.category)      # mobility | activation | endurance | strength | technique | load | screening
            regions: [lumbar]
            duration_min: 3                 # minutes it takes to perform
            summary: >
              What this test screens and why it matters for the lower back, in one paragraph.
            equipment: [\(body.equipment)]
            instructions: |
              1. The starting position, so a person can set up alone or with a partner.
              2. What to measure, and with what.
              3. How many trials, which one to record, and when to stop.
            \(body.inputs)
            evaluator: \(evaluator)
            \(body.scoring)
            \(body.findings)
            evidence:
              level: low                    # high | moderate | low: how far a result can be trusted
              note: Say how reliable and valid the test is, and for whom, with sources.
            references:
              - Author A, Author B. Title of the study. Journal. Year;Volume(Issue):pages.
            \(body.examples)
            \(body.extra)
            """ + "\n"
    }

    private struct Body {
        var category: String
        var equipment: String
        var inputs: String
        var scoring: String
        var findings: String
        var examples: String
        var extra: String
    }

    private static func bodies(id: String) -> [String: Body] {
        let exercise = """
            ---
            kind: exercise
            id: \(id)-drill
            name: A corrective drill
            type: mobility                  # stretch | mobility | activation | strength | endurance | technique | load
            targets: [hip-flexors]
            dosage: {sets: 2, reps: 10, per_side: true, frequency: daily}
            instructions: |
              1. Set up.
              2. Move slowly through the range.
            cues: [Keep the lower back still]
            cautions: [Stop if it causes pain]
            """
        func finding(_ tier: String) -> String {
            """
            findings:
              \(id)-finding:
                title: What the finding is called
                explain: Why it matters for the lower back, in one or two sentences.
                tier: \(tier)                  # technique | load | mobility | activation | endurance | strength | refer
                recommend:
                  - exercise: \(id)-drill
            """
        }
        return [
            "thresholds": Body(
                category: "mobility", equipment: "goniometer or phone inclinometer app",
                inputs: """
                    inputs:
                      angle:
                        label: Joint angle
                        help: How to read the angle, in plain words.
                        type: number
                        unit: deg
                        range: [0, 90]
                        sides: [left, right]          # one value per side
                    """,
                scoring: """
                    scoring:
                      rules:
                        - when: angle > 20            # a bare bilateral name runs once per side
                          finding: \(id)-finding
                          severity: clamp(angle / 40, 0.3, 1)
                          evidence: "{side} angle {angle} deg; target: at most 20 deg"
                    """,
                findings: finding("mobility"),
                examples: """
                    examples:
                      - name: left side over the cut-off
                        answers: {angle: {left: 30, right: 10}}
                        expect:
                          findings: [{id: \(id)-finding, side: left}]
                          not_findings: [{id: \(id)-finding, side: right}]
                      - name: both sides fine
                        answers: {angle: {left: 10, right: 12}}
                        expect: {not_findings: [\(id)-finding], status: good}
                    """,
                extra: exercise),
            "normative": Body(
                category: "endurance", equipment: "stopwatch",
                inputs: """
                    inputs:
                      hold:
                        label: Hold time
                        help: Start the watch when the position is reached; stop it when form is lost.
                        type: duration                # answers like 95, 95s, 1:35 or 1m35s
                        range: [0, 600]
                    """,
                scoring: """
                    scoring:
                      norms: \(id)-norms
                      measures:
                        hold: {norm: hold, below_percentile: 25, finding: \(id)-finding}
                    """,
                findings: finding("endurance"),
                examples: """
                    examples:
                      - name: short hold
                        profile: {sex: female, age: 30}
                        answers: {hold: 20}
                        expect: {findings: [\(id)-finding]}
                      - name: long hold
                        profile: {sex: male, age: 30}
                        answers: {hold: 2m30s}
                        expect: {not_findings: [\(id)-finding], status: good}
                    """,
                extra: exercise + """

                    ---
                    kind: norms
                    id: \(id)-norms
                    source: Author A. Title. Journal. Year;Volume(Issue):pages.
                    population: who was measured (how many men and women, ages)
                    note: Caveats about the values.
                    measures:
                      hold: {unit: s, male: {mean: 100, sd: 40}, female: {mean: 90, sd: 35}}
                    """),
            "checklist": Body(
                category: "technique", equipment: "a phone to film the lift from the side",
                inputs: """
                    inputs:
                      fault_seen:
                        label: Was the fault seen on the video?
                        help: What the fault looks like, in plain words.
                        type: boolean
                    """,
                scoring: """
                    scoring:
                      items:
                        - when: fault_seen
                          finding: \(id)-finding
                          severity: 0.6
                    """,
                findings: finding("technique"),
                examples: """
                    examples:
                      - name: fault seen
                        answers: {fault_seen: true}
                        expect: {findings: [\(id)-finding], status: poor}
                      - name: clean lift
                        answers: {fault_seen: false}
                        expect: {not_findings: [\(id)-finding], status: good}
                    """,
                extra: exercise),
            "red-flags": Body(
                category: "screening", equipment: "nothing",
                inputs: """
                    inputs:
                      warning_sign:
                        label: A plainly worded question a lifter understands?
                        help: Explain the medical term here, not in the question.
                        type: boolean
                    """,
                scoring: """
                    scoring:
                      flags:
                        - {input: warning_sign, finding: \(id)-finding}
                    """,
                findings: """
                    findings:
                      \(id)-finding:
                        title: What the warning sign may mean
                        explain: Why it needs a clinician before training.
                        tier: refer
                        urgency: soon                 # emergency | same-day | soon
                        advice: Book an appointment with your GP or a physiotherapist within a week or two.
                    """,
                examples: """
                    examples:
                      - name: warning sign present
                        answers: {warning_sign: true}
                        expect: {findings: [\(id)-finding], status: refer}
                      - name: no warning sign
                        answers: {warning_sign: false}
                        expect: {not_findings: [\(id)-finding], status: good}
                    """,
                extra: ""),
            "firing-order": Body(
                category: "activation", equipment: "a partner to watch",
                inputs: """
                    inputs:
                      onset:
                        label: Which muscles tightened, in order
                        help: List them in the order they were seen or felt to work.
                        type: sequence
                        choices: [glute_max, hamstrings, lumbar_erectors]
                        sides: [left, right]
                    """,
                scoring: """
                    scoring:
                      sequence: onset
                      expected_first: [glute_max, hamstrings]
                      finding: \(id)-finding
                      severity: 0.4
                    """,
                findings: finding("activation"),
                examples: """
                    examples:
                      - name: back leads on the left
                        answers: {onset: {left: [lumbar_erectors, glute_max], right: [glute_max, hamstrings]}}
                        expect:
                          findings: [{id: \(id)-finding, side: left}]
                          not_findings: [{id: \(id)-finding, side: right}]
                      - name: hips lead on both sides
                        answers: {onset: {left: [hamstrings, glute_max], right: [glute_max]}}
                        expect: {not_findings: [\(id)-finding]}
                    """,
                extra: exercise),
        ]
    }
}
