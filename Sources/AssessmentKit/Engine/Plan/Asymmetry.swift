import BackCheckExpressions
import BackCheckPluginAPI

/// Decides which one-sided findings count as a left/right asymmetry beyond measurement
/// error, which raises their weight in the plan by ``factor``.
///
/// A finding raised on side S counts when all of these hold:
/// 1. it is not raised on the other side of the same assessment;
/// 2. the assessment has a bilateral numeric input with an `mdc`, answered on both sides,
///    whose |left − right| is larger than the `mdc`;
/// 3. changing that input on side S alone, every other answer unchanged, can switch the
///    finding on or off (found by ``InputProbe``), so the difference is about this finding.
enum Asymmetry {
    /// How much an asymmetric finding's weight is raised.
    static let factor = 1.5

    static func findings(_ result: AssessmentResult, scans: [InputProbe.Scan], probe: InputProbe) -> Set<FindingKey> {
        let raised = Set(result.findings.map { FindingKey(id: $0.id, side: $0.side) })
        var asymmetric: Set<FindingKey> = []
        for finding in raised {
            guard let side = finding.side, !raised.contains(FindingKey(id: finding.id, side: side.opposite)) else { continue }
            let dependsOnDifference = scans.contains { scan in
                scan.side == side && beyondMDC(scan.input, result.answers) && probe.toggles(finding, in: scan)
            }
            if dependsOnDifference { asymmetric.insert(finding) }
        }
        return asymmetric
    }

    /// Whether a bilateral numeric input's sides differ by at least its MDC (spec 3.1: only a
    /// difference smaller than the MDC is within measurement error).
    static func beyondMDC(_ input: AssessmentInput, _ answers: AssessmentAnswers) -> Bool {
        difference(input, answers).flatMap { $0.beyondMDC } ?? false
    }

    /// The left/right difference of a bilateral numeric input answered on both sides.
    static func difference(_ input: AssessmentInput, _ answers: AssessmentAnswers) -> LeftRightDifference? {
        guard input.bilateral, input.spec.isNumeric,
              case .bilateral(let left, let right)? = answers.values[input.name],
              let l = left?.numberValue, let r = right?.numberValue else { return nil }
        // Judged as shown (to 2 decimals): 10.2 - 8.3 and 10.3 - 8.4 are both 1.9, whatever the
        // binary fractions make of them.
        let gap = Rounding.twoDecimals(abs(l - r))
        let lower: Side? = l < r ? .left : r < l ? .right : nil
        return LeftRightDifference(difference: gap, lowerSide: lower, beyondMDC: input.spec.mdc.map { gap >= $0 })
    }
}
