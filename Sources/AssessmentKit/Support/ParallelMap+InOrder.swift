#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ParallelMap {
    /// Hands `transform(0)`, `transform(1)`, … to `consume` in order, on the calling thread,
    /// as soon as each is ready, while the transforms run on every core — the calling thread's
    /// too, whenever the next result is not ready yet. Besides the result being consumed, at
    /// most `window` are worked on or waiting at a time, so memory stays bounded however
    /// large `count` is.
    ///
    /// Unlike mapping in batches, no core waits for the slowest item of a batch, nor while
    /// the calling thread consumes; and unlike a pool of helpers beside an idle caller, no
    /// more threads run than there are cores.
    package static func forEachInOrder<Output: Sendable>(
        _ count: Int, window: Int, _ transform: @escaping @Sendable (Int) -> Output, consume: (Output) -> Void
    ) {
        let threads = min(Threads.coreCount, count)
        guard threads > 1 else {
            for index in 0..<count { consume(transform(index)) }
            return
        }
        let job = InOrderJob(count: count, window: max(1, window), transform: transform)
        let helpers = (1..<threads).compactMap { helper in Threads.start(spread: helper - 1) { job.help() } }
        job.lead(consume)
        for helper in helpers { Threads.join(helper) }
    }
}

/// One `forEachInOrder`: indices are claimed in order, each result kept in its own slot until
/// the calling thread takes it.
private final class InOrderJob<Output: Sendable>: @unchecked Sendable {
    // Everything below is guarded by `mutex`; `transform` runs outside it, and each slot is
    // written by the one thread that claimed its index.
    private let slots: UnsafeMutableBufferPointer<Output?>
    private let transform: @Sendable (Int) -> Output
    private let window: Int
    private var next = 0
    private var consumed = 0
    // Allocated, not stored `pthread_*_t` values: a lock must never move.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init(count: Int, window: Int, transform: @escaping @Sendable (Int) -> Output) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
        self.window = window
        self.transform = transform
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Whether an index may be claimed now (call with the mutex held).
    private var mayClaim: Bool { next < slots.count && next - consumed < window }

    /// Transforms the claimed `index` and keeps its result, waking whoever waits for it.
    /// Called and returns with the mutex held.
    private func run(_ index: Int) {
        pthread_mutex_unlock(mutex)
        let output = transform(index)
        pthread_mutex_lock(mutex)
        slots[index] = output
        pthread_cond_broadcast(changed)
    }

    /// A helper thread: claims indices while there are any, waiting while the window is full.
    func help() {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while next < slots.count {
            guard mayClaim else {
                pthread_cond_wait(changed, mutex)
                continue
            }
            next += 1
            run(next - 1)
        }
    }

    /// The calling thread: consumes each result in turn, and works on the next index itself
    /// whenever the result it needs is not ready.
    func lead(_ consume: (Output) -> Void) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while consumed < slots.count {
            if let output = slots[consumed].take() {
                consumed += 1
                // A helper may be waiting for the window to move.
                pthread_cond_broadcast(changed)
                pthread_mutex_unlock(mutex)
                consume(output)
                pthread_mutex_lock(mutex)
            } else if mayClaim {
                next += 1
                run(next - 1)
            } else {
                pthread_cond_wait(changed, mutex)
            }
        }
    }
}
