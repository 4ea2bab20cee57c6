import AssessmentKit
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the loader streams an author's files through: every result once, in order, with no
/// more than the window of them worked on or waiting.
@Suite struct InOrderWorkTests {
    @Test("results arrive in order, each once, whatever the work takes", arguments: [1, 3, 16])
    func resultsInOrder(window: Int) {
        let consumed = Atomic<Int>(0)
        let aheadOfWindow = Atomic<Int>(0)
        var results: [Int] = []
        ParallelMap.forEachInOrder(400, window: window) { index in
            // Claimed only while fewer than `window` are in flight besides the one being
            // consumed (counted below only once `consume` returns), so never this far ahead.
            if index > consumed.load(ordering: .acquiring) + window { aheadOfWindow.add(1, ordering: .relaxed) }
            usleep(UInt32((index * 7919) % 7) * 50)  // uneven, so later items often finish first
            return index * index
        } consume: { square in
            results.append(square)
            consumed.add(1, ordering: .releasing)
        }
        #expect(results == (0..<400).map { $0 * $0 })
        #expect(aheadOfWindow.load(ordering: .relaxed) == 0)
    }

    @Test func nothingToDoCallsNothing() {
        var calls = 0
        ParallelMap.forEachInOrder(0, window: 4) { $0 } consume: { _ in calls += 1 }
        ParallelMap.forEachInOrder(1, window: 4) { $0 + 41 } consume: { calls += $0 }
        #expect(calls == 41)
    }
}
