#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock timing and the process's peak memory, for the figures run.sh prints.
enum Measure {
    /// Seconds on the monotonic clock.
    static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Seconds of CPU used by every thread of the process so far.
    static func cpuNow() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }

    /// Runs `body` and answers its result and how many seconds it took.
    static func time<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let start = now()
        let result = try body()
        return (result, now() - start)
    }

    /// Runs `body` and answers its result, the wall seconds and the CPU seconds (all threads)
    /// it took. CPU time shows what the work costs even when other programs share the cores.
    static func timeAndCPU<T>(_ body: () throws -> T) rethrows -> (T, wall: Double, cpu: Double) {
        let (start, cpuStart) = (now(), cpuNow())
        let result = try body()
        return (result, now() - start, cpuNow() - cpuStart)
    }

    /// The peak resident set size so far, in MiB.
    static func peakRSSMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    /// `value` with `digits` decimals.
    static func format(_ value: Double, _ digits: Int = 3) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        var text = String(rounded)
        if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) - 1 < digits, digits > 0 {
            text += String(repeating: "0", count: digits - (text.distance(from: dot, to: text.endIndex) - 1))
        }
        return text
    }
}

/// One figure for run.sh: printed as `figure NAME VALUE UNIT` so the script can build its table.
func report(_ name: String, _ value: Double, _ unit: String, digits: Int = 3) {
    print("figure \(name) \(Measure.format(value, digits)) \(unit)")
}
