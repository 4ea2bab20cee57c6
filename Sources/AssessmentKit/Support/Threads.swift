#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CThreads

/// Plain POSIX threads: no Foundation or Dispatch, which would slow every command's start.
package enum Threads {
    /// The number of cores online (at least 1).
    package static let coreCount: Int = {
        #if canImport(Darwin)
        let count = sysconf(_SC_NPROCESSORS_ONLN)
        #else
        let count = sysconf(Int32(_SC_NPROCESSORS_ONLN))
        #endif
        return max(1, Int(count))
    }()

    private final class Box {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// A new thread running `body`, or `nil` when the system refuses one (callers then do the
    /// work on the threads they have). On Linux it starts on another core than the caller's,
    /// the `spread`-th other one, so that helpers started together go to different cores: left
    /// to the kernel, it often waited behind its busy parent for milliseconds (see `CThreads.h`).
    static func start(spread: Int = 0, _ body: @escaping () -> Void) -> pthread_t? {
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        #if canImport(Darwin)
        var handle: pthread_t?
        let status = pthread_create(&handle, nil, { raw in
            Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        guard status == 0, let handle else {
            Unmanaged<Box>.fromOpaque(context).release()
            return nil
        }
        return handle
        #else
        var handle = pthread_t()
        let status = backcheck_thread_create_elsewhere(&handle, { raw in
            if let raw { Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body() }
            return nil
        }, context, Int32(clamping: spread))
        guard status == 0 else {
            Unmanaged<Box>.fromOpaque(context).release()
            return nil
        }
        return handle
        #endif
    }

    /// Waits for `thread` to end.
    static func join(_ thread: pthread_t) {
        pthread_join(thread, nil)
    }
}
