import BackCheckExpressions

/// Names an input or derived value may not take, because something else already answers to
/// them where the name would be used.
enum ReservedNames {
    /// Why `name` cannot name an input or derived value, or `nil` when it can.
    static func reason(_ name: String) -> String? {
        if Expression.reservedWords.contains(name) {
            return "is a word of the expression language, so no rule could use it"
        }
        switch name {
        case "side": return "is what an evidence sentence's {side} means (the left or right side), so the value could not be shown"
        case "profile": return "names the profile's fields (profile.age, profile.sex, ...), so the value could not be used"
        default: return nil
        }
    }
}
