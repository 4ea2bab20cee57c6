import BackCheckYAML

/// The kind of problem a diagnostic reports, as a stable rule id for CI services (SARIF,
/// Checkstyle, GitHub): worked out from the message, which the loader writes in fixed forms.
struct LintRule: Hashable {
    let id: String
    let summary: String

    static let all: [(prefix: String, rule: LintRule)] = [
        ("unknown key ", LintRule(id: "unknown-key", summary: "A key that is not part of the format at its place")),
        ("duplicate key ", LintRule(id: "duplicate-key", summary: "A mapping has the same key twice")),
        ("missing required key ", LintRule(id: "missing-key", summary: "A required key is missing")),
        ("missing ", LintRule(id: "missing-value", summary: "A required value is missing")),
        ("expected ", LintRule(id: "wrong-type", summary: "A value has the wrong type")),
        ("example ", LintRule(id: "example-failed", summary: "An assessment's example does not give what it expects")),
        ("unknown ", LintRule(id: "unknown-reference", summary: "A name or id that does not resolve")),
        ("tags such as ", LintRule(id: "tag", summary: "An explicit YAML tag, which BackCheck files do not use")),
        ("aliases ", LintRule(id: "alias-limit", summary: "Aliases repeat more than the limits allow")),
        ("... and ", LintRule(id: "more-like-this", summary: "Further problems of a kind already listed")),
    ]

    /// The warnings, told apart by a phrase each message holds wherever it starts.
    static let warnings: [(phrase: String, rule: LintRule)] = [
        ("placeholder text from `backcheck new`", LintRule(id: "placeholder", summary: "Text from the `new` skeleton not yet replaced")),
        ("is not in the catalogue's vocabulary", LintRule(id: "vocabulary", summary: "A region or target word outside the catalogue's vocabulary")),
        ("add 'replaces: ", LintRule(id: "silent-replacement", summary: "A document replaces a built-in one without saying so")),
        ("in scoring is in no reference", LintRule(id: "unsourced-number", summary: "A number in scoring that no reference mentions")),
    ]

    static let outOfRange = LintRule(id: "out-of-range", summary: "A value outside its allowed range")
    static let other = LintRule(id: "catalogue", summary: "A problem with a catalogue document")

    /// The rule a diagnostic belongs to.
    static func of(_ diagnostic: Diagnostic) -> LintRule {
        let message = diagnostic.message
        if message.contains("out of range") { return outOfRange }
        if let warning = warnings.first(where: { message.contains($0.phrase) }) { return warning.rule }
        // A field's value read with its name in front ("'version': expected an integer, …").
        let unnamed = message.firstMatch(of: #/^'[^']*': /#).map { String(message[$0.range.upperBound...]) } ?? message
        return all.first { unnamed.hasPrefix($0.prefix) }?.rule ?? other
    }

    /// The replacement a message suggests (`did you mean 'scoring'?`) and the text it replaces
    /// (the first quoted value), when it has one.
    static func suggestion(in message: String) -> (wrong: String, right: String)? {
        guard let range = message.firstRange(of: "did you mean '") else { return nil }
        let right = message[range.upperBound...].prefix { $0 != "'" }
        let wrong: String
        if let found = message.firstRange(of: "found the string \"") {
            wrong = String(message[found.upperBound...].prefix { $0 != "\"" })
        } else {
            let quoted = message.split(separator: "'", omittingEmptySubsequences: false)
            guard quoted.count >= 3 else { return nil }
            wrong = String(quoted[1])
        }
        guard !right.isEmpty else { return nil }
        guard !wrong.isEmpty, wrong != String(right), !wrong.contains("\n") else { return nil }
        return (wrong, String(right))
    }
}
