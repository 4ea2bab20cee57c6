import AssessmentKit
import Foundation
import Testing

/// The worker pool under `backcheck batch`: results in input order, a bounded window.
@Suite struct OrderedPipelineTests {
    @Test func resultsComeBackInInputOrderWhateverTheWorkTakes() {
        let pipeline = OrderedPipeline(workers: 3) { (number: Int) -> Int in
            usleep(UInt32((number * 7919) % 13) * 200)  // uneven work, so later items often finish first
            return number * number
        }
        var results: [Int] = []
        var largestInFlight = 0
        for number in 0..<300 {
            while pipeline.inFlight >= 8, let result = pipeline.waitNext() { results.append(result) }
            pipeline.submit(number)
            largestInFlight = max(largestInFlight, pipeline.inFlight)
            while let result = pipeline.next() { results.append(result) }
        }
        pipeline.close()
        while let result = pipeline.waitNext() { results.append(result) }
        #expect(results == (0..<300).map { $0 * $0 })
        #expect(largestInFlight <= 8)
        #expect(pipeline.waitNext() == nil)
    }

    /// An input that says when it is let go.
    private final class Tracked: @unchecked Sendable {
        let released: UnsafeMutablePointer<Int>
        init(_ released: UnsafeMutablePointer<Int>) { self.released = released }
        deinit { released.pointee += 1 }
    }

    @Test("an input is let go once its result is made, not kept until the queue is tidied")
    func inputsAreReleasedWhenTaken() {
        let released = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        released.initialize(to: 0)
        defer { released.deallocate() }
        let pipeline = OrderedPipeline(workers: 1) { (_: Tracked) in 1 }
        for _ in 0..<10 { pipeline.submit(Tracked(released)) }
        for _ in 0..<10 { _ = pipeline.waitNext() }
        // Before, a taken input stayed in the queue until 256 had been taken: 10 × 8 MB lines
        // of a batch were all still held here. (A worker may let its last input go just after
        // handing the result over, hence a short wait.)
        let deadline = Date().addingTimeInterval(2)
        while released.pointee < 10, Date() < deadline { usleep(1_000) }
        #expect(released.pointee == 10)
        pipeline.close()
    }

    @Test func nothingSubmittedMeansNothingToWaitFor() {
        let pipeline = OrderedPipeline(workers: 2) { (text: String) in text.count }
        pipeline.close()
        #expect(pipeline.waitNext() == nil)
        #expect(pipeline.inFlight == 0)
    }

    /// A caller that has to wait is woken for a run of results, not for each one: waking it
    /// per result cost the worker a system call per item.
    @Test("a waiting caller is woken once a run of results is ready")
    func aWaitingCallerIsWokenForARun() {
        // The first item takes long enough that the caller is surely waiting for it.
        let pipeline = OrderedPipeline(workers: 1) { (number: Int) -> Int in
            usleep(number == 0 ? 100_000 : 500)
            return number
        }
        for number in 0..<20 { pipeline.submit(number) }
        #expect(pipeline.waitNext() == 0)
        var ready = 0
        while pipeline.next() != nil { ready += 1 }
        #expect(ready >= 15, "only \(ready) more were ready when the caller was woken")
        pipeline.close()
        var rest = 0
        while pipeline.waitNext() != nil { rest += 1 }
        #expect(1 + ready + rest == 20)
    }
}
