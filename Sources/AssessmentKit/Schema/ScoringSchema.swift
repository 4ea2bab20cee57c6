import BackCheckPluginAPI
import BackCheckYAML

/// Turns a plugin's documented `scoring` keys into a schema, so an editor offers them with
/// their meaning. Paths such as `rules[].when` and `measures.<input>.norm` become nested
/// properties; the plugin itself still checks the block when the catalogue loads.
enum ScoringSchema {
    static func schema(for plugin: any EvaluatorPlugin) -> JSONValue {
        var root = Node()
        for key in plugin.scoringKeys { root.insert(path: split(key.name)[...], key: key) }
        return root.schema(description: plugin.summary)
    }

    private enum Step: Hashable {
        case field(String)
        case items
        case anyName
    }

    private static func split(_ name: String) -> [Step] {
        var steps: [Step] = []
        for part in name.split(separator: ".") {
            if part.hasPrefix("<") { steps.append(.anyName); continue }
            if part.hasSuffix("[]") {
                steps.append(.field(String(part.dropLast(2))))
                steps.append(.items)
            } else {
                steps.append(.field(String(part)))
            }
        }
        return steps
    }

    private struct Node {
        var key: ScoringKey?
        var fields: [(String, Node)] = []
        var items: [Node] = []
        var anyName: [Node] = []

        mutating func insert(path: ArraySlice<Step>, key: ScoringKey) {
            guard let step = path.first else {
                self.key = key
                return
            }
            switch step {
            case .field(let name):
                if let index = fields.firstIndex(where: { $0.0 == name }) {
                    fields[index].1.insert(path: path.dropFirst(), key: key)
                } else {
                    var child = Node()
                    child.insert(path: path.dropFirst(), key: key)
                    fields.append((name, child))
                }
            case .items:
                if items.isEmpty { items.append(Node()) }
                items[0].insert(path: path.dropFirst(), key: key)
            case .anyName:
                if anyName.isEmpty { anyName.append(Node()) }
                anyName[0].insert(path: path.dropFirst(), key: key)
            }
        }

        func schema(description: String? = nil) -> JSONValue {
            var members: [(key: String, value: JSONValue)] = []
            if let text = description ?? key.map({ "\($0.meaning) (\($0.type))" }) { members.append(("description", .string(text))) }
            if let item = items.first {
                members.append(("type", .string("array")))
                members.append(("items", item.schema()))
            } else if !fields.isEmpty {
                members.append(("type", .string("object")))
                members.append(("properties", .object(fields.map { ($0.0, $0.1.schema()) })))
                let required = fields.filter { $0.1.key?.required == true }.map { JSONValue.string($0.0) }
                if !required.isEmpty { members.append(("required", .array(required))) }
            } else if let value = anyName.first {
                members.append(("type", .string("object")))
                members.append(("additionalProperties", value.schema()))
            } else if let key {
                members += Self.types(for: key.type)
            }
            return .object(members)
        }

        /// A loose JSON type for a documented type: enough for completion, never stricter
        /// than the plugin.
        static func types(for text: String) -> [(key: String, value: JSONValue)] {
            let lower = text.lowercased()
            let types: [String]
            if lower.contains("or {") { types = ["string", "object"] }
            else if lower.hasPrefix("list") { types = ["array"] }
            else if lower.hasPrefix("true or false") { types = ["boolean"] }
            else if lower.contains("number") && lower.contains("expression") { types = ["number", "string"] }
            else if lower.hasPrefix("expression") { types = ["string", "number", "boolean"] }
            else if lower.hasPrefix("mapping") { types = ["object"] }
            else if lower.hasPrefix("number") { types = ["number"] }
            else if lower.contains("id") || lower.contains("name") || lower.contains("left | right") { types = ["string"] }
            else { return [] }
            return [("type", types.count == 1 ? .string(types[0]) : .array(types.map(JSONValue.string)))]
        }
    }
}
