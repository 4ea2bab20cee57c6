#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Work started on another core while the calling thread goes on with its own; ``wait()``
/// gives its result. Worth it only for work that takes far longer than starting a thread
/// (some tens of microseconds): smaller work, or a machine with one core, runs at once, here.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // Written by the helper before it ends and read only after it has been joined (or written
    // and read here when there is no helper).
    private var value: Value?
    private var thread: pthread_t?

    /// Starts `work` on another thread, unless `inline` or there is one core (or no thread to be had).
    init(inline: Bool = false, _ work: @escaping @Sendable () -> Value) {
        if !inline, Threads.coreCount > 1 {
            // The helper keeps this object alive until it has written the result.
            thread = Threads.start { self.value = work() }
        }
        if thread == nil { value = work() }
    }

    deinit {
        // Never waited for: this runs on the helper as it lets go, so it can only be detached.
        if let thread { pthread_detach(thread) }
    }

    /// The result, once the work has finished.
    func wait() -> Value {
        if let thread {
            Threads.join(thread)
            self.thread = nil
        }
        guard let value else { preconditionFailure("background work ended without a result") }
        return value
    }
}
