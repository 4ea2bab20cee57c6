import AssessmentKit
import Testing
import TestSupport

/// The search the placeholder check runs over every byte of an author's files skips ahead by
/// the window's last byte. On random bytes of a small alphabet (so needles occur, overlap and
/// nearly occur) it must answer exactly as looking at every offset does.
@Suite("Byte search")
struct ByteSearchTests {
    @Test func skippingAheadFindsWhatLookingEverywhereFinds() {
        var random = SeededGenerator(seed: 16)
        let alphabet = Array("ab c.".utf8)
        func text(_ length: Int) -> [UInt8] { (0..<length).map { _ in alphabet.randomElement(using: &random)! } }
        var found = 0
        for _ in 0..<3_000 {
            let needles = (0..<Int.random(in: 1...4, using: &random)).map { _ in text(Int.random(in: 1...6, using: &random)) }
            let haystack = text(Int.random(in: 0...40, using: &random))
            let everywhere = needles.contains { needle in
                haystack.count >= needle.count && (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
            }
            #expect(ByteSearch.containsAny(of: ByteSearch.NeedleTable(needles), in: haystack) == everywhere, "\(needles) in \(haystack)")
            if everywhere { found += 1 }
        }
        // Both answers came up often enough for the comparison to mean something.
        #expect(found > 500 && found < 2_500, "\(found)")
    }

    @Test func aNeedleAtTheVeryEndOrLongerThanTheTextIsHandled() {
        let table = ByteSearch.NeedleTable([Array("Author A".utf8), Array("The starting position".utf8)])
        #expect(ByteSearch.containsAny(of: table, in: Array("References: Author A".utf8)))
        #expect(ByteSearch.containsAny(of: table, in: Array("The starting position".utf8)))
        #expect(!ByteSearch.containsAny(of: table, in: Array("The starting positio".utf8)))
        #expect(!ByteSearch.containsAny(of: table, in: Array("Author".utf8)))
        #expect(!ByteSearch.containsAny(of: table, in: []))
    }
}
