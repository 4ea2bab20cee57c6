import AssessmentKit
import Testing

@Suite struct SentenceCaseTests {
    @Test(arguments: [
        ("Chest pain together with back pain", "chest pain together with back pain"),
        ("A lighter week", "a lighter week"),
        ("NHS 111 first", "NHS 111 first"),  // an abbreviation keeps its capitals
        ("A&E now", "A&E now"),
        ("already lower", "already lower"),
        ("", ""),
    ])
    func aSentenceStartMovesInsideAnother(text: String, expected: String) {
        #expect(SentenceCase.lowercasingFirst(text) == expected)
    }
}
