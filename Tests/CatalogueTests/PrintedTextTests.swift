import AssessmentKit
import BuiltinEvaluators
import BackCheckPluginAPI
import Testing

/// Everything the program prints from the built-in catalogue reads as plain advice: drafting
/// marks belong in `evidence.provenance` (or a YAML comment), which is never printed.
@Suite("Built-in catalogue: printed text")
struct PrintedTextTests {
    /// Marks the reference uses for how well a figure was checked.
    static let marks = ["[from memory", "from memory]", "[proposal]", "[calc]", "[M]", "[V:", "[verified", "[M —", "The reference", "the reference"]

    /// Every text of the catalogue that reaches a person, with where it comes from.
    static func printedTexts(_ catalogue: Catalogue) -> [(place: String, text: String)] {
        var texts: [(String, String)] = []
        for assessment in catalogue.assessments {
            let id = assessment.id
            texts += [("\(id) title", assessment.title), ("\(id) summary", assessment.summary),
                      ("\(id) instructions", assessment.instructions)]
            texts += assessment.equipment.map { ("\(id) equipment", $0) }
            texts += assessment.evidence.note.map { [("\(id) evidence.note", $0)] } ?? []
            for input in assessment.inputs {
                texts.append(("\(id).\(input.name) label", input.label))
                texts += input.help.map { [("\(id).\(input.name) help", $0)] } ?? []
                texts += input.choiceLabels.values.map { ("\(id).\(input.name) choice", $0) }
            }
            for finding in assessment.findings {
                texts += [("\(id)/\(finding.id) title", finding.title), ("\(id)/\(finding.id) explain", finding.explain)]
                texts += finding.advice.map { [("\(id)/\(finding.id) advice", $0)] } ?? []
            }
        }
        for exercise in catalogue.exercises.values {
            texts += [("\(exercise.id) name", exercise.name), ("\(exercise.id) instructions", exercise.instructions)]
            texts += (exercise.cues + exercise.cautions).map { ("\(exercise.id) cue or caution", $0) }
            texts += exercise.dosage.note.map { [("\(exercise.id) dosage.note", $0)] } ?? []
        }
        for table in catalogue.norms.values {
            texts += [("\(table.id) source", table.source), ("\(table.id) population", table.population)]
            texts += table.note.map { [("\(table.id) note", $0)] } ?? []
        }
        return texts
    }

    @Test func noDraftingMarkReachesAPerson() throws {
        let catalogue = try #require(CatalogueLoader(registry: .builtIn).load([.builtIn]).catalogue)
        let texts = Self.printedTexts(catalogue)
        #expect(texts.count > 500)
        for (place, text) in texts {
            for mark in Self.marks {
                #expect(!text.contains(mark), "\(place) prints the drafting mark '\(mark)': move it to evidence.provenance")
            }
        }
    }

    @Test func provenanceIsReadButKeptApartFromTheNote() throws {
        let catalogue = try #require(CatalogueLoader(registry: .builtIn).load([.builtIn]).catalogue)
        let withProvenance = catalogue.assessments.filter { $0.evidence.provenance?.isEmpty == false }
        #expect(!withProvenance.isEmpty)
        for assessment in withProvenance {
            #expect(assessment.evidence.note != assessment.evidence.provenance, "\(assessment.id)")
        }
    }

    @Test func everyExerciseNamesItsPatternAndLoadExercisesAreLoadedWork() throws {
        let catalogue = try #require(CatalogueLoader(registry: .builtIn).load([.builtIn]).catalogue)
        for exercise in catalogue.exercises.values where exercise.kind == .load {
            #expect(exercise.loaded, "\(exercise.id) keeps training load up: it is loaded work")
        }
        for exercise in catalogue.exercises.values where exercise.loaded && exercise.pattern != .none {
            // A painful lift keeps this out; an easier, unloaded version (within three regressions,
            // as the plan looks) is offered instead.
            var easier = exercise.regression.flatMap { catalogue.exercise($0) }
            for _ in 0..<2 where easier?.loaded == true { easier = easier?.regression.flatMap { catalogue.exercise($0) } }
            #expect(easier?.loaded == false && easier?.pattern == exercise.pattern,
                    "\(exercise.id): needs an unloaded regression of the same pattern")
        }
    }
}
