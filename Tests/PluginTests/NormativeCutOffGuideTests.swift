import BackCheckExpressions
import BackCheckPluginAPI
import NormativeEvaluator
import Testing

/// A normed measure's cut-off comes with a guide for the report's search (`CutOff.guide`):
/// a number crossing 0 where the finding starts. The search the guide leads must close on the
/// same change as plain halving, for every kind of norm: higher or lower is better, one band
/// or bands by age, a sex given or the stricter band assumed.
@Suite struct NormativeCutOffGuideTests {
    static let profiles = [
        Profile(sex: .female, age: 29), Profile(sex: .male, age: 20), Profile(sex: .male, age: 33), Profile(sex: .male, age: 70),
        Profile(age: 45), Profile(),
    ]

    static func cutOffs() throws -> [CutOff] {
        let scoring = try evaluator(NormativePlugin(), """
            scoring:
              norms: mcgill-test
              measures:
                flexor_hold: {norm: trunk_flexion, below_percentile: 25, finding: low-flexor-endurance}
                side_bridge: {norm: {left: side_bridge_left, right: side_bridge_right}, below_percentile: 10, finding: low-side-bridge-endurance}
                five_sit_to_stand: {norm: sit_to_stand_time, below_percentile: 25, finding: slow-sit-to-stand, lower_is_better: true}
                knee_angle: {norm: knee_extension, below_percentile: 2.5, finding: tight-hamstrings}
            """, in: normativeContext)
        let stated = try #require(scoring.statedConditions(of: .notReading([]), concerning: nil))
        #expect(stated.cutOffs.count == 6)
        return stated.cutOffs
    }

    @Test(arguments: profiles) func theGuidedSearchFindsTheChangeHalvingFinds(profile: Profile) throws {
        let domain = 0.0...600.0
        for cutOff in try Self.cutOffs() {
            let guide = try #require(cutOff.guide, "\(cutOff.input) has no guide")
            let raises = { (value: Double) in cutOff.raises(value, profile) }
            var looks = 0
            let guided = ChangePoints.bracket(in: domain) { value in
                looks += 1
                return ChangePoints.Look(outcome: raises(value), measure: guide(value, profile))
            }
            let halved = ChangePoints.change(of: raises, in: domain)
            let what = "\(cutOff.input) \(cutOff.side.map { "\($0)" } ?? "") for \(profile)"
            try #require(guided.count == 2 && halved.count == 2, "no change found for \(what)")
            // A real change: the finding is raised on one side of the bracket and not the other.
            #expect(raises(guided[0]) != raises(guided[1]), "\(what)")
            #expect(guided[1] - guided[0] <= 2 * ChangePoints.resolution * max(1, abs(guided[1])), "\(what)")
            // The same change as halving finds, within the resolution both close to.
            #expect(abs(guided[0] - halved[0]) <= 4 * ChangePoints.resolution * max(1, abs(halved[0])), "\(what): \(guided) \(halved)")
            // The guide crosses 0 there, so the search takes a few looks, not thirty.
            #expect(looks <= 8, "\(what) took \(looks) looks")
        }
    }

    @Test(arguments: [2.5, 10, 25, 50, 90]) func theGuideIsZeroAtTheCutOffsPercentile(percentile: Double) throws {
        let scoring = try evaluator(NormativePlugin(), """
            scoring:
              norms: mcgill-test
              measures:
                flexor_hold: {norm: trunk_flexion, below_percentile: \(percentile), finding: low-flexor-endurance}
            """, in: normativeContext)
        let cutOff = try #require(scoring.statedConditions(of: .notReading([]), concerning: nil)?.cutOffs.first)
        let guide = try #require(cutOff.guide)
        let women = Profile(sex: .female, age: 29)
        // Women's trunk flexion in the test table: mean 149 s, SD 99 s.
        let point = value(atPercentile: percentile, mean: 149, sd: 99)
        #expect(abs(try #require(guide(point, women))) < 1e-6)
        // One SD higher is one unit further on (higher is better: past the cut-off).
        #expect(abs(try #require(guide(point + 99, women)) - 1) < 1e-6)
    }
}
