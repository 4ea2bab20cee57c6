#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal settings saved before a session changes them, restored on the way out —
/// including from the Ctrl-C handler, which is why it is global state.
nonisolated(unsafe) private var savedSettings: termios?
/// The key-at-a-time settings while they are in force: after Ctrl-Z and `fg` the shell has
/// put the terminal back in line mode, and the SIGCONT handler sets these again.
nonisolated(unsafe) private var rawSettings: termios?

/// Switches standard input between line mode and key-at-a-time mode (for the stopwatch),
/// and makes Ctrl-C restore the terminal before the program ends. Ctrl-C ends the program
/// with status 130; since reports and answers are only ever written whole (temporary file
/// and rename, with signals held back meanwhile), nothing is left half-written.
enum RawMode {
    /// Installs the Ctrl-C handler and remembers the current settings.
    static func prepare() {
        var settings = termios()
        if tcgetattr(0, &settings) == 0 { savedSettings = settings }
        // A parent may have started us with these blocked; Ctrl-C must still stop a session, a
        // resume must still reach the handler below, and a kill must still restore the terminal.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        for number in [SIGINT, SIGCONT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&interrupt, number) }
        sigprocmask(SIG_UNBLOCK, &interrupt, nil)
        // Back from Ctrl-Z: "any key stops the clock" must work again.
        signal(SIGCONT) { _ in
            guard var settings = rawSettings else { return }
            tcsetattr(0, TCSANOW, &settings)
        }
        signal(SIGINT) { _ in
            RawMode.restore()
            let message = "\ninterrupted: nothing was written\n"
            _ = message.withCString { write(2, $0, strlen($0)) }
            _exit(130)
        }
        // A `kill`, a closed terminal window or Ctrl-\ ends the program as it always would (with
        // that signal's status), but never with the shell left not echoing what is typed
        // (found by a review: after a kill during the stopwatch the shell showed nothing).
        for number in [SIGTERM, SIGHUP, SIGQUIT] {
            signal(number) { number in
                RawMode.restore()
                let message = "\nstopped: nothing was written\n"
                _ = message.withCString { write(2, $0, strlen($0)) }
                signal(number, SIG_DFL)
                raise(number)
            }
        }
    }

    /// Keys arrive one at a time and are not echoed; Ctrl-C still interrupts.
    static func enter() {
        guard var settings = savedSettings else { return }
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &settings.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        rawSettings = settings
        tcsetattr(0, TCSANOW, &settings)
    }

    /// Puts the saved settings back.
    static func restore() {
        rawSettings = nil
        guard var settings = savedSettings else { return }
        tcsetattr(0, TCSANOW, &settings)
    }
}
