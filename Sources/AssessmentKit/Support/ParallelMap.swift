#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs independent pieces of work on every core and answers their results in order.
///
/// Loading a catalogue parses files and reads documents that do not depend on each other;
/// spreading them over the cores roughly halves the load on a two-core machine. Small jobs
/// stay on the calling thread, where starting a thread would cost more than it saves.
package enum ParallelMap {
    /// `transform(0) ..< transform(count - 1)`, computed on up to `Threads.coreCount` threads (the
    /// calling one included) when there are at least `minimumCount` items.
    static func map<Output: Sendable>(
        _ count: Int, minimumCount: Int = 2, _ transform: @escaping @Sendable (Int) -> Output
    ) -> [Output] {
        let threads = min(Threads.coreCount, count)
        guard threads > 1, count >= minimumCount else { return (0..<count).map(transform) }
        let job = Job(count: count, transform: transform)
        let helpers = (1..<threads).compactMap { helper in Threads.start(spread: helper - 1) { job.work() } }
        job.work()
        for helper in helpers { Threads.join(helper) }
        return job.results()
    }
}

/// One `map`: hands out indices one at a time and keeps each result in its own slot.
private final class Job<Output: Sendable>: @unchecked Sendable {
    // Each slot is written by exactly one thread, and read only after every thread has been
    // joined; `next` is the only state threads share, and the mutex guards it.
    private let slots: UnsafeMutableBufferPointer<Output?>
    private let transform: @Sendable (Int) -> Output
    private var next = 0
    // Allocated, not a stored `pthread_mutex_t`: a lock must never move.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

    init(count: Int, transform: @escaping @Sendable (Int) -> Output) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
        self.transform = transform
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    private func claim() -> Int? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard next < slots.count else { return nil }
        next += 1
        return next - 1
    }

    func work() {
        while let index = claim() { slots[index] = transform(index) }
    }

    /// The results; call after every thread has been joined.
    func results() -> [Output] {
        slots.map { $0! }
    }
}
