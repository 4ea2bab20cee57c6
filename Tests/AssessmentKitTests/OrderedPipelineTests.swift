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

    @Test func nothingSubmittedMeansNothingToWaitFor() {
        let pipeline = OrderedPipeline(workers: 2) { (text: String) in text.count }
        pipeline.close()
        #expect(pipeline.waitNext() == nil)
        #expect(pipeline.inFlight == 0)
    }
}
