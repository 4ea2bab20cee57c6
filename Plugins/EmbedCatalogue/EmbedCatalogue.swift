import Foundation
import PackagePlugin

/// Compiles the built-in catalogue (`Assessments/**/*.yaml`) into the target it is applied
/// to, so that `backcheck` carries its catalogue and works from any folder or when the
/// binary is copied elsewhere.
///
/// Answers files (`*.answers.yaml`) are examples for people, not catalogue documents, and
/// are left out.
@main
struct EmbedCatalogue: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL.appending(path: "Assessments")
        // The guides of the documentation catalogue, for `backcheck docs` (one source with DocC).
        let guides = context.package.directoryURL.appending(path: "Sources/AssessmentKit/AssessmentKit.docc")
        let articles = ((try? FileManager.default.contentsOfDirectory(at: guides, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "md" }.sorted { $0.path < $1.path }
        // The skeletons `backcheck new` writes, kept as YAML files rather than string literals.
        let templatesFolder = context.package.directoryURL.appending(path: "Sources/AssessmentKit/Authoring/Templates")
        let templates = ((try? FileManager.default.contentsOfDirectory(at: templatesFolder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
        let files = catalogueFiles(under: root) + articles + templates
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedCatalogue.swift")
        let packageRoot = context.package.directoryURL.path
        return [
            .buildCommand(
                displayName: "Embedding the built-in catalogue and guides (\(files.count) files)",
                executable: try context.tool(named: "catalogue-embedder").url,
                arguments: [output.path, packageRoot] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]
            )
        ]
    }

    /// Every `.yaml`/`.yml` file below `root` except answers files, in a stable order.
    private func catalogueFiles(under root: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [URL] = []
        for case let url as URL in walker {
            let name = url.lastPathComponent
            let isYAML = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
            let isAnswers = name.hasSuffix(".answers.yaml") || name.hasSuffix(".answers.yml")
            if isYAML, !isAnswers { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
