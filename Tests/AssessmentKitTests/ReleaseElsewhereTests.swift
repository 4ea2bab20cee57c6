import AssessmentKit
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A large structure dropped at the end of a step (a load's document store) is freed on
/// another thread, so the caller does not wait for it.
@Suite struct ReleaseElsewhereTests {
    /// The thread that freed a witness.
    final class Record: Sendable {
        let freedOn = Mutex<pthread_t?>(nil)
    }

    /// Records on which thread it was freed.
    final class Witness: Sendable {
        let record: Record
        init(_ record: Record) { self.record = record }
        deinit { record.freedOn.withLock { $0 = pthread_self() } }
    }

    struct Holder {
        var witnesses: [Witness]
    }

    @Test(.enabled(if: Threads.coreCount > 1, "freeing elsewhere needs a second core; with one it happens at once"))
    func aReleasedValueIsFreedOnAnotherThread() throws {
        let record = Record()
        Threads.release(Holder(witnesses: (0..<1_000).map { _ in Witness(record) }))
        var waited = 0
        while record.freedOn.withLock({ $0 }) == nil, waited < 5_000 {
            usleep(1_000)
            waited += 1
        }
        let thread = try #require(record.freedOn.withLock { $0 }, "not freed within 5 s")
        #expect(pthread_equal(thread, pthread_self()) == 0, "freed on the calling thread")
    }
}
