/// Collects output lines and writes them to standard output in large blocks: one write per
/// line would cost a system call per person in a batch.
struct OutputBuffer {
    private var pending = ""
    private let limit = 1 << 16

    /// Adds `text`, writing the buffer out once it is large.
    mutating func append(_ text: String) {
        pending += text
        if pending.utf8.count >= limit { flush() }
    }

    /// Writes out whatever is buffered.
    mutating func flush() {
        guard !pending.isEmpty else { return }
        StandardOutput.write(pending)
        pending = ""
    }
}
