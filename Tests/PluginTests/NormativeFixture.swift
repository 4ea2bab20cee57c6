import BackCheckExpressions
import BackCheckPluginAPI

/// A norms table shaped like McGill 1999 Table A, plus a lower-is-better measure and an
/// age-banded one (values invented for the tests).
let testNorms = NormsTable(
    id: "mcgill-test", source: "Test table", population: "test adults",
    measures: [
        "trunk_flexion": NormMeasure(unit: "s", male: [NormBand(mean: 144, sd: 76)], female: [NormBand(mean: 149, sd: 99)]),
        "trunk_extension": NormMeasure(unit: "s", male: [NormBand(mean: 208, sd: 55)], female: [NormBand(mean: 185, sd: 60)]),
        "side_bridge_left": NormMeasure(unit: "s", male: [NormBand(mean: 94, sd: 34)], female: [NormBand(mean: 72, sd: 31)]),
        "side_bridge_right": NormMeasure(unit: "s", male: [NormBand(mean: 97, sd: 35)], female: [NormBand(mean: 77, sd: 35)]),
        "sit_to_stand_time": NormMeasure(unit: "s", male: [NormBand(mean: 10, sd: 2)], female: [NormBand(mean: 11, sd: 2)]),
        "knee_extension": NormMeasure(
            unit: "deg",
            male: [NormBand(ages: 18...24, mean: 20, sd: 5), NormBand(ages: 25...40, mean: 25, sd: 6)],
            female: [NormBand(ages: 18...24, mean: 15, sd: 5), NormBand(ages: 25...40, mean: 18, sd: 6)]),
    ])

/// An endurance battery and a mobility test that use the table.
let normativeContext = makeContext(
    inputs: [
        InputSpec(name: "flexor_hold", label: "Flexor hold", type: .duration, unit: "s"),
        InputSpec(name: "extensor_hold", label: "Extensor hold", type: .duration, unit: "s", optional: true),
        InputSpec(name: "side_bridge", label: "Side bridge", type: .duration, unit: "s", bilateral: true),
        InputSpec(name: "five_sit_to_stand", label: "Five sit-to-stands", type: .duration, unit: "s"),
        InputSpec(name: "knee_angle", label: "Knee angle short of straight", type: .number, unit: "deg", bilateral: true),
        InputSpec(name: "hip_angle", label: "Hip angle", type: .number, unit: "deg"),
        InputSpec(name: "stance", label: "Stance", type: .choice, choices: ["narrow", "wide"]),
    ],
    findings: [
        FindingSpec(id: "low-flexor-endurance", title: "Low flexor endurance", tier: .endurance),
        FindingSpec(id: "low-extensor-endurance", title: "Low extensor endurance", tier: .endurance),
        FindingSpec(id: "low-side-bridge-endurance", title: "Low side bridge endurance", tier: .endurance),
        FindingSpec(id: "slow-sit-to-stand", title: "Slow sit to stand", tier: .strength),
        FindingSpec(id: "tight-hamstrings", title: "Tight hamstrings", tier: .mobility),
        FindingSpec(id: "extensor-deficit", title: "Extensors weaker than flexors", tier: .endurance),
    ],
    norms: [testNorms])

/// The percentile (0-100) of `value` for a normal distribution, for expected values.
func expectedPercentile(_ value: Double, mean: Double, sd: Double) -> Double {
    100 * NormalDistribution.cdf((value - mean) / sd)
}

/// The spec's sub-score: 100 at or above the mean, 0 at 2 SD below, linear between.
func expectedSubScore(_ value: Double, mean: Double, sd: Double) -> Double {
    value >= mean ? 100 : max(0, 100 * (1 - (mean - value) / (2 * sd)))
}

/// The spec's default severity below the cut-off.
func expectedSeverity(percentile: Double, cutOff: Double) -> Double {
    min(1, max(0.3, 1 - percentile / cutOff))
}

/// The value whose percentile is `percentile` under `mean` and `sd`, found by bisection.
func value(atPercentile percentile: Double, mean: Double, sd: Double) -> Double {
    var low = mean - 10 * sd
    var high = mean + 10 * sd
    for _ in 0..<200 {
        let middle = (low + high) / 2
        if expectedPercentile(middle, mean: mean, sd: sd) < percentile { low = middle } else { high = middle }
    }
    return (low + high) / 2
}
