extension YAMLNode {
    /// The node as JSON data, typing scalars as a document with no schema would be typed.
    ///
    /// - Untagged plain scalars resolve by the YAML 1.2 core schema: `null`, `true`, `12`,
    ///   `0x1F`, `1.5e3`, `.inf` become null, booleans and numbers; anything else is a string.
    ///   (`no`, `on` and `1:30` stay strings: YAML 1.1's guesses are not made.)
    /// - Quoted and block scalars, and the non-specific tag `!`, are strings.
    /// - The core tags `!!str`, `!!int`, `!!float`, `!!bool` and `!!null` are honoured; a
    ///   value that does not fit its tag, and any other tag, is kept as its string text.
    /// - Mapping keys become their scalar text; a collection key becomes its compact JSON.
    ///
    /// This is for whole documents with no target type (`--format json`, the YAML test
    /// suite); fields of the catalogue are typed by where they are read instead.
    public var jsonValue: JSONValue {
        switch content {
        case .scalar(let scalar): return Self.json(for: scalar, tag: tag)
        case .sequence(let items): return .array(items.map(\.jsonValue))
        case .mapping(let pairs):
            return .object(pairs.map { pair in
                let key = pair.key.scalar?.text ?? pair.key.jsonValue.serialized()
                return (key, pair.value.jsonValue)
            })
        }
    }

    private static func json(for scalar: YAMLScalar, tag: String?) -> JSONValue {
        let text = scalar.text
        switch tag {
        case nil:
            guard scalar.style == .plain else { return .string(text) }
            switch YAMLCoreSchema.resolve(text) {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .integer(let value): return .integer(value)
            case .float(let value): return .number(value)
            case .string(let value): return .string(value)
            }
        case "tag:yaml.org,2002:null":
            return .null
        case "tag:yaml.org,2002:bool":
            switch YAMLCoreSchema.resolve(text) {
            case .bool(let value): return .bool(value)
            default: return .string(text)
            }
        case "tag:yaml.org,2002:int":
            return YAMLCoreSchema.integer(text).map(JSONValue.integer) ?? .string(text)
        case "tag:yaml.org,2002:float":
            switch YAMLCoreSchema.resolve(text) {
            case .integer(let value): return .number(Double(value))
            case .float(let value): return .number(value)
            default: return .string(text)
            }
        default:
            return .string(text)
        }
    }
}
