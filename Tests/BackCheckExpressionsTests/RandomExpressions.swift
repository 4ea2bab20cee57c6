import BackCheckExpressions
import TestSupport

/// Random expressions and answers for the property tests that hold a compiled form of an
/// expression to the tree walk.
enum RandomExpressions {
    /// A random expression giving a number, at most `depth` levels deep, built on `leaves`
    /// with every numeric operator and function (divisors that may be 0, clamps whose bounds
    /// may cross).
    static func number(_ depth: Int, leaves: [String], _ random: inout SeededGenerator) -> String {
        guard depth > 0, Int.random(in: 0..<3, using: &random) > 0 else { return leaves.randomElement(using: &random)! }
        let x = number(depth - 1, leaves: leaves, &random)
        let y = number(depth - 1, leaves: leaves, &random)
        switch Int.random(in: 0..<9, using: &random) {
        case 0: return "(\(x) + \(y))"
        case 1: return "(\(x) - \(y))"
        case 2: return "(\(x) * \(y))"
        case 3: return "(\(x) / \(y))"
        case 4: return "ratio(\(x), \(y))"
        case 5: return "min(\(x), \(y), \(number(depth - 1, leaves: leaves, &random)))"
        case 6: return "max(\(x), \(y))"
        case 7: return "clamp(\(x), \(y), \(number(depth - 1, leaves: leaves, &random)))"
        default: return Bool.random(using: &random) ? "abs(\(x))" : "-\(x)"
        }
    }

    /// A random numeric answer: none, 0, or a multiple of 0.5 from -10 to 10.
    static func answer(_ random: inout SeededGenerator) -> Value? {
        switch Int.random(in: 0..<8, using: &random) {
        case 0: nil
        case 1: .number(0)
        default: .number(Double(Int.random(in: -20...20, using: &random)) / 2)
        }
    }
}

/// What a property test compared: how many values, and how many of them applied (a test whose
/// random cases nearly all apply, or nearly none, says little about the other kind).
struct Tally {
    private(set) var compared = 0
    private(set) var applied = 0

    mutating func count(applies: Bool) {
        compared += 1
        if applies { applied += 1 }
    }
}
