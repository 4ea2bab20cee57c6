import Testing
@testable import BackCheckYAML

@Suite("Did-you-mean suggestions")
struct SuggestionTests {
    @Test func suggestsTheClosestKey() {
        #expect(Suggestion.closest(to: "scorng", among: ["scoring", "summary", "title"]) == "scoring")
        #expect(Suggestion.closest(to: "tilte", among: ["scoring", "summary", "title"]) == "title")
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(Suggestion.closest(to: "zzzzzz", among: ["scoring", "summary"]) == nil)
        #expect(Suggestion.hint(for: "zzzzzz", among: ["scoring"]) == "")
    }
}
