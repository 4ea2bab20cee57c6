/// The numbers a search looks at, from programs compiled for it where they can be.
extension ChangePointFinder {
    /// The number numeric `node` on `side` gives at each value of the input, `nil` where it
    /// does not apply. From a program compiled here for the search (see `Program+Varied.swift`),
    /// which binds nothing per look, so a caller keeps the function for all the looks it makes;
    /// where the part cannot be compiled, from a walk of its tree over the bindings at each value.
    func numbers(_ node: Node, _ side: Side?) -> (Double) -> Double? {
        guard let program = Program(node, side: side, varying: variation, derived: derived) else {
            return { [self] value in number(node, side, at: value) }
        }
        let held = held
        return { program.value(held, varied: $0) }
    }
}
