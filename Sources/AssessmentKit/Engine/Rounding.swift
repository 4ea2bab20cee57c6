/// The one rounding rule of reports: computed numbers (severities, priorities, derived
/// values, differences) to 2 decimals, so the same answers always print the same digits.
package enum Rounding {
    /// `value` rounded half away from zero to 2 decimals; non-finite values are kept.
    package static func twoDecimals(_ value: Double) -> Double {
        guard value.isFinite, abs(value) < 1e13 else { return value }
        let rounded = (value * 100).rounded() / 100
        return rounded == 0 ? 0 : rounded
    }
}
