import BackCheckYAML

/// Reads `kind: exercise` documents (spec 6).
enum ExerciseReader {
    static func read(_ document: CatalogueDocument, reader: NodeReader) -> Exercise? {
        guard let fields = reader.mapping(document.root, of: "an exercise") else { return nil }
        let name = fields.required("name", as: String.self)
        let kind = fields.required("type", as: Exercise.Kind.self)
        let targets = fields.optional("targets", as: [String].self) ?? []
        let dosage = fields.requiredMapping("dosage", of: "a dosage").map { readDosage($0) }
        let instructions = fields.required("instructions", as: String.self)
        let cues = fields.optional("cues", as: [String].self) ?? []
        let cautions = fields.optional("cautions", as: [String].self) ?? []
        let regression = fields.optional("regression", as: String.self)
        let progression = fields.optional("progression", as: String.self)
        let loaded = fields.optional("loaded", as: Bool.self)
        let pattern = fields.optional("pattern", as: MovementPattern.self)
        let stretchesNerve = fields.optional("stretches_nerve", as: Bool.self)
        let poses = fields.optionalMapping("poses", of: "the poses").flatMap { PoseReader.read($0) }
        let references = fields.optional("references", as: [String].self) ?? []
        fields.rejectUnknownKeys(alsoKnown: CatalogueDocument.headerKeys)
        guard let name, let kind, let dosage, let instructions else { return nil }
        var marks: [String: SourceMark] = [:]
        marks["regression"] = fields.node("regression")?.mark
        marks["progression"] = fields.node("progression")?.mark
        return Exercise(
            id: document.id, name: name, kind: kind, targets: targets, dosage: dosage, instructions: instructions,
            cues: cues, cautions: cautions, regression: regression, progression: progression,
            loaded: loaded ?? [.strength, .endurance, .load].contains(kind), pattern: pattern ?? .none,
            stretchesNerve: stretchesNerve ?? false, poses: poses, references: references,
            mark: document.root.mark, referenceMarks: marks)
    }

    private static func readDosage(_ fields: MappingReader) -> Dosage {
        let dosage = Dosage(
            sets: fields.optional("sets", as: Int.self, in: 1...20),
            reps: fields.optional("reps", as: Int.self, in: 1...200),
            holdSeconds: fields.optional("hold_s", as: Double.self, in: 1...600),
            perSide: fields.optional("per_side", as: Bool.self),
            frequency: fields.optional("frequency", as: String.self),
            durationMinutes: fields.optional("duration_min", as: Double.self, in: 0.5...240),
            note: fields.optional("note", as: String.self),
            repsMax: fields.optional("reps_max", as: Int.self, in: 1...200),
            holdSecondsMax: fields.optional("hold_s_max", as: Double.self, in: 1...600))
        let node = { (key: String) in fields.node(key)?.mark }
        if let top = dosage.repsMax, top < dosage.reps ?? 1 {
            fields.reader.error("'reps_max' (\(top)) is below 'reps' (\(dosage.reps ?? 1)); it is the top of the range to build up to", at: node("reps_max"))
        }
        if let top = dosage.holdSecondsMax, top < dosage.holdSeconds ?? 1 {
            fields.reader.error("'hold_s_max' (\(top)) is below 'hold_s'; it is the top of the range to build up to", at: node("hold_s_max"))
        }
        var read = dosage
        read.pyramid = fields.optional("pyramid", as: Bool.self) ?? false
        if read.pyramid, dosage.reps == nil {
            fields.reader.error("'pyramid' needs 'reps': the number of the first group (5 for 5, 3, 1)", at: node("pyramid"))
        }
        if let change = fields.optionalMapping("without_lifting", of: "the dosage's 'without_lifting'") {
            let frequency = change.optional("frequency", as: String.self)
            let note = change.optional("note", as: String.self)
            change.rejectUnknownKeys()
            if frequency == nil, note == nil {
                fields.reader.error(
                    "'without_lifting' changes nothing: give the 'frequency' or 'note' (or both) to show while loaded training has stopped",
                    at: node("without_lifting"))
            } else {
                read.withoutLifting = (frequency, note)
            }
        }
        fields.rejectUnknownKeys()
        return read
    }
}
