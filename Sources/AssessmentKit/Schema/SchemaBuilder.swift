package import BackCheckYAML

/// A few helpers that keep the JSON Schemas (draft 2020-12) short enough to read.
package enum SchemaBuilder {
    package typealias Members = [(key: String, value: JSONValue)]

    package static let draft = "https://json-schema.org/draft/2020-12/schema"

    package static func document(id: String, title: String, description: String, root: JSONValue, definitions: Members = []) -> JSONValue {
        var members: Members = [
            ("$schema", .string(draft)), ("$id", .string(id)), ("title", .string(title)),
            ("description", .string(description)),
        ]
        if case .object(let rootMembers) = root { members += rootMembers }
        if !definitions.isEmpty { members.append(("$defs", .object(definitions))) }
        return .object(members)
    }

    package static func object(
        _ properties: Members, required: [String] = [], additional: JSONValue? = .bool(false), description: String? = nil
    ) -> JSONValue {
        var members: Members = [("type", .string("object"))]
        if let description { members.append(("description", .string(description))) }
        members.append(("properties", .object(properties)))
        if !required.isEmpty { members.append(("required", .array(required.map(JSONValue.string)))) }
        if let additional { members.append(("additionalProperties", additional)) }
        return .object(members)
    }

    package static func map(_ values: JSONValue, description: String? = nil, keyPattern: String? = nil) -> JSONValue {
        var members: Members = [("type", .string("object"))]
        if let description { members.append(("description", .string(description))) }
        if let keyPattern { members.append(("propertyNames", .object([("pattern", .string(keyPattern))]))) }
        members.append(("additionalProperties", values))
        return .object(members)
    }

    package static func typed(_ type: String, _ description: String? = nil, extra: Members = []) -> JSONValue {
        var members: Members = [("type", .string(type))]
        if let description { members.append(("description", .string(description))) }
        return .object(members + extra)
    }

    package static func string(_ description: String? = nil, pattern: String? = nil) -> JSONValue {
        typed("string", description, extra: pattern.map { [("pattern", .string($0))] } ?? [])
    }

    package static func choice(_ values: [String], _ description: String? = nil) -> JSONValue {
        var members: Members = [("enum", .array(values.map(JSONValue.string)))]
        if let description { members.insert(("description", .string(description)), at: 0) }
        return .object(members)
    }

    package static func number(_ description: String? = nil, minimum: Double? = nil, maximum: Double? = nil) -> JSONValue {
        var extra: Members = []
        if let minimum { extra.append(("minimum", ReportJSON.number(minimum))) }
        if let maximum { extra.append(("maximum", ReportJSON.number(maximum))) }
        return typed("number", description, extra: extra)
    }

    package static func integer(_ description: String? = nil, minimum: Int? = nil) -> JSONValue {
        typed("integer", description, extra: minimum.map { [("minimum", .integer($0))] } ?? [])
    }

    package static func boolean(_ description: String? = nil) -> JSONValue { typed("boolean", description) }

    package static func array(_ items: JSONValue, _ description: String? = nil, minItems: Int? = nil, maxItems: Int? = nil) -> JSONValue {
        var extra: Members = [("items", items)]
        if let minItems { extra.append(("minItems", .integer(minItems))) }
        if let maxItems { extra.append(("maxItems", .integer(maxItems))) }
        return typed("array", description, extra: extra)
    }

    package static func anyOf(_ schemas: [JSONValue], _ description: String? = nil) -> JSONValue {
        var members: Members = [("anyOf", .array(schemas))]
        if let description { members.insert(("description", .string(description)), at: 0) }
        return .object(members)
    }

    package static func ref(_ name: String) -> JSONValue { .object([("$ref", .string("#/$defs/\(name)"))]) }

    package static let null = JSONValue.object([("type", .string("null"))])

    package static let kebab = "^[a-z0-9]+(-[a-z0-9]+)*$"
    package static let snake = "^[a-z][a-z0-9_]*$"
}
