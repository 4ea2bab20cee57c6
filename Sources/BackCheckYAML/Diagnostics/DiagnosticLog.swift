/// An ordered collection of diagnostics gathered while reading input.
///
/// Loading never stops at the first problem: readers append here and carry on, so an
/// author sees every problem in one pass. A hostile or broken file cannot flood the log:
/// per file, at most ``perKindLimit`` messages of one kind (the same message but for quoted
/// values and numbers) are kept, then one line says how many more there were, and at most
/// ``perFileLimit`` are kept in all. A message identical to one already kept, at the same
/// place, is not kept again: a node under an anchor is read once per alias, and its author
/// has one mistake to fix, not one per use. ``count`` and ``errorCount`` still count every one.
public struct DiagnosticLog: Sendable, Sequence {
    /// Messages of one kind kept per file before the rest are summed up in one line.
    public static let perKindLimit = 20
    /// Messages kept per file in all; a file with many different mistakes still shows each.
    public static let perFileLimit = 1_000

    private var kept: [Diagnostic] = []
    private var files: [String: FileTally] = [:]
    private var suppressed: [Suppressed] = []
    private var total = 0
    private var totalErrors = 0
    private var repeatedErrors = 0

    /// How many messages of one file and kind were kept, and where the rest are summed up.
    private struct FileTally: Sendable {
        var kept = 0
        /// The file's messages kept, so a repeat is told apart; at most ``perFileLimit``, as
        /// only kept messages are remembered.
        var keptMessages: Set<KeptMessage> = []
        var kinds: [String: Int] = [:]
        var summaryIndex: [String: Int] = [:]
        var overflowIndex: Int?

        /// What becomes of a message of `kind`: kept, counted in the summary line at index
        /// `summary`, or the first of a new summary line (which will be at `nextSummary`).
        enum Admission {
            case repeated
            case keep
            case counted(summary: Int)
            case summarised(ofKind: Bool)
        }

        mutating func admit(_ diagnostic: Diagnostic, nextSummary: Int) -> Admission {
            let message = KeptMessage(diagnostic)
            if keptMessages.contains(message) { return .repeated }
            let kind = DiagnosticLog.kind(of: diagnostic)
            let seen = kinds[kind, default: 0]
            kinds[kind] = seen + 1
            if seen >= DiagnosticLog.perKindLimit {
                if let index = summaryIndex[kind] { return .counted(summary: index) }
                summaryIndex[kind] = nextSummary
                return .summarised(ofKind: true)
            }
            if kept >= DiagnosticLog.perFileLimit {
                if let overflowIndex { return .counted(summary: overflowIndex) }
                overflowIndex = nextSummary
                return .summarised(ofKind: false)
            }
            kept += 1
            keptMessages.insert(message)
            return .keep
        }
    }

    /// A kept message's place in its file, severity and text.
    private struct KeptMessage: Hashable, Sendable {
        let line: Int
        let column: Int
        let severity: Diagnostic.Severity
        let message: String

        init(_ diagnostic: Diagnostic) {
            line = diagnostic.mark?.line ?? 0
            column = diagnostic.mark?.column ?? 0
            severity = diagnostic.severity
            message = diagnostic.message
        }

        // Hashes the place and the message's length, not its text: within one file messages
        // seldom share all three, and hashing every message in full was most of what keeping
        // a warning cost.
        func hash(into hasher: inout Hasher) {
            hasher.combine(line)
            hasher.combine(column)
            hasher.combine(severity)
            hasher.combine(message.utf8.count)
        }
    }

    /// Messages left out, summed up in one line at the first one's place.
    private struct Suppressed: Sendable {
        var first: Diagnostic
        var count: Int
        var ofKind: Bool
    }

    /// Whether warnings are kept to be listed, or only counted (in ``count``): a command that
    /// only says how many there are need not hold thousands of them. Errors are always kept.
    public private(set) var keepsWarnings = true

    /// Creates an empty log.
    public init() {}

    /// Creates an empty log that keeps warnings, or only counts them (see ``keepsWarnings``).
    public init(keepsWarnings: Bool) { self.keepsWarnings = keepsWarnings }

    /// Creates a log holding `diagnostics` (capped as they are appended).
    public init(_ diagnostics: [Diagnostic]) { append(contentsOf: diagnostics) }

    /// The diagnostics kept, in the order found, then one line for each group left out.
    public var all: [Diagnostic] {
        guard !suppressed.isEmpty else { return kept }
        return kept + suppressed.map { group in
            var summary = group.first
            summary.message = group.ofKind
                ? "... and \(group.count) more like this: \(group.first.message)"
                : "... and \(group.count) more problems in this file, not shown (at most \(Self.perFileLimit) are listed per file)"
            return summary
        }
    }

    /// Appends one diagnostic, or counts it when its file has had enough of its kind.
    public mutating func append(_ diagnostic: Diagnostic) {
        total += 1
        if diagnostic.severity == .error { totalErrors += 1 } else if !keepsWarnings { return }
        guard let file = diagnostic.mark?.file else {
            kept.append(diagnostic)
            return
        }
        // Changed in place: a copy of the tally would copy its dictionaries at every message.
        switch files[file, default: FileTally()].admit(diagnostic, nextSummary: suppressed.count) {
        case .repeated:
            if diagnostic.severity == .error { repeatedErrors += 1 }
        case .keep:
            kept.append(diagnostic)
        case .counted(let summary):
            suppressed[summary].count += 1
        case .summarised(let ofKind):
            suppressed.append(Suppressed(first: diagnostic, count: 1, ofKind: ofKind))
        }
    }

    /// Appends every diagnostic of `other`.
    public mutating func append(contentsOf other: some Sequence<Diagnostic>) {
        for diagnostic in other { append(diagnostic) }
    }

    /// Appends another log, keeping its counts: a line that sums up messages left out there
    /// counts as all of them here too, not as one (a summary said "21 errors" for 25).
    public mutating func append(contentsOf other: DiagnosticLog) {
        // Every message appended is counted, so a log that counts none holds nothing: most
        // documents' logs, handed on one by one by the loader.
        guard other.total > 0 else { return }
        // A log of files this one has no message from (one file's, read on another thread)
        // would be admitted message by message exactly as it was there: its tallies are taken
        // over instead of worked out again.
        if keepsWarnings || !other.keepsWarnings, other.suppressed.isEmpty, other.files.keys.allSatisfy({ files[$0] == nil }) {
            kept.append(contentsOf: other.kept)
            files.merge(other.files) { mine, _ in mine }
            total += other.total
            totalErrors += other.totalErrors
            repeatedErrors += other.repeatedErrors
            return
        }
        for diagnostic in other.kept { append(diagnostic) }
        for group in other.suppressed {
            total += group.count
            if group.first.severity == .error { totalErrors += group.count } else if !keepsWarnings { continue }
            suppressed.append(group)
        }
        // The repeats `other` dropped were counted there and stay counted (once) here.
        total += other.total - other.kept.count - other.suppressed.reduce(0) { $0 + $1.count }
        totalErrors += other.repeatedErrors
        repeatedErrors += other.repeatedErrors
    }

    /// The log without the messages `keep` rejects, its counts kept for the rest: a summed-up
    /// group stays (with its count) when its first message is kept.
    public func filtered(_ keep: (Diagnostic) -> Bool) -> DiagnosticLog {
        var log = DiagnosticLog(keepsWarnings: keepsWarnings)
        // Warnings only counted cannot be looked at: they stay counted.
        if !keepsWarnings { log.total = total - totalErrors }
        for diagnostic in kept where keep(diagnostic) { log.append(diagnostic) }
        for group in suppressed where keep(group.first) {
            log.total += group.count
            if group.first.severity == .error { log.totalErrors += group.count }
            log.suppressed.append(group)
        }
        return log
    }

    /// Appends an error at `mark`.
    public mutating func error(_ message: String, at mark: SourceMark?) {
        append(.error(message, at: mark))
    }

    /// Appends a warning at `mark`.
    public mutating func warning(_ message: String, at mark: SourceMark?) {
        append(.warning(message, at: mark))
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { totalErrors > 0 }

    /// The errors kept (and the lines summing up errors left out).
    public var errors: [Diagnostic] { all.filter { $0.severity == .error } }

    /// The number of errors appended, kept or not: it grows with every error, so a reader can
    /// tell whether a step added one.
    public var errorCount: Int { totalErrors }

    /// The number of errors appended, a repeat of a kept error (the same message at the same
    /// place, as when an aliased node is read again) counted once: what a person is told to fix.
    public var distinctErrorCount: Int { totalErrors - repeatedErrors }

    /// The number of diagnostics appended, kept or not.
    public var count: Int { total }

    /// Whether the log is empty.
    public var isEmpty: Bool { total == 0 }

    /// The diagnostics sorted by file, line and column; ones without a mark come first.
    public var sorted: [Diagnostic] { Diagnostic.inFileOrder(all) }

    /// Iterates the diagnostics kept, in the order they were found, then the summaries.
    public func makeIterator() -> IndexingIterator<[Diagnostic]> { all.makeIterator() }

    /// A message's kind: its severity and text with quoted values and numbers left out, so
    /// "duplicate key 'a': first at line 2" and "duplicate key 'b': first at line 9" are one kind.
    static func kind(of diagnostic: Diagnostic) -> String {
        // Over UTF-8 bytes: a quote and the digits are ASCII, and no byte of a longer
        // character can be mistaken for one.
        var shape = Array(diagnostic.severity.rawValue.utf8)
        shape.append(UInt8(ascii: ":"))
        shape.reserveCapacity(shape.count + diagnostic.message.utf8.count)
        var quoted = false
        var lastWasDigit = false
        for byte in diagnostic.message.utf8 {
            if byte == UInt8(ascii: "'") {
                quoted.toggle()
                shape.append(byte)
                continue
            }
            if quoted { continue }
            let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if digit {
                if !lastWasDigit { shape.append(UInt8(ascii: "#")) }
            } else {
                shape.append(byte)
            }
            lastWasDigit = digit
        }
        return String(decoding: shape, as: UTF8.self)
    }
}
