internal import BackCheckExpressions
internal import BackCheckPluginAPI

/// A catalogue as a small static website: an index, and a page per assessment (protocol,
/// inputs, findings with the exercises they ask for, evidence and sources), exercise and norms
/// table. Every page is self-contained (inline CSS, no scripts, no requests) and every link is
/// relative, so the folder can be opened from disk or put on any web server.
package enum CatalogueSite {
    /// One page of the site: its file name, and what its HTML is made from.
    package struct Page {
        /// The file name: `index.html`, `assessment-ID.html`, `exercise-ID.html` or `norms-ID.html`.
        package let name: String
        fileprivate let subject: Subject

        /// The page's HTML, made when asked for: a site of a large catalogue is written a page
        /// at a time, never held whole (10 000 assessments' pages came to about 200 MiB).
        package func html(in catalogue: Catalogue) -> String {
            switch subject {
            case .index: CatalogueSite.index(catalogue)
            case .assessment(let index): CatalogueSite.page(catalogue.assessments[index], in: catalogue)
            case .exercise(let id): catalogue.exercises[id].map(CatalogueSite.page) ?? ""
            case .norms(let id): catalogue.norms[id].map(CatalogueSite.page) ?? ""
            }
        }
    }

    /// What a page shows, by its place or id in the catalogue: a list of 10 000 pages holding
    /// copies of what they show took 10 MiB.
    fileprivate enum Subject {
        case index
        case assessment(Int)
        case exercise(String)
        case norms(String)
    }

    /// The pages of `catalogue`, in the order they are written: a page per assessment, exercise
    /// and norms table, then the index, so the index links only to pages already there. Each
    /// page's HTML is made by ``Page/html(in:)`` with the same catalogue.
    package static func pages(_ catalogue: Catalogue) -> [Page] {
        var pages: [Page] = []
        pages.reserveCapacity(catalogue.assessments.count + catalogue.exercises.count + catalogue.norms.count + 1)
        pages += catalogue.assessments.indices.map { Page(name: "assessment-\(catalogue.assessments[$0].id).html", subject: .assessment($0)) }
        pages += catalogue.exercises.keys.sorted().map { Page(name: "exercise-\($0).html", subject: .exercise($0)) }
        pages += catalogue.norms.keys.sorted().map { Page(name: "norms-\($0).html", subject: .norms($0)) }
        pages.append(Page(name: "index.html", subject: .index))
        return pages
    }

    private static func e(_ text: String) -> String { HTMLText.escape(text) }

    private static func frame(_ title: String, _ body: String) -> String {
        HTMLText.document(title: title, css: HTMLExport.css, body: body)
    }

    /// The index, written straight into the page: for a large catalogue it runs to megabytes,
    /// and building its body apart, then framing it, held it twice.
    private static func index(_ catalogue: Catalogue) -> String {
        // About 170 bytes a line: one growth, not a copy at every doubling of megabytes.
        let lines = catalogue.assessments.count + catalogue.exercises.count + catalogue.norms.count
        return HTMLText.document(title: "BackCheck catalogue", css: HTMLExport.css, reserving: 170 * lines) { page in
            page += "<header><h1>BackCheck catalogue</h1><p class=\"meta\">\(catalogue.assessments.count) assessments, \(catalogue.exercises.count) exercises, \(catalogue.norms.count) norms tables</p></header>"
            page += "<section><h2>Assessments</h2><ul>"
            for assessment in catalogue.assessments {
                page += "<li><a href=\"assessment-\(e(assessment.id)).html\">\(e(assessment.title))</a> <span class=\"muted\">\(e(assessment.category.rawValue)) · about \(e(NumberText.format(assessment.durationMinutes))) min · \(e(assessment.evidence.level.rawValue)) evidence</span></li>"
            }
            page += "</ul></section><section><h2>Exercises</h2><ul>"
            for exercise in catalogue.exercises.values.sorted(by: { $0.name < $1.name }) {
                page += "<li><a href=\"exercise-\(e(exercise.id)).html\">\(e(exercise.name))</a> <span class=\"muted\">\(e(exercise.kind.rawValue))</span></li>"
            }
            page += "</ul></section><section><h2>Norms</h2><ul>"
            for table in catalogue.norms.values.sorted(by: { $0.id < $1.id }) {
                page += "<li><a href=\"norms-\(e(table.id)).html\">\(e(table.id))</a> <span class=\"muted\">\(e(table.population))</span></li>"
            }
            page += "</ul></section>"
        }
    }

    private static func page(_ assessment: Assessment, in catalogue: Catalogue) -> String {
        var body = "<p><a href=\"index.html\">← Catalogue</a></p><h1>\(e(assessment.title))</h1>"
        body += "<p class=\"meta\">\(e(assessment.id)) v\(assessment.version) · \(e(assessment.category.rawValue)) · about \(e(NumberText.format(assessment.durationMinutes))) min · evaluator \(e(assessment.evaluatorID))</p>"
        body += "<p>\(e(assessment.summary))</p>"
        if !assessment.equipment.isEmpty { body += "<p><strong>You need:</strong> \(e(assessment.equipment.joined(separator: "; ")))</p>" }
        body += "<section><h2>How to do it</h2><p class=\"steps\">\(e(assessment.instructions))</p></section>"
        body += "<section><h2>What is measured</h2><ul>"
        for input in assessment.inputs {
            var facts = [input.type.rawValue]
            if let unit = input.unit { facts.append(unit) }
            if let range = input.range { facts.append("\(NumberText.format(range.lowerBound)) to \(NumberText.format(range.upperBound))") }
            if input.bilateral { facts.append("left and right") }
            if let mdc = input.spec.mdc { facts.append("MDC \(NumberText.format(mdc))") }
            if input.optional { facts.append("optional") }
            body += "<li><strong>\(e(input.label))</strong> <span class=\"muted\">\(e(input.name)): \(e(facts.joined(separator: ", ")))</span>"
            if let help = input.help { body += "<br>\(e(help))" }
            body += "</li>"
        }
        body += "</ul></section><section><h2>What it can find</h2><ul>"
        for finding in assessment.findings {
            body += "<li><strong>\(e(finding.title))</strong> <span class=\"muted\">\(e(finding.tier.rawValue))\(finding.urgency.map { ", " + e($0.rawValue) } ?? "")</span><br>\(e(finding.explain))"
            if let advice = finding.advice { body += "<br><em>\(e(advice))</em>" }
            let links = finding.recommend.compactMap { recommendation -> String? in
                guard let exercise = catalogue.exercise(recommendation.exercise) else { return nil }
                return "<a href=\"exercise-\(e(exercise.id)).html\">\(e(exercise.name))</a>"
            }
            if !links.isEmpty { body += "<br>Exercises: " + links.joined(separator: ", ") }
            body += "</li>"
        }
        let level = assessment.evidence.level.rawValue
        let trust = level.prefix(1).uppercased() + level.dropFirst() + " evidence. " + (assessment.evidence.note ?? "")
        body += "</ul></section><section><h2>How far to trust it</h2><p>\(e(trust))</p></section>"
        body += "<section><h2>Sources</h2><ul>" + assessment.references.map { "<li>\(e($0))</li>" }.joined() + "</ul></section>"
        return frame(assessment.title, body)
    }

    private static func page(_ exercise: Exercise) -> String {
        var body = "<p><a href=\"index.html\">← Catalogue</a></p><h1>\(e(exercise.name))</h1>"
        body += "<p class=\"meta\">\(e(exercise.kind.rawValue)) · pattern \(e(exercise.pattern.rawValue)) · \(exercise.loaded ? "loaded work" : "not loaded")</p>"
        if !exercise.targets.isEmpty { body += "<p><strong>Targets:</strong> \(e(exercise.targets.joined(separator: ", ")))</p>" }
        body += "<p><strong>Dose:</strong> \(e(Wording.dosage(exercise.dosage)))\(exercise.dosage.note.map { ". " + e($0) } ?? "")</p>"
        body += "<section><h2>How to do it</h2><p class=\"steps\">\(e(exercise.instructions))</p>"
        if !exercise.cues.isEmpty { body += "<p><strong>Cues:</strong> \(e(exercise.cues.joined(separator: "; ")))</p>" }
        if !exercise.cautions.isEmpty { body += "<p><strong>Take care:</strong> \(e(exercise.cautions.joined(separator: "; ")))</p>" }
        body += "</section>"
        for (label, id) in [("Easier", exercise.regression), ("Harder", exercise.progression)] {
            if let id { body += "<p>\(label): <a href=\"exercise-\(e(id)).html\">\(e(id))</a></p>" }
        }
        if !exercise.references.isEmpty { body += "<section><h2>Sources</h2><ul>" + exercise.references.map { "<li>\(e($0))</li>" }.joined() + "</ul></section>" }
        return frame(exercise.name, body)
    }

    private static func page(_ table: NormsTable) -> String {
        var body = "<p><a href=\"index.html\">← Catalogue</a></p><h1>\(e(table.id))</h1><p>\(e(table.population))</p><p class=\"muted\">\(e(table.source))</p>"
        if let note = table.note { body += "<p>\(e(note))</p>" }
        body += "<table class=\"summary\"><thead><tr><th>Measure</th><th>Men</th><th>Women</th></tr></thead><tbody>"
        for (name, measure) in table.measures.sorted(by: { $0.key < $1.key }) {
            func bands(_ list: [NormBand]) -> String {
                list.map { "\(NumberText.format($0.mean)) ± \(NumberText.format($0.sd))" + ($0.ages.map { " (\(NumberText.format($0.lowerBound))-\(NumberText.format($0.upperBound)))" } ?? "") }
                    .joined(separator: "; ")
            }
            body += "<tr><td>\(e(name))\(measure.unit.map { " (" + e($0) + ")" } ?? "")</td><td>\(e(bands(measure.male)))</td><td>\(e(bands(measure.female)))</td></tr>"
        }
        return frame(table.id, body + "</tbody></table>")
    }
}
