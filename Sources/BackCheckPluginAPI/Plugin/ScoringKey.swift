/// Documentation of one key of a plugin's `scoring` block.
public struct ScoringKey: Sendable, Hashable {
    /// The key as written in YAML, or a path such as `rules[].when`.
    public var name: String
    /// What kind of value it takes, in words: `expression`, `number 0-1`, `list of rules`.
    public var type: String
    /// Whether the key must be present.
    public var required: Bool
    /// What the key means.
    public var meaning: String

    /// Creates the documentation of one key.
    public init(_ name: String, _ type: String, required: Bool, _ meaning: String) {
        self.name = name
        self.type = type
        self.required = required
        self.meaning = meaning
    }
}
