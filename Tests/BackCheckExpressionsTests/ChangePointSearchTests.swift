import BackCheckExpressions
import Testing

/// How many times the change-point search sets the input and evaluates: each is a run of the
/// expression (in a report, with the derived values computed again), thousands per person.
/// The search follows the number that crosses 0 at a change (a comparison's difference, a
/// denominator), so a straight line is closed on in a couple of looks and a curve in far fewer
/// than the 25-30 halvings down to the resolution would take.
@Suite("Change-point search")
struct ChangePointSearchTests {
    /// The points of `source` as `variation` runs over `domain`, and how many times the input
    /// was set to find them (`flexor_hold` 30, `extensor_hold` 40, `side_bridge` 50/40 held).
    static func search(
        _ source: String, varying variation: Variation = Variation(name: "flexor_hold", side: nil),
        over domain: ClosedRange<Double> = 0...100
    ) throws -> (points: [Double], looks: Int) {
        let expression = try compiled(source)
        var looks = 0
        let located = ChangePoints.locate(
            in: [(expression, expression.isPerSide ? [.left, .right] : [nil])], varying: variation, over: domain, derived: [:]
        ) { value in
            looks += 1
            var bindings = Bindings([
                "flexor_hold": .single(.number(30)), "extensor_hold": .single(.number(40)),
                "side_bridge": .bilateral(left: .number(50), right: .number(40)),
            ])
            bindings[variation.name] = variation.side == .left
                ? .bilateral(left: .number(value), right: .number(40)) : .single(.number(value))
            return bindings
        }
        return (try #require(located).points, looks)
    }

    /// Whether `points` holds a point within the resolution of `value`.
    static func has(_ points: [Double], _ value: Double) -> Bool {
        points.contains { abs($0 - value) <= 2e-8 * max(1, abs(value)) }
    }

    @Test("a straight comparison is closed on in a few looks")
    func aStraightComparison() throws {
        let (points, looks) = try Self.search("flexor_hold * 3 - 20 > 17.5")
        #expect(Self.has(points, 12.5))
        #expect(looks <= 6, "\(looks) looks")
    }

    @Test("a turn of abs() is found in a few looks, not by halving")
    func aTurnOfAbs() throws {
        let (points, looks) = try Self.search("abs(flexor_hold - 53.3) > 10")
        #expect(Self.has(points, 43.3) && Self.has(points, 63.3))
        // 20 looks; halving took 71, 30 of them for the cut at 53.3 alone.
        #expect(looks <= 30, "\(looks) looks")
    }

    @Test("a curved comparison is closed on in fewer looks than halving takes")
    func aCurvedComparison() throws {
        let left = Variation(name: "side_bridge", side: .left)
        let (points, looks) = try Self.search("asymmetry(side_bridge) > 0.15", varying: left)
        #expect(Self.has(points, 34) && Self.has(points, 40 / 0.85))
        // 22 looks; halving took 37.
        #expect(looks <= 30, "\(looks) looks")
        let (poles, poleLooks) = try Self.search("ratio(extensor_hold, flexor_hold - 20) > 4")
        #expect(Self.has(poles, 20) && Self.has(poles, 30))
        // 63 looks; halving took 104.
        #expect(poleLooks <= 80, "\(poleLooks) looks")
    }

    @Test("a number that misleads the search costs looks, never the right bracket")
    func aMisleadingNumber() {
        // The number says the change is at 90; the outcome says 10.
        var looks = 0
        let bracket = ChangePoints.bracket(in: 0...100) { (x: Double) -> ChangePoints.Look<Bool> in
            looks += 1
            return ChangePoints.Look(outcome: x > 10, measure: x - 90)
        }
        #expect(bracket.count == 2 && bracket[0] <= 10 && bracket[1] > 10 && bracket[1] - bracket[0] <= 1e-7)
        #expect(looks <= 70, "\(looks) looks")
    }
}

/// The search's promise, over many monotone outcomes and the numbers beside them (straight,
/// curved, near a pole, flat in a band around the change, or pointing elsewhere): a bracket
/// whose ends see the two outcomes, no wider than the resolution, in at most about twice the
/// looks of plain halving.
@Suite("Change-point search, many shapes")
struct ChangePointSearchShapeTests {
    /// A small deterministic generator, so a failure names its case.
    struct Generator {
        var state: UInt64
        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    @Test(arguments: 0..<5)
    func everyBracketHoldsTheChange(shape: Int) {
        var random = Generator(state: UInt64(shape + 1) * 0x9E37_79B9)
        for trial in 0..<200 {
            let low = random.next() * 200 - 100
            let high = low + 0.001 + random.next() * 1000
            let change = low + (high - low) * (0.001 + 0.998 * random.next())
            let measure: (Double) -> Double = switch shape {
            case 0: { ($0 - change) * 3 }
            case 1: { x in 1 / (change - low + 1) - 1 / (x - low + 1) }
            case 2: { x in (x - low) * (x - low) - (change - low) * (change - low) }
            case 3: { x in abs(x - change) < 1e-9 * max(1, abs(change)) ? 0 : x - change }
            default: { x in x - (low + (high - low) * 0.9) }
            }
            var looks = 0
            let bracket = ChangePoints.bracket(in: low...high) { (x: Double) -> ChangePoints.Look<Bool> in
                looks += 1
                return ChangePoints.Look(outcome: x > change, measure: measure(x))
            }
            let context = "shape \(shape), trial \(trial): \(low)...\(high), change at \(change)"
            #expect(bracket.count == 2, "\(context)")
            guard bracket.count == 2 else { continue }
            #expect(bracket[0] <= change && bracket[1] > change, "\(context): \(bracket)")
            #expect(bracket[1] - bracket[0] <= 1.01 * ChangePoints.resolution * max(1, abs(bracket[0])), "\(context): \(bracket)")
            let halvings = ((high - low) / (ChangePoints.resolution * max(1, abs(change)))).exponent + 1
            #expect(looks <= 2 * halvings + 6, "\(context): \(looks) looks, halving takes \(halvings)")
        }
    }
}
