import CThreads
import Glibc
import Synchronization
import Testing

/// A helper thread (the catalogue's parallel parse, a batch's workers) starts on another core
/// than its parent's, then may run anywhere its parent may.
@Suite struct ThreadPlacementTests {
    /// Where a started thread found itself.
    final class Seen: @unchecked Sendable {
        var cpu: Int32 = -2
        var allowed: Int32 = -2
        let ran = Atomic<Bool>(false)
    }

    static var twoCores: Bool { backcheck_allowed_cpu_count() >= 2 && backcheck_current_cpu() >= 0 }

    /// Starts a placed thread and, busy as a parsing parent is, spins until it has run (or
    /// 100 ms): the caller's CPU just before, and what the thread saw. Left to the kernel, a
    /// thread started by a busy parent often ran on the parent's CPU once its slice ended.
    static func startOne(spread: Int32) -> (caller: Int32, seen: Seen) {
        let seen = Seen()
        let context = Unmanaged.passRetained(seen).toOpaque()
        let caller = backcheck_current_cpu()
        var thread = pthread_t()
        let status = backcheck_thread_create_elsewhere(&thread, { raw in
            let seen = Unmanaged<Seen>.fromOpaque(raw!).takeRetainedValue()
            seen.cpu = backcheck_current_cpu()
            seen.allowed = backcheck_allowed_cpu_count()
            seen.ran.store(true, ordering: .releasing)
            return nil
        }, context, spread)
        #expect(status == 0)
        let clock = ContinuousClock()
        let start = clock.now
        while !seen.ran.load(ordering: .acquiring), clock.now - start < .milliseconds(100) {}
        pthread_join(thread, nil)
        return (caller, seen)
    }

    @Test(.enabled(if: twoCores, "needs at least two CPUs to start a thread on another"))
    func aHelperStartsOnAnotherCPU() {
        // The caller can move between reading its CPU and starting the thread; that is rare,
        // so most of twenty must have started elsewhere.
        let runs = (0..<20).map { _ in Self.startOne(spread: 0) }
        let elsewhere = runs.filter { $0.caller != $0.seen.cpu }.count
        #expect(elsewhere >= 15, "\(runs.map { ($0.caller, $0.seen.cpu) })")
    }

    @Test func aHelperMayThenRunOnEveryCPUItsParentMay() {
        let (_, seen) = Self.startOne(spread: 3)
        #expect(seen.allowed == backcheck_allowed_cpu_count())
        #expect(seen.cpu != -2, "the thread ran")
    }
}
