import BackCheckYAML

/// Scores a whole batch: JSON Lines of answers in, JSON Lines of reports out, in input order,
/// on every core, in constant memory (a bounded number of lines in flight).
///
/// ```swift
/// let processor = BatchProcessor(catalogue: catalogue, source: "<stdin>", generatedAt: Timestamp.now())
/// let summary = BatchRunner.run(reading: 0, processor: processor) { line in writeAll(line, to: 1) }
/// // summary.failures == 0 when every line gave a report
/// ```
public enum BatchRunner {
    /// One worker thread per core.
    public static var defaultWorkers: Int { Threads.coreCount }

    /// How far along a batch is, for a progress display.
    public struct Progress: Sendable, Hashable {
        /// Records written (reports and error records).
        public var written: Int
        /// Error records among them.
        public var failures: Int
        /// Input bytes up to the end of the last record written (for a percentage of a file).
        public var bytesDone: Int
    }

    /// Reads records from `descriptor` until its end, writes one output line per record (blank
    /// lines are skipped) through `write`, in input order, and answers the counts. `progress`
    /// is called after each record is written. Both closures run on the calling thread.
    ///
    /// `shouldStop` is asked before each record is read, and while the input pauses: once it
    /// answers `true`, no more are read, the records already in flight are finished and written
    /// (so every report kept elsewhere through ``BatchProcessor/keep`` has its output line), and
    /// the summary says the batch stopped early and after which input line. When the input
    /// pauses (a pipe with nothing in it for now), every record read so far is written and
    /// then `idle` is called, so output buffered further on can be sent on.
    public static func run(
        reading descriptor: Int32, processor: BatchProcessor, workers: Int = defaultWorkers,
        window: Int = 64, maximumLineLength: Int = 8 << 20,
        write: (String) -> Void, progress: ((Progress) -> Void)? = nil, shouldStop: () -> Bool = { false }, idle: () -> Void = {}
    ) -> BatchSummary {
        let pipeline = OrderedPipeline(workers: workers) { (line: LineReader.Line) -> BatchResult in
            switch line {
            case .text(let bytes, let number):
                return processor.process(bytes, line: number)
            case .tooLong(let number, let head):
                let problem = Diagnostic.error(
                    "the line is longer than the \(maximumLineLength) bytes allowed, so the rest of it was skipped; split the record or shorten it",
                    at: SourceMark(file: processor.source, line: number, column: 1))
                // The id is kept when it came first, as for a line that is not valid JSON.
                return .failure(id: BatchProcessor.leadingID(head), line: number, [problem])
            }
        }
        var reader = LineReader(descriptor: descriptor, maximumLength: maximumLineLength)
        var summary = BatchSummary()
        // Where each record in flight ends in the input and how long it is, oldest first. The
        // window is counted in bytes too: 64 lines of 8 MB would otherwise be half a gigabyte.
        var ends: [Int] = []
        var sizes: [Int] = []
        var oldestEnd = 0
        var bytesInFlight = 0
        func deliver(_ result: BatchResult) {
            summary.count(result)
            write(result.output)
            let done = ends[oldestEnd]
            bytesInFlight -= sizes[oldestEnd]
            oldestEnd += 1
            if oldestEnd > 1024 {
                ends.removeFirst(oldestEnd)
                sizes.removeFirst(oldestEnd)
                oldestEnd = 0
            }
            progress?(Progress(written: summary.records, failures: summary.failures, bytesDone: done))
        }
        while true {
            if shouldStop() {
                summary.stoppedEarly = true
                break
            }
            // While the input pauses, what was read so far is finished and written.
            let next = reader.next(shouldStop: shouldStop) {
                while pipeline.inFlight > 0, let result = pipeline.waitNext() { deliver(result) }
                idle()
            }
            guard let line = next else {
                // The reader stops, mid-line even, when asked to.
                summary.stoppedEarly = shouldStop()
                break
            }
            if case .text(let bytes, _) = line, bytes.allSatisfy(Self.isWhiteSpace) { continue }
            let size = if case .text(let bytes, _) = line { bytes.count } else { 0 }
            while pipeline.inFlight >= max(1, window) || (pipeline.inFlight > 0 && bytesInFlight + size > Self.bytesWindow),
                  let result = pipeline.waitNext() {
                deliver(result)
            }
            pipeline.submit(line)
            ends.append(reader.bytesConsumed)
            sizes.append(size)
            bytesInFlight += size
            while let result = pipeline.next() { deliver(result) }
            // Skipping the rest of a long line may take a while (or for ever): its error is
            // written first.
            if case .tooLong = line {
                while pipeline.inFlight > 0, let result = pipeline.waitNext() { deliver(result) }
            }
        }
        pipeline.close()
        while let result = pipeline.waitNext() { deliver(result) }
        return summary
    }

    /// The most bytes of input lines in flight at once (one longer line still goes alone).
    static let bytesWindow = 32 << 20

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }
}

/// What a batch gave, for the summary line.
public struct BatchSummary: Sendable, Hashable {
    /// Records read (blank lines are not records).
    public var records = 0
    /// Records that gave a report.
    public var reports = 0
    /// Records that gave an error record.
    public var failures = 0
    /// Reports with a referral, by urgency (`emergency`, `same-day`, `soon`).
    public var referrals: [String: Int] = [:]
    /// Whether the batch was asked to stop before the input ended.
    public var stoppedEarly = false
    /// The input line of the last record written (0 before any): where to go on from after
    /// a batch that stopped early.
    public var lastLine = 0
    /// Records whose `id` an earlier record already had: their reports cannot be told apart
    /// by id, which is how a report is matched to its person.
    public var repeatedIDs = 0
    /// The first id given to a second record, with the input lines of both.
    public var firstRepeat: (id: String, firstLine: Int, line: Int)? {
        get { firstRepeatedID.map { ($0.id, $0.firstLine, $0.line) } }
        set { firstRepeatedID = newValue.map { RepeatedID(id: $0.id, firstLine: $0.firstLine, line: $0.line) } }
    }
    private var firstRepeatedID: RepeatedID?
    /// Every id met so far, with its first line: a few MiB for 100 000 short ids.
    private var lineOfID: [String: Int] = [:]

    /// An empty summary.
    public init() {}

    /// Counts one result.
    public mutating func count(_ result: BatchResult) {
        if let id = result.id {
            if let first = lineOfID[id] {
                repeatedIDs += 1
                if firstRepeatedID == nil { firstRepeatedID = RepeatedID(id: id, firstLine: first, line: result.line) }
            } else {
                lineOfID[id] = result.line
            }
        }
        records += 1
        lastLine = max(lastLine, result.line)
        if result.succeeded { reports += 1 } else { failures += 1 }
        if let urgency = result.referral { referrals[urgency, default: 0] += 1 }
    }
}

/// An id given to a second record (see ``BatchSummary/firstRepeat``).
private struct RepeatedID: Sendable, Hashable {
    var id: String
    var firstLine: Int
    var line: Int
}
