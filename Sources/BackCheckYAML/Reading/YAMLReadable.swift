/// A type that can be read from a YAML node, reporting problems instead of throwing.
///
/// The field a value is read into decides how a scalar is typed: a `String` field keeps
/// `no`, `on`, `0x10` and `1e3` as text; an `Int` field accepts only plain decimal
/// integers; a `Bool` field accepts only `true` and `false`.
public protocol YAMLReadable {
    /// How the type is named in messages: `an integer`, `a string`.
    static var yamlTypeDescription: String { get }

    /// Reads a value from `node`, or reports why it cannot and returns `nil`.
    static func read(from node: YAMLNode, in reader: NodeReader) -> Self?
}

extension YAMLReadable {
    /// Reports the standard wrong-type error: `expected an integer, found the string "one"`.
    static func mismatch(_ node: YAMLNode, in reader: NodeReader, hint: String = "") -> Self? {
        // The broken alias was reported where it stands; "found nothing" would only mislead.
        guard !node.standsInForBrokenAlias else { return nil }
        reader.error("expected \(yamlTypeDescription), found \(node.kindDescription)\(hint)", at: node.mark)
        return nil
    }
}

extension String: YAMLReadable {
    /// `a string`.
    public static var yamlTypeDescription: String { "a string" }

    /// Any non-null scalar's text.
    public static func read(from node: YAMLNode, in reader: NodeReader) -> String? {
        guard let scalar = node.scalar, !node.isNull else { return mismatch(node, in: reader) }
        return scalar.text
    }
}

extension Int: YAMLReadable {
    /// `an integer`.
    public static var yamlTypeDescription: String { "an integer" }

    /// A plain decimal integer such as `3` or `-12`.
    public static func read(from node: YAMLNode, in reader: NodeReader) -> Int? {
        guard let scalar = node.scalar, !node.isNull else { return mismatch(node, in: reader) }
        guard scalar.style == .plain else {
            return mismatch(node, in: reader, hint: NumberHint.hint(for: scalar.text, quoted: true, whole: true))
        }
        if let value = Int(scalar.text.hasPrefix("+") ? String(scalar.text.dropFirst()) : scalar.text) {
            return value
        }
        if let decimal = Double(scalar.text), decimal.isFinite {
            // 1.5e7 is a whole number written as a float: say how to write it, not that it is not whole.
            if decimal == decimal.rounded(), let whole = Int(exactly: decimal) {
                return mismatch(node, in: reader, hint: "; this field takes whole numbers written in digits: \(whole)")
            }
            return mismatch(node, in: reader, hint: "; this field takes whole numbers only")
        }
        return mismatch(node, in: reader, hint: NumberHint.hint(for: scalar.text, quoted: false, whole: true))
    }
}

extension Double: YAMLReadable {
    /// `a number`.
    public static var yamlTypeDescription: String { "a number" }

    /// A plain integer or decimal such as `12`, `-0.5` or `1.5e2`; not `.inf` or `.nan`.
    public static func read(from node: YAMLNode, in reader: NodeReader) -> Double? {
        guard let scalar = node.scalar, !node.isNull else { return mismatch(node, in: reader) }
        guard scalar.style == .plain else {
            return mismatch(node, in: reader, hint: NumberHint.hint(for: scalar.text, quoted: true))
        }
        guard let value = YAMLCoreSchema.decimal(scalar.text) else {
            if Self.overflows(scalar.text) {
                reader.error("\(scalar.text) is out of range: it is too large to be a number here", at: node.mark)
                return nil
            }
            return mismatch(node, in: reader, hint: NumberHint.hint(for: scalar.text, quoted: false))
        }
        return value
    }
}

extension Double {
    /// Whether `text` is written as a number but is too large for one (`1e400`).
    static func overflows(_ text: String) -> Bool {
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || (first >= 0x30 && first <= 0x39) || first == UInt8(ascii: ".")
        else { return false }
        return Double(text).map { $0.isInfinite } ?? false
    }
}

extension Bool: YAMLReadable {
    /// `true or false`.
    public static var yamlTypeDescription: String { "true or false" }

    /// Only the plain scalars `true` and `false`; YAML 1.1's `yes`, `no`, `on` and `off`
    /// are reported with a hint.
    public static func read(from node: YAMLNode, in reader: NodeReader) -> Bool? {
        guard let scalar = node.scalar, !node.isNull else { return mismatch(node, in: reader) }
        let truthy = ["true", "yes", "y", "on", "True", "TRUE", "Yes", "YES", "On", "ON", "Y"]
        let falsy = ["false", "no", "n", "off", "False", "FALSE", "No", "NO", "Off", "OFF", "N"]
        guard scalar.style == .plain else {
            // Quotes make text of it: `"true"` is a word, not a yes.
            let unquoted = truthy.contains(scalar.text) ? "true" : falsy.contains(scalar.text) ? "false" : nil
            return mismatch(node, in: reader, hint: unquoted.map { "; write \($0) without quotes" } ?? "")
        }
        switch scalar.text {
        case "true": return true
        case "false": return false
        default:
            if truthy.contains(scalar.text) { return mismatch(node, in: reader, hint: "; write true") }
            if falsy.contains(scalar.text) { return mismatch(node, in: reader, hint: "; write false") }
            return mismatch(node, in: reader)
        }
    }
}

extension Array: YAMLReadable where Element: YAMLReadable {
    /// `a sequence`.
    public static var yamlTypeDescription: String { "a sequence" }

    /// A sequence whose items all read as `Element`; every bad item is reported.
    public static func read(from node: YAMLNode, in reader: NodeReader) -> [Element]? {
        guard let items = node.sequence else { return mismatch(node, in: reader) }
        var values: [Element] = []
        values.reserveCapacity(items.count)
        var failed = false
        for item in items {
            if let value = Element.read(from: item, in: reader) { values.append(value) } else { failed = true }
        }
        return failed ? nil : values
    }
}

/// A string enumeration read from YAML by its raw value, with "did you mean" on a typo.
///
/// ```swift
/// enum Category: String, YAMLEnumeration { case mobility, activation }
/// ```
public protocol YAMLEnumeration: YAMLReadable, CaseIterable, RawRepresentable where RawValue == String {}

extension YAMLEnumeration {
    /// `one of a, b, c`.
    public static var yamlTypeDescription: String {
        "one of " + allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// The case whose raw value is the scalar's text.
    public static func read(from node: YAMLNode, in reader: NodeReader) -> Self? {
        guard let scalar = node.scalar, !node.isNull else { return mismatch(node, in: reader) }
        if let value = Self(rawValue: scalar.text) { return value }
        let names = allCases.map(\.rawValue)
        var hint = Suggestion.hint(for: scalar.text, among: names)
        // A word written out in full (`degrees` for `deg`, `seconds` for `s`) is too far from the
        // short name for a spelling match, but starts with it.
        let lowered = scalar.text.lowercased()
        if hint.isEmpty, case let starting = names.filter({ lowered.hasPrefix($0.lowercased()) }), starting.count == 1 {
            hint = "; did you mean '\(starting[0])'?"
        }
        return mismatch(node, in: reader, hint: hint)
    }
}
