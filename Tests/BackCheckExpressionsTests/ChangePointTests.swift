import BackCheckExpressions
import Testing

/// Where an expression's outcome can change as one input varies: found by reasoning over
/// stretches on which every part is monotone, cutting at the points where a part turns.
@Suite("Change points")
struct ChangePointTests {
    /// The change points of `source` as `flexor_hold` (or `variation`) runs over `domain`,
    /// `extensor_hold` held at 40 and `side_bridge` at 40 on the right.
    static func points(
        _ source: String, varying variation: Variation = Variation(name: "flexor_hold", side: nil),
        over domain: ClosedRange<Double> = 0...100, derived: [(name: String, expression: Expression)] = []
    ) throws -> [Double]? {
        try located(source, varying: variation, over: domain, derived: derived)?.points
    }

    /// ``points(_:varying:over:derived:)`` with what each point is.
    static func located(
        _ source: String, varying variation: Variation = Variation(name: "flexor_hold", side: nil),
        over domain: ClosedRange<Double> = 0...100, derived: [(name: String, expression: Expression)] = []
    ) throws -> ChangePoints.Located? {
        var scope = testScope
        for (name, _) in derived { scope.declare(name, NameInfo(kind: .number)) }
        let expression = try compiled(source, scope: scope)
        return ChangePoints.locate(
            in: [(expression, expression.isPerSide ? [.left, .right] : [nil])], varying: variation, over: domain,
            derived: Dictionary(uniqueKeysWithValues: derived.map { ($0.name, $0.expression) })
        ) { value in
            var bindings = Bindings([
                "flexor_hold": .single(.number(30)), "extensor_hold": .single(.number(40)),
                "side_bridge": .bilateral(left: .number(50), right: .number(40)),
            ])
            switch (variation.name, variation.side) {
            case ("side_bridge", .left?): bindings["side_bridge"] = .bilateral(left: .number(value), right: .number(40))
            case (let name, _): bindings[name] = .single(.number(value))
            }
            for (name, expression) in derived {
                if case .value(let result) = expression.evaluate(bindings, side: nil) { bindings[name] = .single(result) }
            }
            return bindings
        }
    }

    /// Whether `points` holds a point within the resolution of each of `expected`, and the ends.
    static func has(_ points: [Double]?, _ expected: [Double], domain: ClosedRange<Double> = 0...100) -> Bool {
        guard let points else { return false }
        let wanted = expected + [domain.lowerBound, domain.upperBound]
        return wanted.allSatisfy { value in points.contains { abs($0 - value) <= 2e-8 * max(1, abs(value)) } }
    }

    @Test func aComparisonChangesWhereItsSidesMeet() throws {
        let points = try Self.points("flexor_hold > 12.5")
        #expect(Self.has(points, [12.5]))
        #expect(points?.count == 4)
    }

    @Test("a bracket's low end shares the stretch below it, its high end the one above; ends and flips may be changes of their own")
    func eachPointSaysWhichStretchItShares() throws {
        let located = try #require(try Self.located("flexor_hold > 12.5"))
        #expect(located.points.count == 4)
        let (low, high) = (located.points[1], located.points[2])
        #expect(low < 12.5 + 1e-7 && high > 12.5 - 1e-7)
        #expect(located.stretch(at: low) == .below && located.stretch(at: high) == .above)
        #expect(located.stretch(at: 0) == nil && located.stretch(at: 100) == nil)
        let flip = try #require(try Self.located("weaker_side(side_bridge) == 'left'", varying: Variation(name: "side_bridge", side: .left)))
        #expect(flip.exact.contains(40) && flip.stretch(at: 40) == nil)
        // A point inside another change's bracket, or ending one and starting another, is asked about.
        let crossing = ChangePoints.Located(points: [0, 1, 2, 3, 10], brackets: [1...3, 2...2.5, 3...4], exact: [0, 10])
        #expect(crossing.stretch(at: 1) == .below)
        #expect(crossing.stretch(at: 2) == nil && crossing.stretch(at: 3) == nil)
    }

    @Test func aNarrowBandHasBothEdges() throws {
        // Between two samples of a 96-step scan of 0-100: sampling would miss it.
        #expect(Self.has(try Self.points("flexor_hold >= 46.61 and flexor_hold < 46.9"), [46.61, 46.9]))
        #expect(Self.has(try Self.points("flexor_hold == 33.3"), [33.3]))
    }

    @Test func partsThatTurnAreCutWhereTheyTurn() throws {
        #expect(Self.has(try Self.points("abs(flexor_hold - 53.3) > 10"), [43.3, 63.3]))
        #expect(Self.has(try Self.points("min(flexor_hold, 100 - flexor_hold) >= 20"), [20, 80]))
        #expect(Self.has(try Self.points("max(flexor_hold, extensor_hold) - extensor_hold > 30"), [70]))
    }

    @Test func aRatioIsCutAtItsPole() throws {
        let points = try Self.points("ratio(extensor_hold, flexor_hold - 20) > 4", over: 0...100)
        // 40 / (x - 20) > 4 between x = 20 (the pole, where it does not apply) and 30.
        #expect(Self.has(points, [20, 30]))
    }

    @Test func derivedValuesAreReasonedThrough() throws {
        let ratio = try compiled("ratio(flexor_hold, extensor_hold)")
        let points = try Self.points("flexor_ratio > 1.5", derived: [("flexor_ratio", ratio)])
        #expect(Self.has(points, [60]))
    }

    @Test func aChainOfDerivedValuesEachReadingTheLastTwiceIsReasonedAboutOnce() throws {
        // d1 = x + x, d2 = d1 + d1, ..., d40 = 2^40 x: walked naively, d40 would visit x 2^40 times.
        var scope = testScope
        var derived: [(name: String, expression: Expression)] = []
        var previous = "flexor_hold"
        for level in 1...40 {
            let name = "d\(level)"
            derived.append((name, try compiled("\(previous) + \(previous)", scope: scope)))
            scope.declare(name, NameInfo(kind: .number))
            previous = name
        }
        // 2^41: above it once x passes 2.
        let points = try Self.points("d40 > 2199023255552", derived: derived)
        #expect(Self.has(points, [2]))
    }

    @Test func asymmetryAndTheWeakerSideChangeWhereTheSidesMeet() throws {
        let left = Variation(name: "side_bridge", side: .left)
        // Right held at 40: asymmetry > 0.15 below 34 and above 40 / 0.85.
        #expect(Self.has(try Self.points("asymmetry(side_bridge) > 0.15", varying: left), [34, 40 / 0.85]))
        #expect(Self.has(try Self.points("weaker_side(side_bridge) == 'left'", varying: left), [40]))
    }

    @Test func whatCannotBeReasonedAboutIsSaid() throws {
        // A product of two moving parts may turn anywhere: the caller samples instead.
        #expect(try Self.points("flexor_hold * flexor_hold > 400") == nil)
        #expect(try Self.points("flexor_hold - flexor_hold / 2 > 10") == nil)
    }
}
