import BuiltinCatalogue

/// The commented skeleton `backcheck new` writes: an assessment for a chosen evaluator with
/// its own exercise document (and norms, for `normative`), which lints clean as written so an
/// author starts from something that works and edits it.
package enum AssessmentTemplate {
    /// The evaluators a skeleton can be made for.
    package static let evaluators = ["thresholds", "normative", "checklist", "red-flags", "firing-order"]

    /// An answers file for the skeleton: its first example's answers, so the new assessment can
    /// be run the moment it is written (`backcheck run ID --catalog . --answers ID.answers.yaml`).
    package static func answers(id: String, evaluator: String) -> String? {
        guard let yaml = yaml(id: id, evaluator: evaluator) else { return nil }
        let lines = yaml.split(separator: "\n")
        guard let examples = lines.firstIndex(where: { $0.hasPrefix("examples:") }),
              let line = lines[examples...].first(where: { $0.drop { $0 == " " }.hasPrefix("answers: ") }),
              let colon = line.firstIndex(of: ":") else { return nil }
        let value = line[line.index(after: colon)...].drop { $0 == " " }
        return """
            # Answers to try \(id) with: backcheck run \(id) --catalog . --answers \(id).answers.yaml
            # (the first example's answers; files named *.answers.yaml are never read as catalogue documents)
            answers:
              \(id): \(value)

            """
    }

    /// The skeleton's YAML for assessment `id` scored by `evaluator`, or `nil` for an
    /// evaluator without a skeleton. The skeletons are data: `Authoring/Templates/EVALUATOR.yaml`,
    /// embedded at build time, with `{{id}}` and `{{title}}` filled in here.
    package static func yaml(id: String, evaluator: String) -> String? {
        guard let template = BuiltinCatalogue.templates.first(where: { $0.name == evaluator })?.text else { return nil }
        let title = id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return template.split(separator: "{{id}}", omittingEmptySubsequences: false).joined(separator: id)
            .split(separator: "{{title}}", omittingEmptySubsequences: false).joined(separator: title)
    }
}
