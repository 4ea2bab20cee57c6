import Foundation
import AssessmentKit
import BuiltinEvaluators
import BackCheckYAML

/// Loads catalogue text the way `--catalog` would, on top of the built-in catalogue.
func load(_ files: [String: String], builtIn: Bool = true) -> CatalogueLoader.Result {
    let layer = CatalogueLayer(
        name: "test",
        files: files.sorted { $0.key < $1.key }.map { CatalogueLayer.File(path: $0.key, bytes: Array($0.value.utf8)) })
    return CatalogueLoader(registry: .builtIn).load(builtIn ? [.builtIn, layer] : [layer])
}

/// Loads files given as bytes (another encoding, say) as ``load(_:builtIn:)`` loads text.
func load(bytes files: [String: [UInt8]]) -> CatalogueLoader.Result {
    let layer = CatalogueLayer(name: "test", files: files.sorted { $0.key < $1.key }.map { CatalogueLayer.File(path: $0.key, bytes: $0.value) })
    return CatalogueLoader(registry: .builtIn).load([.builtIn, layer])
}

/// The diagnostics as `LINE:COLUMN: MESSAGE` strings, for compact assertions.
func placed(_ result: CatalogueLoader.Result) -> [String] {
    result.diagnostics.sorted.map { diagnostic in
        let mark = diagnostic.mark.map { "\($0.line):\($0.column)" } ?? "-"
        return "\(mark): \(diagnostic.message)"
    }
}

/// A small valid assessment; tests break one thing at a time with `replacing`.
let validAssessment = """
    kind: assessment
    id: single-leg-squat
    version: 1
    title: Single-leg squat
    category: technique
    duration_min: 3
    summary: Knee control on one leg.
    instructions: |
      1. Stand on one leg.
      2. Squat to about 60 degrees of knee bend, five times.
    inputs:
      knee_valgus:
        label: Did the knee move inside the foot?
        type: boolean
        sides: [left, right]
      depth:
        label: Knee bend at the bottom
        type: number
        unit: deg
        range: [0, 120]
        optional: true
    evaluator: checklist
    scoring:
      items:
        - when: knee_valgus
          finding: knee-cave
          severity: 0.5
    findings:
      knee-cave:
        title: Knee caves in
        explain: The knee drifting in shifts load up the chain.
        tier: technique
        recommend:
          - exercise: goblet-squat
    evidence: {level: low, note: Visual rating.}
    references: [Ageberg E et al. BMC Musculoskelet Disord. 2010;11:265.]
    examples:
      - name: caves on the left
        answers: {knee_valgus: {left: true, right: false}}
        expect:
          findings: [{id: knee-cave, side: left}]
          not_findings: [{id: knee-cave, side: right}]
    """

extension String {
    /// The text with the first occurrence of `old` replaced, failing loudly if absent.
    func replacing(_ old: String, with new: String) -> String {
        guard let range = range(of: old) else { fatalError("fixture has no '\(old)'") }
        return replacingCharacters(in: range, with: new)
    }
}
