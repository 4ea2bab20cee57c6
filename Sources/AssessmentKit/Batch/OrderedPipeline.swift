#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A pool of worker threads that transforms items and hands the results back in the order the
/// items came in. The caller keeps memory bounded by taking results as it submits: at most
/// `inFlight` items (queued, being worked on, or done and waiting) exist at any time. Call
/// ``close()`` when done: the threads run until then.
///
/// ```swift
/// let pipeline = OrderedPipeline(workers: 2) { (line: [UInt8]) in process(line) }
/// for line in lines {
///     while pipeline.inFlight >= 64, let result = pipeline.waitNext() { write(result) }
///     pipeline.submit(line)
/// }
/// pipeline.close()
/// while let result = pipeline.waitNext() { write(result) }
/// ```
package final class OrderedPipeline<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    // Everything below is guarded by `mutex`; `transform` runs outside it.
    // Allocated, not stored `pthread_*_t` values: a lock must never move.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    /// Workers wait on it for an item (or the close).
    private let workReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// The caller waits on it for results.
    private let resultsReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    /// Whether the caller is waiting in ``waitNext()``.
    private var callerWaits = false
    // A taken item's input is let go at once (`nil`); the slots themselves are dropped in bulk.
    private var queue: [(sequence: Int, input: Input?)] = []
    private var queueHead = 0
    private var done: [Int: Output] = [:]
    private var submitted = 0
    private var delivered = 0
    private var closed = false
    private var threads: [pthread_t] = []
    private let transform: @Sendable (Input) -> Output

    /// Starts `workers` threads (at least one) that apply `transform`.
    package init(workers: Int, transform: @escaping @Sendable (Input) -> Output) {
        self.transform = transform
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(workReady, nil)
        pthread_cond_init(resultsReady, nil)
        for worker in 0..<max(1, workers) {
            // The thread keeps the pipeline alive until it stops, after `close()`.
            if let thread = Threads.start(spread: worker, { self.work() }) { threads.append(thread) }
        }
        if threads.isEmpty { closed = true }
    }

    deinit {
        pthread_cond_destroy(workReady)
        pthread_cond_destroy(resultsReady)
        pthread_mutex_destroy(mutex)
        workReady.deallocate()
        resultsReady.deallocate()
        mutex.deallocate()
    }

    /// Items submitted and not yet taken back.
    package var inFlight: Int {
        locked { submitted - delivered }
    }

    /// Queues `input`; never blocks. (Without worker threads it is transformed right here.)
    package func submit(_ input: Input) {
        pthread_mutex_lock(mutex)
        let sequence = submitted
        submitted += 1
        if threads.isEmpty {
            pthread_mutex_unlock(mutex)
            let output = transform(input)
            locked { done[sequence] = output }
            return
        }
        queue.append((sequence, input))
        pthread_cond_signal(workReady)
        pthread_mutex_unlock(mutex)
    }

    /// The next result in order if it is ready, without waiting.
    package func next() -> Output? {
        locked { takeReady() }
    }

    /// The next result in order, waiting for it; `nil` when every submitted item has been
    /// taken back. Once it has to wait, it waits until a run of results is ready (see
    /// ``resultsPerWake``), which the calls after it then take without waiting.
    package func waitNext() -> Output? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while delivered < submitted {
            if let output = takeReady() { return output }
            callerWaits = true
            pthread_cond_wait(resultsReady, mutex)
            callerWaits = false
        }
        return nil
    }

    /// How many results a waiting caller is woken for (fewer when fewer are in flight).
    /// Waking it for each result cost the worker a system call per item: a fiftieth of a
    /// one-worker batch.
    private static var resultsPerWake: Int { 16 }

    /// Whether the waiting caller has enough to take: the next result in order, and a run of
    /// ``resultsPerWake`` or every item in flight.
    private var callerShouldWake: Bool {
        done[delivered] != nil && done.count >= min(Self.resultsPerWake, submitted - delivered)
    }

    /// No more items will come; the workers finish the queue and stop. Results can still be
    /// taken afterwards.
    package func close() {
        locked {
            closed = true
            pthread_cond_broadcast(workReady)
        }
        for thread in threads { Threads.join(thread) }
        threads = []
    }

    private func takeReady() -> Output? {
        guard let output = done.removeValue(forKey: delivered) else { return nil }
        delivered += 1
        return output
    }

    private func work() {
        while true {
            pthread_mutex_lock(mutex)
            while queueHead == queue.count, !closed { pthread_cond_wait(workReady, mutex) }
            guard queueHead < queue.count else {
                pthread_mutex_unlock(mutex)
                return
            }
            let sequence = queue[queueHead].sequence
            guard let input = queue[queueHead].input.take() else { preconditionFailure("an item taken twice") }
            queueHead += 1
            if queueHead > 256, queueHead * 2 > queue.count {
                queue.removeFirst(queueHead)
                queueHead = 0
            }
            pthread_mutex_unlock(mutex)
            let output = transform(input)
            locked {
                done[sequence] = output
                if callerWaits, callerShouldWake { pthread_cond_signal(resultsReady) }
            }
        }
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }
}
