import BackCheckPluginAPI
import BackCheckYAML

/// A `kind: evaluator` document (wasm-evaluators spec 1): an evaluator a catalogue brings as a
/// WebAssembly module, with the keys of its `scoring` block and its limits.
struct EvaluatorDeclaration: Sendable {
    /// One documented key of the evaluator's `scoring` block.
    struct Key: Sendable {
        enum Kind: String, CaseIterable, YAMLEnumeration {
            case number, integer, boolean, text, list, mapping, expression
            case inputName = "input-name"
            case findingID = "finding-id"
        }

        var name: String
        var kind: Kind
        var required: Bool
        var doc: String
    }

    var id: String
    var idMark: SourceMark
    var mark: SourceMark
    var layer: Int
    /// The module's path as written, and as resolved on disk.
    var module: String
    var modulePath: String
    var moduleMark: SourceMark
    var sha256: String
    var sha256Mark: SourceMark
    var summary: String
    var keys: [Key]
    var limits: SandboxLimits

    static let knownKeys = CatalogueDocument.headerKeys + ["module", "sha256", "summary", "scoring_keys", "limits"]

    /// Reads the document's body, reporting each problem at its place. `folder` is the
    /// catalogue folder the module must stay inside; `file` the YAML file's path.
    init?(_ document: CatalogueDocument, file: String, folder: String?, reader: NodeReader) {
        guard let fields = reader.mapping(document.root, of: "an evaluator") else { return nil }
        let errorsBefore = reader.diagnostics.errorCount
        let module = fields.required("module", as: String.self)
        let sha256 = fields.required("sha256", as: String.self)
        let summary = fields.required("summary", as: String.self)
        let keys = fields.requiredNode("scoring_keys").flatMap { Self.readKeys($0, reader: reader) }
        let limits = Self.readLimits(fields.node("limits"), reader: reader)
        fields.rejectUnknownKeys(alsoKnown: CatalogueDocument.headerKeys)
        if let sha256, let node = fields.node("sha256"), !Self.isHexDigest(sha256) {
            reader.error("'sha256' must be the module's SHA-256 as 64 hex digits, found '\(sha256)'", at: node.mark)
        }
        guard let module, let sha256, let summary, let keys, let limits, let moduleNode = fields.node("module"),
              reader.diagnostics.errorCount == errorsBefore
        else { return nil }
        guard let resolved = ModulePath.resolve(module, besides: file, inside: folder) else {
            let place = folder.map { "inside the catalogue folder \($0)" } ?? "inside a catalogue folder on disk"
            reader.error(
                "the module '\(module)' must be a relative path to an existing file \(place); build or move the module there and name it relative to this file",
                at: moduleNode.mark)
            return nil
        }
        id = document.id
        idMark = document.root["id"]?.mark ?? document.root.mark
        mark = document.root.mark
        layer = document.layer
        self.module = module
        modulePath = resolved
        moduleMark = moduleNode.mark
        self.sha256 = sha256.lowercased()
        sha256Mark = fields.node("sha256")?.mark ?? document.root.mark
        self.summary = summary
        self.keys = keys
        self.limits = limits
    }

    private static func readKeys(_ node: YAMLNode, reader: NodeReader) -> [Key]? {
        guard let items = node.sequence else {
            reader.error("'scoring_keys' must be a list of {key, type, required, doc}, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        var keys: [Key] = []
        var failed = false
        for item in items {
            guard let fields = reader.mapping(item, of: "a scoring key") else { failed = true; continue }
            let name = fields.required("key", as: String.self)
            let kind = fields.required("type", as: Key.Kind.self)
            let required = fields.optional("required", as: Bool.self) ?? false
            let doc = fields.required("doc", as: String.self)
            fields.rejectUnknownKeys()
            guard let name, let kind, let doc else { failed = true; continue }
            if keys.contains(where: { $0.name == name }) {
                reader.error("the scoring key '\(name)' is listed twice", at: item.mark)
                failed = true
            }
            keys.append(Key(name: name, kind: kind, required: required, doc: doc))
        }
        return failed ? nil : keys
    }

    /// The limits asked for (the defaults when absent), or `nil` when they cannot be read.
    private static func readLimits(_ node: YAMLNode?, reader: NodeReader) -> SandboxLimits? {
        guard let node else { return .default }
        guard let fields = reader.mapping(node, of: "the limits") else { return nil }
        let maximum = SandboxLimits.maximum
        let fuel = fields.optional("fuel", as: Int.self, in: 1...Int(maximum.fuel))
        let memory = fields.optional("memory_mb", as: Int.self, in: 1...(maximum.memoryBytes >> 20))
        fields.rejectUnknownKeys()
        if fields.contains("fuel"), fuel == nil { return nil }
        if fields.contains("memory_mb"), memory == nil { return nil }
        return SandboxLimits(
            fuel: fuel.map(UInt64.init) ?? SandboxLimits.default.fuel,
            memoryBytes: memory.map { $0 << 20 } ?? SandboxLimits.default.memoryBytes)
    }

    private static func isHexDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.lowercased().utf8.allSatisfy { ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }
    }
}
