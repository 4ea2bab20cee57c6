/// The conditions inside some expressions that do not read the input a scan varies, where
/// only whether they hold decides the expressions' outcome: `load_increase_percent > 10` in
/// `load_increase_percent > 10 and next_day_pain > 3`, scanned over `next_day_pain`.
///
/// When every other part reads nothing but the input, what the input's values raise is the
/// same for everyone whose held conditions come out the same way (each true, false or not
/// applying): a handful of outcomes, whatever the answers, so what the first person with each
/// outcome finds can be shared by everyone after them (see ``ChangePoints/heldConditions(in:varying:derived:)``).
package struct HeldConditions: Sendable {
    fileprivate var parts: [(node: Node, side: Side?)] = []

    /// How many conditions are held; none when the expressions read nothing but the input.
    package var count: Int { parts.count }

    /// How each condition comes out in `bindings`: 1 when it holds, 0 when it does not, 2
    /// when it does not apply (an unanswered name, say).
    package func outcomes(in bindings: Bindings) -> [UInt8] {
        parts.map { node, side in
            do {
                return try Evaluator(bindings: bindings, side: side, source: "", explains: false).boolean(node) ? 1 : 0
            } catch {
                return 2
            }
        }
    }
}

extension ChangePoints {
    /// The held conditions of `expressions` as `variation` varies, when each expression, on
    /// each of its sides, is made of parts reading nothing but the input (on the side varied),
    /// literals and derived values reading nothing else, and of truth values that do not read
    /// the input, joined by `and`, `or` and `not`; `nil` when a part mixes the input with
    /// anything else (`flexor_hold - extensor_hold > 30`), whose outcome then rests on the
    /// other answers' values and not only on whether some condition holds.
    package static func heldConditions(
        in expressions: [(expression: Expression, sides: [Side?])], varying variation: Variation, derived: [String: Expression]
    ) -> HeldConditions? {
        let finder = ChangePointFinder(analysing: variation, derived: derived)
        var held = HeldConditions()
        for (expression, sides) in expressions {
            for side in sides {
                guard finder.collectHeld(expression.root, side, into: &held.parts) else { return nil }
            }
        }
        return held
    }
}

extension ChangePointFinder {
    /// Adds the held conditions of `node` on `side` to `parts`; `false` when a part mixes the
    /// input with anything else.
    func collectHeld(_ node: Node, _ side: Side?, into parts: inout [(node: Node, side: Side?)]) -> Bool {
        if readsOnlyTheInput(node, side) { return true }
        if node.kind == .boolean, !depends(node, side) {
            parts.append((node, side))
            return true
        }
        switch node.operation {
        case .not(let operand):
            return collectHeld(operand, side, into: &parts)
        case .and(let left, let right), .or(let left, let right):
            return collectHeld(left, side, into: &parts) && collectHeld(right, side, into: &parts)
        case .name(let reference):
            guard let target = derivedTarget(reference, side) else { return false }
            return collectHeld(target.expression.root, target.side, into: &parts)
        default:
            return false
        }
    }
}
