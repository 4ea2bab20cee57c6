#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
internal import Synchronization

/// The signal that asked a long command to stop (0: none yet). Set from a signal handler,
/// which may only touch lock-free state, hence an atomic at file scope.
private let requestedBy = Atomic<Int32>(0)

/// Ctrl-C (or a `kill`) as a request to stop cleanly: a long command such as `batch` finishes
/// the records already in flight, writes their output, says where it stopped, and exits with
/// the signal's usual status. A second signal ends the program at once, as it always would.
enum StopRequest {
    /// Catches SIGINT and SIGTERM from now on.
    static func install() {
        var signals = sigset_t()
        sigemptyset(&signals)
        for number in [SIGINT, SIGTERM] {
            sigaddset(&signals, number)
            // Restarted system calls: a read in progress finishes, and the next record is not read.
            var action = sigaction()
            action.sa_flags = SA_RESTART
            #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = StopRequest.handle
            #else
            action.__sigaction_handler.sa_handler = StopRequest.handle
            #endif
            sigaction(number, &action, nil)
        }
        // A parent may have started us with them blocked; Ctrl-C must still reach us.
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }

    /// The signal that asked to stop, or `nil` while none has.
    static var requested: Int32? {
        let number = requestedBy.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// The status a shell gives for a program ended by `signal`: 128 plus its number.
    static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }

    private static let handle: @convention(c) (Int32) -> Void = { number in
        if requestedBy.compareExchange(expected: 0, desired: number, ordering: .relaxed).exchanged { return }
        // The second time: the default action, now.
        signal(number, SIG_DFL)
        raise(number)
    }
}
