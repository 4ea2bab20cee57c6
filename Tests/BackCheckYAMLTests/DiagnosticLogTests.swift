import BackCheckYAML
import Testing

/// The log keeps each mistake once, however often a reader meets it, and still counts every one.
@Suite struct DiagnosticLogTests {
    private func mark(_ line: Int, _ column: Int, in file: String = "a.yaml") -> SourceMark {
        SourceMark(file: file, line: line, column: column)
    }

    @Test func theSameErrorAtTheSamePlaceIsKeptOnceButCountedEachTime() {
        var log = DiagnosticLog()
        for _ in 0..<3 { log.error("expected a value after '+'", at: mark(9, 26)) }
        #expect(log.all.map(\.description) == ["a.yaml:9:26: error: expected a value after '+'"])
        // Readers compare errorCount before and after a step to tell whether it failed, so a
        // repeat must still raise it; the count shown to a person does not.
        #expect(log.errorCount == 3)
        #expect(log.distinctErrorCount == 1)
        #expect(log.count == 3)
    }

    @Test func anotherPlaceFileSeverityOrTextIsAnotherMessage() {
        var log = DiagnosticLog()
        log.error("bad", at: mark(9, 26))
        log.error("bad", at: mark(9, 27))
        log.error("bad", at: mark(10, 26))
        log.error("bad", at: mark(9, 26, in: "b.yaml"))
        log.warning("bad", at: mark(9, 26))
        log.error("worse", at: mark(9, 26))
        #expect(log.all.count == 6)
        #expect(log.distinctErrorCount == 5)
    }

    @Test func repeatsDoNotUseUpTheLimitOfTheirKind() {
        var log = DiagnosticLog()
        for _ in 0..<50 { log.error("unknown key 'a'", at: mark(1, 1)) }
        for line in 2...DiagnosticLog.perKindLimit { log.error("unknown key 'a'", at: mark(line, 1)) }
        #expect(log.all.count == DiagnosticLog.perKindLimit)
        #expect(!log.all.contains { $0.message.contains("more like this") })
    }

    /// Lint gathers each file's log into one: a line summing up messages left out must count
    /// as all of them there too (the summary used to say 21 errors for 25).
    @Test func aLogAppendedToAnotherKeepsItsCounts() {
        var inner = DiagnosticLog()
        for line in 1...25 { inner.error("id 'Ex_\(line)' is not kebab-case", at: mark(line, 5)) }
        inner.error("id 'Ex_1' is not kebab-case", at: mark(1, 5))
        inner.warning("unknown key 'x'", at: mark(40, 1))
        var outer = DiagnosticLog()
        outer.error("elsewhere", at: mark(1, 1, in: "b.yaml"))
        outer.append(contentsOf: inner)
        #expect(outer.errorCount == 27)
        #expect(outer.distinctErrorCount == 26)
        #expect(outer.count == 28)
        #expect(outer.all.count == 1 + DiagnosticLog.perKindLimit + 1 + 1)
        #expect(outer.all.contains { $0.message == "... and 5 more like this: id 'Ex_21' is not kebab-case" })
    }

    /// The loader hands each file's log over in one piece. Taken over whole, it must give what
    /// the same messages appended one by one give, and its file's kinds go on counting.
    @Test func aFilesLogTakenOverWholeGoesOnCountingItsKinds() {
        func unsourced(_ line: Int) -> (String, SourceMark) { ("the number \(line) in scoring is in no reference", mark(line, 9)) }
        var inner = DiagnosticLog()
        var direct = DiagnosticLog()
        direct.error("elsewhere", at: mark(1, 1, in: "b.yaml"))
        for line in 1...15 {
            inner.warning(unsourced(line).0, at: unsourced(line).1)
        }
        inner.error("bad", at: mark(3, 3))
        inner.error("bad", at: mark(3, 3))
        var whole = DiagnosticLog()
        whole.error("elsewhere", at: mark(1, 1, in: "b.yaml"))
        whole.append(contentsOf: inner)
        for line in 1...15 { direct.warning(unsourced(line).0, at: unsourced(line).1) }
        direct.error("bad", at: mark(3, 3))
        direct.error("bad", at: mark(3, 3))
        for line in 16...30 {
            whole.warning(unsourced(line).0, at: unsourced(line).1)
            direct.warning(unsourced(line).0, at: unsourced(line).1)
        }
        #expect(whole.all.map(\.description) == direct.all.map(\.description))
        #expect(whole.all.contains { $0.message == "... and 10 more like this: the number 21 in scoring is in no reference" })
        #expect(whole.count == direct.count)
        #expect(whole.errorCount == 3)
        #expect(whole.distinctErrorCount == 2)
    }

    @Test func messagesWithoutAPlaceAreAllKept() {
        var log = DiagnosticLog()
        log.error("no catalogue given", at: nil)
        log.error("no catalogue given", at: nil)
        #expect(log.all.count == 2)
    }

    /// A log that counts warnings holds only its errors, however the warnings reach it: one
    /// by one, in a log that keeps them, or summed up there in a line of their kind.
    @Test func aLogThatCountsWarningsKeepsOnlyItsErrors() {
        var keeping = DiagnosticLog()
        keeping.error("bad", at: mark(1, 1, in: "k.yaml"))
        for line in 2...30 { keeping.warning("the number \(line) is in no reference", at: mark(line, 1, in: "k.yaml")) }
        var counting = DiagnosticLog(keepsWarnings: false)
        counting.warning("lone", at: mark(1, 1))
        counting.error("worse", at: mark(2, 1))
        counting.append(contentsOf: keeping)
        #expect(counting.all.map(\.description) == ["a.yaml:2:1: error: worse", "k.yaml:1:1: error: bad"])
        #expect(counting.count == keeping.count + 2)
        #expect(counting.errorCount == 2)
        // Handed on to a log that keeps warnings, the ones counted stay counted.
        var all = DiagnosticLog()
        all.append(contentsOf: counting)
        #expect(all.count == counting.count)
        #expect(all.count - all.errorCount == 30)
        #expect(counting.filtered { _ in true }.count == counting.count)
        #expect(counting.filtered { $0.message != "bad" }.count == counting.count - 1)
    }
}
