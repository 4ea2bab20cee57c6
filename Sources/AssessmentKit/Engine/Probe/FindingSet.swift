import BackCheckExpressions
import BackCheckPluginAPI

/// A set of raised findings of one assessment, each an (id, side) pair numbered by the
/// finding's place in the assessment, so the probe compares hundreds of trial runs with bit
/// operations instead of hashing ids.
struct FindingSet: Hashable, Sendable {
    /// Members numbered below 64 (21 findings with their three sides).
    private var low: UInt64 = 0
    /// Members numbered 64 and up; empty (and unallocated) for ordinary assessments.
    private var high: Set<Int> = []

    /// The member number of finding `index` (its place in the assessment) on `side`.
    static func member(_ index: Int, side: Side?) -> Int {
        index * 3 + (side == nil ? 0 : side == .left ? 1 : 2)
    }

    /// The side a member number stands for.
    static func side(ofMember member: Int) -> Side? {
        switch member % 3 {
        case 0: nil
        case 1: .left
        default: .right
        }
    }

    var isEmpty: Bool { low == 0 && high.isEmpty }

    func contains(_ member: Int) -> Bool {
        member < 64 ? low & (1 << UInt64(member)) != 0 : high.contains(member)
    }

    mutating func insert(_ member: Int) {
        if member < 64 { low |= 1 << UInt64(member) } else { high.insert(member) }
    }

    func union(_ other: FindingSet) -> FindingSet {
        var result = self
        result.low |= other.low
        if !other.high.isEmpty { result.high.formUnion(other.high) }
        return result
    }

    func intersection(_ other: FindingSet) -> FindingSet {
        var result = FindingSet()
        result.low = low & other.low
        if !high.isEmpty, !other.high.isEmpty { result.high = high.intersection(other.high) }
        return result
    }

    func subtracting(_ other: FindingSet) -> FindingSet {
        var result = self
        result.low &= ~other.low
        if !high.isEmpty, !other.high.isEmpty { result.high.subtract(other.high) }
        return result
    }

    func isDisjoint(with other: FindingSet) -> Bool {
        low & other.low == 0 && (high.isEmpty || other.high.isEmpty || high.isDisjoint(with: other.high))
    }

    /// The members concerning `side`: those on that side and those without one.
    func concerning(_ side: Side?) -> FindingSet {
        guard let side else { return self }
        var result = FindingSet()
        result.low = low & (Self.noSideBits | (side == .left ? Self.leftBits : Self.rightBits))
        if !high.isEmpty { result.high = high.filter { Self.side(ofMember: $0) == side || Self.side(ofMember: $0) == nil } }
        return result
    }

    private static let noSideBits = bits(remainder: 0)
    private static let leftBits = bits(remainder: 1)
    private static let rightBits = bits(remainder: 2)

    private static func bits(remainder: Int) -> UInt64 {
        stride(from: remainder, to: 64, by: 3).reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
    }
}

extension FindingSet {
    /// `findings` as members, numbered by their place in `assessment`; findings it does not
    /// declare are dropped, as in a full run.
    init(_ findings: [RaisedFinding], of assessment: Assessment) {
        self.init()
        for finding in findings {
            guard let index = assessment.findings.firstIndex(where: { $0.id == finding.id }) else { continue }
            insert(Self.member(index, side: finding.side))
        }
    }
}
