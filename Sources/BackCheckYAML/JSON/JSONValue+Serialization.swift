extension JSONValue: CustomStringConvertible {
    /// The value as JSON text, members in their stored order.
    ///
    /// - Parameter pretty: `true` for one member or item per line, indented by two spaces
    ///   per level; `false` (the default) for the compact form with no spaces.
    ///
    /// Integers print without a decimal point, other numbers in the shortest form that reads
    /// back to the same `Double`, and non-finite numbers (which JSON cannot express) as `null`.
    public func serialized(pretty: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty)
        writer.write(self)
        return writer.text
    }

    /// The compact serialization.
    public var description: String { serialized() }
}
