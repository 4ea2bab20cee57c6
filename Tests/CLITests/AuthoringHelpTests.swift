import Foundation
import Testing

/// What an author has at hand: warnings for unfinished text and silent replacements, and the
/// catalogue's parts listed and shown from the program (issue 15, items 3 and 4).
@Suite struct AuthoringHelpTests {
    @Test("linting a folder with no catalogue files warns that nothing was checked")
    func anEmptyFolderIsNotAPass() throws {
        let folder = try CLI.temporaryFolder()
        try "answers: {}\n".write(to: folder.appendingPathComponent("me.answers.yaml"), atomically: true, encoding: .utf8)
        let lint = try CLI.run(["lint", folder.path])
        #expect(lint.status == 0)
        #expect(lint.stderr.contains("warning: \(folder.path) holds no catalogue files"), "\(lint.stderr)")
        #expect(lint.stdout.contains("0 errors, 1 warning"), "\(lint.stdout)")
        #expect(try CLI.run(["lint", "--strict", folder.path]).status == 1)
        // A report that would be read as a catalogue file next time is refused inside the folder.
        let inside = folder.appendingPathComponent("lint.yaml").path
        let refused = try CLI.run(["lint", folder.path, "--output", inside])
        #expect(refused.status != 0 && refused.stderr.contains("is inside \(folder.path), which is being checked"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: inside))
    }

    @Test func placeholderTextWarnsAndStrictMakesItFail() throws {
        let folder = try CLI.temporaryFolder()
        #expect(try CLI.run(["new", "wall-sit"], directory: folder).status == 0)
        // A second time the files are there: one plain line, no usage text, nothing replaced.
        let again = try CLI.run(["new", "wall-sit"], directory: folder)
        #expect(again.status == 1)
        #expect(again.stderr == "error: wall-sit.yaml already exists; choose another --output or pass --force to replace it.\n", "\(again.stderr)")
        // A name the catalogue would never read is refused before anything is written.
        for name in ["wall-sit-2", "sit.answers.yaml"] {
            let refused = try CLI.run(["new", "wall-sit", "--output", name], directory: folder)
            #expect(refused.status != 0 && refused.stderr.contains("--output '\(name)'"), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path))
        }
        let yml = try CLI.run(["new", "wall-sit", "--output", "sit.yml"], directory: try CLI.temporaryFolder())
        #expect(yml.stdout.contains("wrote sit.answers.yaml"), "\(yml.stdout)")
        let lint = try CLI.run(["lint", "wall-sit.yaml"], directory: folder)
        #expect(lint.status == 0)
        #expect(lint.stderr.contains("wall-sit.yaml:46:5: warning: placeholder text from `backcheck new` is still here (\"Author A, Author B…\")"), "\(lint.stderr)")
        #expect(lint.stderr.contains("wall-sit.yaml:29:21: warning: the number 20 in scoring is in no reference"))
        #expect(lint.stdout.contains("0 errors, 9 warnings"))
        // The counts after the file take in the built-in catalogue, and say so (a review was puzzled).
        #expect(lint.stdout.hasPrefix("1 file over the built-in catalogue: "), "\(lint.stdout)")
        #expect(try CLI.run(["lint", "--strict", "wall-sit.yaml"], directory: folder).status == 1)
        // A run counts the warnings in one line instead of printing them over the report.
        let run = try CLI.run(["run", "wall-sit", "--catalog", ".", "--answers", "wall-sit.answers.yaml"], directory: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("note: the catalogue has 9 warnings; `backcheck lint .` lists them"), "\(run.stderr)")
        #expect(!run.stderr.contains("placeholder text"))
        // The built-in catalogue is finished: no warnings.
        let builtIn = try CLI.run(["lint"])
        #expect(!builtIn.stdout.contains("warning"), "\(builtIn.stdout)")
    }

    /// The built-in catalogue is known by how it was loaded, not by its name: a folder called
    /// `built-in` is checked like any other (it once lost its warnings).
    @Test func aFolderCalledBuiltInIsCheckedLikeAnyOther() throws {
        let folder = try CLI.temporaryFolder()
        let inside = folder.appendingPathComponent("built-in")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        #expect(try CLI.run(["new", "wall-sit"], directory: inside).status == 0)
        let lint = try CLI.run(["lint", "built-in"], directory: folder)
        #expect(lint.stderr.contains("built-in/wall-sit.yaml:46:5: warning: placeholder text"), "\(lint.stderr)")
        #expect(lint.stdout.contains("0 errors, 9 warnings"), "\(lint.stdout)")
    }

    @Test func replacingABuiltInSaysSoUnlessReplacesIsGiven() throws {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("mine.yaml")
        let body = "name: My bridge\ntype: activation\ndosage: {sets: 2}\ninstructions: \"1. Bridge.\"\npattern: hip-thrust\n"
        try ("kind: exercise\nid: glute-bridge\n" + body).write(to: file, atomically: true, encoding: .utf8)
        let silent = try CLI.run(["lint", file.path])
        #expect(silent.stderr.contains("mine.yaml:2:5: warning: this exercise replaces the one with id 'glute-bridge'"), "\(silent.stderr)")
        try ("kind: exercise\nid: glute-bridge\nreplaces: glute-bridge\n" + body).write(to: file, atomically: true, encoding: .utf8)
        #expect(!(try CLI.run(["lint", file.path]).stderr.contains("warning")))
        try ("kind: exercise\nid: glute-bridge\nreplaces: glute-brige\n" + body).write(to: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["lint", file.path]).stderr.contains("'replaces' must repeat this document's own id 'glute-bridge', found 'glute-brige'"))
        // 'replaces' on an id nothing earlier has replaces nothing, and says so (with the likely id).
        try ("kind: exercise\nid: glute-bridg\nreplaces: glute-bridg\n" + body).write(to: file, atomically: true, encoding: .utf8)
        let nothing = try CLI.run(["lint", file.path])
        #expect(nothing.stderr.contains("mine.yaml:2:5: warning: 'replaces: glute-bridg' but no earlier catalogue has an exercise 'glute-bridg', so nothing is replaced"), "\(nothing.stderr)")
        #expect(nothing.stderr.contains("did you mean 'glute-bridge'?"), "\(nothing.stderr)")
    }

    @Test("a near miss of an evaluator, and an assessment's word in an exercise, get a suggestion")
    func suggestionsForEvaluatorsAndOtherKindsWords() throws {
        let wrong = try CLI.run(["new", "x-test", "--evaluator", "threshold"], directory: try CLI.temporaryFolder())
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("unknown evaluator 'threshold'; did you mean 'thresholds'? (the evaluators: thresholds,"), "\(wrong.stderr)")
        let file = try CLI.temporaryFolder().appendingPathComponent("e.yaml")
        try "kind: exercise\nid: my-ex\ntitle: X\ntype: stretch\ndosage: {sets: 1}\ninstructions: \"1. x\"\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["lint", file.path]).stderr.contains("e.yaml:3:1: error: unknown key 'title' in an exercise; did you mean 'name'?"))
    }

    @Test("replacing a built-in assessment without some of its inputs is warned of; a red-flag screen that asks less is refused")
    func replacingWithoutTheInputsIsWarnedOf() throws {
        let folder = try CLI.temporaryFolder()
        let file = folder.appendingPathComponent("screen.yaml")
        let made = try CLI.run(["new", "red-flag-screen", "--evaluator", "red-flags", "--output", file.path])
        #expect(made.status == 0, "\(made.stderr)")
        // `new` says at once that the id is a built-in's.
        #expect(made.stderr.contains("warning: 'red-flag-screen' is the built-in"), "\(made.stderr)")
        #expect(try CLI.run(["new", "wall-sit", "--output", folder.appendingPathComponent("w.yaml").path]).stderr.isEmpty)
        // A screen that asks less would call itself complete without asking the rest, and a
        // plan of loaded work would follow (found by a review): an error, and no report.
        let lint = try CLI.run(["lint", file.path])
        #expect(lint.status != 0)
        #expect(lint.stderr.contains("error: this red-flag screen replaces 'red-flag-screen' without its questions 'saddle_numbness'"), "\(lint.stderr)")
        #expect(lint.stderr.contains("a report would call the screen complete without asking them"), "\(lint.stderr)")
        let run = try CLI.run(["run", "--catalog", folder.path, "--answers", RunCommandTests.story])
        #expect(run.status == 1 && run.stdout.isEmpty, "\(run.stdout)")
        // Any other test may drop inputs: answers files that give them are refused, which is
        // the author's call, so it stays a warning.
        let other = folder.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        let hamstrings = other.appendingPathComponent("hamstrings.yaml")
        #expect(try CLI.run(["new", "hamstring-length", "--output", hamstrings.path]).status == 0)
        let lintOther = try CLI.run(["lint", hamstrings.path])
        #expect(lintOther.stderr.contains("warning: this assessment replaces 'hamstring-length' without its inputs"), "\(lintOther.stderr)")
        #expect(!lintOther.stderr.contains("error: this red-flag screen"), "\(lintOther.stderr)")
    }

    @Test func wordsOutsideTheVocabularyWarnAndACatalogueCanAddItsOwn() throws {
        let folder = try CLI.temporaryFolder()
        let exercise = "kind: exercise\nid: odd-drill\nname: Odd\ntype: mobility\ndosage: {sets: 1}\ninstructions: \"1. x\"\npattern: none\ntargets: [gluteus-maximu, banana]\n"
        try exercise.write(to: folder.appendingPathComponent("odd.yaml"), atomically: true, encoding: .utf8)
        let lint = try CLI.run(["lint", "odd.yaml"], directory: folder)
        #expect(lint.status == 0)
        #expect(lint.stderr.contains("odd.yaml:8:11: warning: target 'gluteus-maximu' is not in the catalogue's vocabulary; if it is meant, add it to a kind: vocabulary document; did you mean 'gluteus-maximus'?"), "\(lint.stderr)")
        #expect(lint.stderr.contains("odd.yaml:8:27: warning: target 'banana' is not in the catalogue's vocabulary"))
        try "kind: vocabulary\nid: my-words\ntargets: [banana]\n".write(to: folder.appendingPathComponent("words.yaml"), atomically: true, encoding: .utf8)
        let extended = try CLI.run(["lint", "."], directory: folder)
        #expect(!extended.stderr.contains("'banana'"), "\(extended.stderr)")
        #expect(extended.stderr.contains("'gluteus-maximu'"))
    }

    @Test func anInputThatCannotBeReadIsReportedOnceNotAtEveryUse() throws {
        let folder = try CLI.temporaryFolder()
        // `type` indented into the folded `help` text above it: the input has no type.
        var yaml = try String(contentsOf: CLI.root.appendingPathComponent("Assessments/assessments/hip-flexor-thomas.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: hip-flexor-thomas", with: "id: my-thomas")
            .replacingOccurrences(of: "- when: knee_flexion < 52.5 - 19", with: "- when: knee_flexon < 52.5 - 19")
        let firstType = try #require(yaml.range(of: "\n    type: number"))
        yaml.replaceSubrange(firstType, with: "\n      type: number")
        try yaml.write(to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let lint = try CLI.run(["lint", "mine.yaml"], directory: folder)
        #expect(lint.status == 1)
        #expect(lint.stderr.contains("error: missing required key 'type' in input 'hip_angle'"), "\(lint.stderr)")
        #expect(!lint.stderr.contains("unknown name 'hip_angle'"), "\(lint.stderr)")
        // Other mistakes in the same assessment still show in the same pass.
        #expect(yaml.contains("knee_flexon"))
        #expect(lint.stderr.contains("unknown name 'knee_flexon'; did you mean 'knee_flexion'?"), "\(lint.stderr)")
    }

    @Test func anAnswersFileGivenToLintIsNamedForWhatItIs() throws {
        let folder = try CLI.temporaryFolder()
        try "answers:\n  core-endurance-mcgill: {}\n".write(to: folder.appendingPathComponent("me.answers.yaml"), atomically: true, encoding: .utf8)
        let lint = try CLI.run(["lint", "me.answers.yaml"], directory: folder)
        #expect(lint.status == 1)
        #expect(lint.stderr.contains("me.answers.yaml:1:1: error: this is an answers file (its name ends in .answers.yaml), not a catalogue file; use it with `backcheck run --answers me.answers.yaml`"), "\(lint.stderr)")
        #expect(!lint.stderr.contains("has no 'kind'"))
    }

    @Test func aScoringNumberNoReferenceMentionsIsAWarning() throws {
        let folder = try CLI.temporaryFolder()
        let builtIn = CLI.root.appendingPathComponent("Assessments/assessments/hamstring-length.yaml")
        // The men's cut-off moved from 33 to 34 deg: a number nothing in the evidence names. A
        // quoted word with a letter outside ASCII comes before it: the column counts characters.
        let yaml = try String(contentsOf: builtIn, encoding: .utf8)
            .replacingOccurrences(of: "id: hamstring-length", with: "id: my-hamstrings")
            .replacingOccurrences(
                of: "active_knee_extension > 33",
                with: "(profile.sex == 'männlich' or active_knee_extension >= 0) and active_knee_extension > 34")
        try yaml.write(to: folder.appendingPathComponent("mine.yaml"), atomically: true, encoding: .utf8)
        let lines = yaml.components(separatedBy: "\n")
        let line = try #require(lines.firstIndex { $0.contains("> 34") })
        let column = try lines[line].unicodeScalars.distance(
            from: lines[line].unicodeScalars.startIndex, to: #require(lines[line].range(of: "> 34")).lowerBound) + 3
        let lint = try CLI.run(["lint", "mine.yaml"], directory: folder)
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(lint.stderr.contains("mine.yaml:\(line + 1):\(column): warning: the number 34 in scoring is in no reference"), "\(lint.stderr)")
        // 23.4 is named in the provenance and severities are the catalogue's weighting.
        #expect(!lint.stderr.contains("number 23.4") && !lint.stderr.contains("number 0.4"))
        #expect(try CLI.run(["lint", "--strict", "mine.yaml"], directory: folder).status == 1)
        // Every number of the built-in catalogue names its source (a percentage sources its fraction).
        let catalogue = try CLI.run(["lint", "Assessments"], directory: CLI.root)
        #expect(catalogue.status == 0 && !catalogue.stderr.contains("warning:"), "\(catalogue.stderr)")
    }

    @Test func theCataloguesPartsAreListedAndShown() throws {
        let exercises = try CLI.run(["list", "exercises"])
        #expect(exercises.stdout.contains("glute-bridge") && exercises.stdout.contains("hip-thrust"))
        #expect(try CLI.run(["list", "norms"]).stdout.contains("mcgill-1999"))
        #expect(try CLI.run(["list", "evaluators"]).stdout.contains("red-flags"))
        #expect(try CLI.run(["list", "functions"]).stdout.contains("clamp(x, lo, hi)"))
        #expect(try CLI.run(["list", "units"]).stdout.contains("percent"))
        // Found by a review: the assessments' rows were 134 columns wide; long cells now wrap.
        for listing in ["assessments", "exercises", "norms", "evaluators"] {
            let lines = try CLI.run(["list", listing]).stdout.split(separator: "\n")
            #expect(lines.count > 2 && lines.allSatisfy { $0.count <= 80 && !$0.hasSuffix(" ") }, "\(listing): \(lines.filter { $0.count > 80 })")
        }
        let assessments = try CLI.run(["list"]).stdout.split(separator: "\n")
        let glute = try #require(assessments.firstIndex { $0.hasPrefix("glute-activation  ") })
        #expect(assessments[glute].hasSuffix("activation  12   low") && assessments[glute + 1].hasPrefix(String(repeating: " ", count: 23)), "\(assessments)")
        let types = try CLI.run(["list", "input-types", "--format", "json"])
        #expect(types.stdout.contains("\"type\": \"duration\""))
        let exercise = try CLI.run(["show", "glute-bridge"])
        #expect(exercise.stdout.hasPrefix("Glute bridge (feet close, knees at 135 degrees) (glute-bridge)"))
        #expect(exercise.stdout.contains("pattern: hip-thrust"))
        let norms = try CLI.run(["show", "mcgill-1999"])
        #expect(norms.stdout.contains("side_bridge_left: men 97 ± 35 s; women 77 ± 35 s"))
        let typo = try CLI.run(["show", "glute-brige"])
        #expect(typo.status == 1)
        #expect(typo.stderr.contains("did you mean 'glute-bridge'?"))
        #expect(!typo.stderr.contains("Usage:"), "a name that is not there is no usage mistake: \(typo.stderr)")
        // The start of an id finds it; an id nothing is near ends its sentence.
        #expect(try CLI.run(["show", "hip-flexor"]).stderr.contains("'hip-flexor'; did you mean 'hip-flexor-thomas'? Run `backcheck list`"))
        #expect(try CLI.run(["show", "glute"]).stderr.contains("ids starting with it: glute-activation, glute-bridge."))
        #expect(try CLI.run(["show", "zzz"]).stderr.contains("table 'zzz'. Run `backcheck list`"))
    }
}

/// `backcheck new` for every evaluator: the skeleton (kept as a data file) lints clean with
/// only its placeholder warnings, and its answers file runs.
@Suite struct SkeletonTests {
    @Test(arguments: ["thresholds", "normative", "checklist", "red-flags", "firing-order"])
    func everySkeletonLintsCleanAndRuns(evaluator: String) throws {
        let folder = try CLI.temporaryFolder()
        let id = "single-leg-\(evaluator)"
        let made = try CLI.run(["new", id, "--evaluator", evaluator], directory: folder)
        #expect(made.status == 0, "\(made.stderr)")
        let yaml = try String(contentsOf: folder.appendingPathComponent("\(id).yaml"), encoding: .utf8)
        #expect(yaml.contains("id: \(id)\n") && !yaml.contains("{{"))
        let lint = try CLI.run(["lint", "\(id).yaml"], directory: folder)
        #expect(lint.status == 0, "\(lint.stderr)")
        #expect(lint.stdout.contains("0 errors"))
        let run = try CLI.run(["run", id, "--catalog", ".", "--answers", "\(id).answers.yaml", "--format", "json"], directory: folder)
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test("show reaches every kind that shares an id (ids are unique per kind): a note names the other, --kind picks it")
    func showReachesEveryKindOfAnId() throws {
        let folder = try CLI.temporaryFolder()
        #expect(try CLI.run(["new", "glute-bridge"], directory: folder).status == 0)
        let file = folder.appendingPathComponent("glute-bridge.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        // The assessment alone, recommending the built-in exercise of the same id.
        let assessment = String(yaml.components(separatedBy: "\n---\n")[0]).replacingOccurrences(of: "exercise: glute-bridge-drill", with: "exercise: glute-bridge")
        try assessment.write(to: file, atomically: true, encoding: .utf8)
        let shown = try CLI.run(["show", "--catalog", folder.path, "glute-bridge"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("(glute-bridge, version 1)"), "\(shown.stdout)")
        #expect(shown.stderr.contains("note: 'glute-bridge' is also the id of an exercise; show it with --kind exercise"), "\(shown.stderr)")
        let exercise = try CLI.run(["show", "--catalog", folder.path, "glute-bridge", "--kind", "exercise"])
        #expect(exercise.status == 0 && exercise.stdout.hasPrefix("Glute bridge"), "\(exercise.stdout)")
        let none = try CLI.run(["show", "glute-bridge", "--kind", "norms"])
        #expect(none.status == 1 && none.stderr.contains("error: no norms 'glute-bridge'; it is the id of an exercise."), "\(none.stderr)")
    }
}
