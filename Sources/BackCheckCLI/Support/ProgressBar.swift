#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import AssessmentKit

/// A one-line progress display on standard error: a bar when the input's size is known (a
/// file), a count otherwise, redrawn at most ten times a second and wiped at the end.
struct ProgressBar {
    let enabled: Bool
    let total: Int?
    private var lastDrawn = 0.0
    private let started = ProgressBar.now()
    private var drawn = false
    /// How many columns the bar took when last drawn, for a dumb terminal, where it is wiped
    /// with spaces: one would print the erase code as text (found by an accessibility review).
    private var drawnColumns = 0
    private let dumb = Terminal.isDumb

    init(enabled: Bool, total: Int?) {
        self.enabled = enabled
        self.total = total
    }

    /// Whether the next update will redraw (callers flush their output first, so that what
    /// the bar shows has been written).
    var isDue: Bool { enabled && Self.now() - lastDrawn >= 0.1 }

    mutating func update(_ progress: BatchRunner.Progress) {
        guard isDue else { return }
        lastDrawn = Self.now()
        let elapsed = max(lastDrawn - started, 0.001)
        let rate = Int(Double(progress.written) / elapsed)
        var line = "\r"
        if let total, total > 0 {
            let fraction = min(1, Double(progress.bytesDone) / Double(total))
            let width = 30
            let filled = Int(fraction * Double(width))
            line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            line += "\(Int(fraction * 100))% "
        }
        line += "\(progress.written) records, \(progress.failures) errors, \(rate)/s"
        let columns = line.count - 1
        writeAll(line + erase(from: columns), to: 2)
        drawnColumns = columns
        drawn = true
    }

    /// Wipes the bar.
    mutating func finish() {
        if drawn { writeAll("\r" + erase(from: 0) + (dumb ? "\r" : ""), to: 2) }
        drawn = false
    }

    /// What clears the rest of the line after `columns` written ones.
    private func erase(from columns: Int) -> String {
        dumb ? String(repeating: " ", count: max(0, drawnColumns - columns)) : "\u{1B}[K"
    }

    private static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
