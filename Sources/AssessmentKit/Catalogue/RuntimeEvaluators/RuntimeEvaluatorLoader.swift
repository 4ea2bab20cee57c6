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
    /// The most evaluators the catalogues of one load may bring: each holds compiled code and
    /// an instance, so their number is bounded like their size.
    static let maxEvaluators = 32

    /// A file of a layer: where a parse is kept for the main pass.
    struct FileKey: Hashable, Sendable {
        var layer: Int
        var file: Int
    }

    /// The registry with a plugin for every sound evaluator document of `layers` added, the
    /// files parsed to find them (which the main pass reads without parsing them again), and
    /// the ids of evaluator documents that had errors, with where each is defined: an
    /// assessment naming one is then told it failed, not that no such evaluator exists. Also
    /// the path of every module the documents name, so a command can refuse to write over one.
    func registry(adding layers: [CatalogueLayer], reader: NodeReader)
        -> (registry: PluginRegistry, parsed: [FileKey: YAMLParseResult], unusable: [String: SourceMark], modules: [String])
    {
        var unusable: [String: SourceMark] = [:]
        var parsed: [FileKey: YAMLParseResult] = [:]
        var declarations: [String: EvaluatorDeclaration] = [:]
        var order: [String] = []
        var modules: [String] = []
        for (number, layer) in layers.enumerated() {
            let files = layer.files
            let mentions = ParallelMap.map(files.count, minimumCount: 64) { KindScan.mentions("evaluator", in: files[$0].bytes) }
            for (index, file) in files.enumerated() where mentions[index] {
                let result = parser.parse(file.bytes, file: file.path)
                parsed[FileKey(layer: number, file: index)] = result
                for document in result.documents {
                    guard let header = CatalogueDocument(document, layer: number, reader: NodeReader()),
                          header.kind == .evaluator else { continue }
                    // Named even when the document has errors, which is when its author lints it.
                    if let module = header.root["module"]?.scalar?.text,
                       let path = ModulePath.resolve(module, besides: file.path, inside: layer.folder) {
                        modules.append(path)
                    }
                    guard let declaration = EvaluatorDeclaration(header, file: file.path, folder: layer.folder, reader: reader) else {
                        unusable[header.id] = header.root["id"]?.mark ?? header.root.mark
                        continue
                    }
                    if let earlier = declarations[declaration.id] {
                        if earlier.layer == declaration.layer {
                            reader.error(
                                "duplicate evaluator id '\(declaration.id)': already defined at \(earlier.idMark); ids must be unique per kind",
                                at: declaration.idMark)
                            continue
                        }
                        // Code from another folder would score the earlier catalogue's assessments.
                        if !header.declaresReplacement {
                            reader.warning(
                                "this evaluator replaces the one with id '\(declaration.id)' at \(earlier.idMark), so every assessment naming it is scored by this module; add 'replaces: \(declaration.id)' if that is meant, or choose another id",
                                at: declaration.idMark)
                        }
                    } else {
                        order.append(declaration.id)
                    }
                    declarations[declaration.id] = declaration
                }
            }
        }
        var plugins: [any EvaluatorPlugin] = []
        var compiled: [String: any SandboxedModule] = [:]
        for (position, id) in order.enumerated() {
            guard let declaration = declarations[id] else { continue }
            guard position < Self.maxEvaluators else {
                reader.error(
                    "catalogues may bring at most \(Self.maxEvaluators) evaluators; this is one more: combine evaluators into one module",
                    at: declaration.idMark)
                continue
            }
            if registry.plugin(id) != nil {
                reader.error(
                    "the evaluator id '\(id)' is taken by an evaluator built into the program; choose another id",
                    at: declaration.idMark)
                continue
            }
            if let plugin = load(declaration, compiled: &compiled, reader: reader) {
                plugins.append(plugin)
            } else {
                unusable[id] = declaration.idMark
            }
        }
        return ((try? registry.adding(plugins)) ?? registry, parsed, unusable, modules)
    }

    /// Reads, checks and compiles the module of `declaration`; a module already compiled with
    /// the same digest and limits (`compiled`) is shared rather than compiled again.
    private func load(
        _ declaration: EvaluatorDeclaration, compiled: inout [String: any SandboxedModule], reader: NodeReader
    ) -> RuntimeEvaluatorPlugin? {
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
        let key = "\(digest) \(declaration.limits.fuel) \(declaration.limits.memoryBytes)"
        if let module = compiled[key] { return RuntimeEvaluatorPlugin(declaration: declaration, module: module) }
        do {
            let module = try sandbox.compile(bytes, limits: declaration.limits)
            compiled[key] = module
            return RuntimeEvaluatorPlugin(declaration: declaration, module: module)
        } catch {
            reader.error("the module '\(declaration.module)' \(error.reason)", at: declaration.moduleMark)
            return nil
        }
    }
}
