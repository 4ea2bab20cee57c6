public import BackCheckYAML

extension JSONSchemas {
    /// `schema` with every `"additionalProperties": false` taken out, so an object may carry
    /// fields it does not list.
    ///
    /// The output formats promise that "more fields may be added" (spec 7.1): an app that
    /// validates reports or comparisons with this schema must keep accepting those of a later
    /// BackCheck. The strict form, which lists every field this version writes and no other,
    /// is for checking BackCheck's own output; input formats (answers, catalogue documents)
    /// stay strict, where an unknown key is a typo to report.
    public static func acceptingAddedFields(_ schema: JSONValue) -> JSONValue {
        switch schema {
        case .object(let members):
            .object(members.compactMap { key, value in
                key == "additionalProperties" && value == .bool(false) ? nil : (key, acceptingAddedFields(value))
            })
        case .array(let items):
            .array(items.map(acceptingAddedFields))
        default:
            schema
        }
    }
}
