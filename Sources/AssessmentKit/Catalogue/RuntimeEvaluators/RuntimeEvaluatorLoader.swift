import BackCheckPluginAPI
import BackCheckYAML

/// Finds the `kind: evaluator` documents of the catalogue layers, checks their modules
/// (present, within 1 MiB, the digest the document states, accepted by the sandbox) and
/// makes a plugin of each, before any assessment is read — so an assessment may name one
/// whatever the order of the files.
///
/// Only files that mention `kind: evaluator` are parsed here; the main pass skips these
/// documents. A later layer's evaluator replaces an earlier one with the same id; within one
/// layer a repeated id is an error, as for every kind.
struct RuntimeEvaluatorLoader {
    var registry: PluginRegistry
    var parser: YAMLParser

    /// The biggest module read: 1 MiB.
    static let maxModuleBytes = 1 << 20

    /// The registry with a plugin for every sound evaluator document of `layers` added.
    func registry(adding layers: [CatalogueLayer], reader: NodeReader) -> PluginRegistry {
        var declarations: [String: EvaluatorDeclaration] = [:]
        var order: [String] = []
        for (number, layer) in layers.enumerated() {
            for file in layer.files where KindScan.mentions("evaluator", in: file.bytes) {
                for document in parser.parse(file.bytes, file: file.path).documents {
                    guard let header = CatalogueDocument(document, layer: number, reader: NodeReader()),
                          header.kind == .evaluator,
                          let declaration = EvaluatorDeclaration(header, file: file.path, folder: layer.folder, reader: reader)
                    else { continue }
                    if let earlier = declarations[declaration.id] {
                        if earlier.layer == declaration.layer {
                            reader.error(
                                "duplicate evaluator id '\(declaration.id)': already defined at \(earlier.idMark); ids must be unique per kind",
                                at: declaration.idMark)
                            continue
                        }
                    } else {
                        order.append(declaration.id)
                    }
                    declarations[declaration.id] = declaration
                }
            }
        }
        var plugins: [any EvaluatorPlugin] = []
        for id in order {
            guard let declaration = declarations[id] else { continue }
            if registry.plugin(id) != nil {
                reader.error(
                    "the evaluator id '\(id)' is taken by an evaluator built into the program; choose another id",
                    at: declaration.idMark)
                continue
            }
            if let plugin = load(declaration, reader: reader) { plugins.append(plugin) }
        }
        return (try? registry.adding(plugins)) ?? registry
    }

    private func load(_ declaration: EvaluatorDeclaration, reader: NodeReader) -> RuntimeEvaluatorPlugin? {
        guard let sandbox = registry.sandbox else {
            reader.error(
                "this program cannot run evaluator modules: it was built without a WebAssembly runtime; use backcheck, or give your program's registry a sandbox",
                at: declaration.mark)
            return nil
        }
        let bytes: [UInt8]
        switch FileBytes.load(declaration.modulePath, limit: Self.maxModuleBytes) {
        case .success(let read): bytes = read
        case .failure(let problem):
            reader.error("the module '\(declaration.module)' cannot be used: \(problem.message)", at: declaration.moduleMark)
            return nil
        }
        guard bytes.count <= Self.maxModuleBytes else {
            reader.error("the module '\(declaration.module)' is over the 1 MiB limit for evaluator modules", at: declaration.moduleMark)
            return nil
        }
        let digest = SHA256.hex(of: bytes)
        guard digest == declaration.sha256 else {
            reader.error(
                "the module '\(declaration.module)' has SHA-256 \(digest), not the \(declaration.sha256) this document pins; if you rebuilt it on purpose, write the new digest",
                at: declaration.sha256Mark)
            return nil
        }
        do {
            let module = try sandbox.compile(bytes, limits: declaration.limits)
            return RuntimeEvaluatorPlugin(declaration: declaration, module: module)
        } catch {
            reader.error("the module '\(declaration.module)' \(error.reason)", at: declaration.moduleMark)
            return nil
        }
    }
}
