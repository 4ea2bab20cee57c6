import BackCheckPluginAPI
import BackCheckYAML

extension DocumentStore {
    /// Hands every document's problems to `reader` (norms, exercises, then assessments, each
    /// kind in file order), builds the catalogue from what read cleanly, and checks the
    /// references between documents.
    func finish(registry: PluginRegistry, reader: NodeReader) -> Catalogue {
        // Every recommendation is looked up on another core while the rest is done here; only
        // those naming no exercise come back, to be reported last, as before.
        let exerciseIDs = Set(exercises.keys)
        let assessments = self.assessments
        let unknownRecommendations = BackgroundWork(inline: assessments.count < Self.worthAnotherCore) {
            ReferenceCheck.unknownRecommendations(in: assessments, exerciseIDs: exerciseIDs)
        }
        // The marks are sorted, not the entries: an entry is large, and moving one at every
        // step of the sort cost more than comparing. Given in the order they were added (nearly
        // file order: the sort then merges a run per layer), not the dictionary's, 10 000
        // assessments take a few thousand comparisons of paths instead of some 130 000.
        func inFileOrder<Value>(_ entries: [String: Entry<Value>], added: [String] = []) -> [Entry<Value>] {
            let ids = added.count == entries.count ? added : Array(entries.keys)
            return ids.compactMap { id in entries[id].map { (mark: $0.mark, id: id) } }.sorted { $0.mark < $1.mark }.compactMap { entries[$0.id] }
        }
        let assessmentsInOrder = inFileOrder(assessments, added: assessmentsAdded)
        let exercisesInOrder = inFileOrder(exercises)
        reader.report(contentsOf: replacedDiagnostics)
        var tables: [String: NormsTable] = [:]
        for entry in inFileOrder(norms) {
            reader.report(contentsOf: entry.diagnostics)
            if let table = entry.value { tables[table.id] = table }
        }
        var exerciseValues: [String: Exercise] = [:]
        for entry in exercisesInOrder {
            reader.report(contentsOf: entry.diagnostics)
            if let exercise = entry.value { exerciseValues[exercise.id] = exercise }
        }
        var assessmentValues: [Assessment] = []
        assessmentValues.reserveCapacity(assessmentsInOrder.count)
        for entry in assessmentsInOrder {
            reader.report(contentsOf: entry.diagnostics)
            if let assessment = entry.value { assessmentValues.append(assessment) }
        }
        var known = Vocabulary(regions: [], targets: [])
        for entry in inFileOrder(vocabularies) {
            reader.report(contentsOf: entry.diagnostics)
            if let vocabulary = entry.value { known.merge(vocabulary) }
        }
        // Words outside the vocabulary are warnings, only when the catalogue has one.
        if !vocabularies.isEmpty {
            for entry in assessmentsInOrder { known.check(entry.words, against: known.regions, what: "region", reader: reader) }
            for entry in exercisesInOrder { known.check(entry.words, against: known.targets, what: "target", reader: reader) }
        }
        assessmentValues.sort { $0.id < $1.id }
        let catalogue = Catalogue(
            assessments: assessmentValues, exercises: exerciseValues, norms: tables,
            replacements: replacements, registry: registry,
            leftOutRows: assessmentsInOrder.compactMap(\.leftOutRow).sorted { $0.id < $1.id })
        ReferenceCheck.run(
            catalogue, unknownRecommendations: unknownRecommendations.wait(), unreadLinks: exercisesInOrder.flatMap(\.links),
            exerciseIDs: exerciseIDs, reader: reader)
        return catalogue
    }
}
