/// Text that starts a sentence, moved inside another one ("Chest pain…" → "chest pain…").
package enum SentenceCase {
    /// `text` with its first letter in lower case, unless it starts an abbreviation that must
    /// keep its capitals (`NHS`, `A&E`: the next character is a capital or `&`).
    package static func lowercasingFirst(_ text: some StringProtocol) -> String {
        guard let first = text.first, first.isUppercase else { return String(text) }
        let next = text.dropFirst().first
        if let next, next.isUppercase || next == "&" { return String(text) }
        return first.lowercased() + text.dropFirst()
    }
}
