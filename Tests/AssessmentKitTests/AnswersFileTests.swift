import BackCheckPluginAPI
import AssessmentKit
import BackCheckExpressions
import BackCheckYAML
import Testing

@Suite struct AnswersFileTests {
    /// The problems reading `yaml` gives, as printed.
    static func problems(_ yaml: String, overrides: [String] = [], only: [String] = []) throws -> [String] {
        let parsed = try overrides.map { try AnswerOverride.parse($0).get() }
        guard case .failure(let failure) = TestCatalogue.answers(yaml, overrides: parsed, only: only) else {
            Issue.record("the answers were accepted")
            return []
        }
        return failure.diagnostics.map(\.description)
    }

    @Test func anUnknownAssessmentIsNamedWithItsPlaceAndASuggestion() throws {
        let problems = try Self.problems("answers:\n  hip-tset: {angle: {left: 1, right: 2}}\n")
        #expect(problems == ["me.answers.yaml:2:3: error: unknown assessment 'hip-tset'; did you mean 'hip-test'? `backcheck list` shows the assessments"])
    }

    @Test func aFileThatDoesNotParseOrHoldsTwoDocumentsSaysWhereOnce() throws {
        let twice = try Self.problems("answers:\n  core-test: {hold: 30}\n---\nanswers: {}\n")
        #expect(twice == ["me.answers.yaml:3:1: error: an answers file holds one document; remove the second '---'"])
        let broken = try Self.problems("answers:\n  core-test: {hold: 30\n")
        #expect(broken.count == 1)
        #expect(broken.first?.hasPrefix("me.answers.yaml:") == true)
    }

    @Test("a duplicate key does not hide the answers' other problems, in YAML or JSON")
    func aDuplicateKeyIsReportedWithEveryOtherProblem() throws {
        let problems = try Self.problems("answers:\n  hip-test: {angle: {left: 99, right: 2, right: 3}}\n")
        #expect(problems.count == 2, "\(problems)")
        #expect(problems.first?.hasPrefix("me.answers.yaml:2:42: error: duplicate key 'right'") == true, "\(problems)")
        #expect(problems.last?.hasPrefix("me.answers.yaml:2:28: error: 99 deg is out of range for 'hip-test' input 'angle' (left)") == true, "\(problems)")
        let json = #"{"answers": {"core-test": {"hold": "ten", "hold": 30}}}"#
        guard case .failure(let failure) = AnswersFile.read(Array(json.utf8), file: "me.json", catalogue: TestCatalogue.shared) else {
            Issue.record("the answers were accepted")
            return
        }
        let messages = failure.diagnostics.map(\.message)
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.first?.hasPrefix("duplicate key 'hold'") == true)
        #expect(messages.last?.hasPrefix("expected a duration for 'core-test' input 'hold'") == true)
    }

    @Test func aTypoInAnInputIsNamedWithASuggestion() throws {
        let problems = try Self.problems("answers:\n  core-test:\n    hold: 30\n    notes_taken: true\n")
        #expect(problems.contains { $0.hasPrefix("me.answers.yaml:4:5: error: unknown key 'notes_taken'") && $0.contains("did you mean 'note_taken'?") })
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        let problems = try Self.problems("answers:\n  core-test: {hold: ten}\n  hip-test: {angle: {left: 99}}\n")
        #expect(problems.count == 3)
        #expect(problems[0].hasPrefix("me.answers.yaml:2:21: error: expected a duration for 'core-test' input 'hold'"))
        #expect(problems[1].hasPrefix("me.answers.yaml:3:28: error: 99 deg is out of range for 'hip-test' input 'angle' (left)"))
        #expect(problems[2].contains("missing the right side of 'hip-test' input 'angle'"))
    }

    @Test func aHugeAnswerIsQuotedAsWritten() throws {
        let problems = try Self.problems("answers:\n  hip-test: {angle: {left: 1e308, right: 2}}\n")
        #expect(problems.first?.contains("1e+308 deg is out of range for 'hip-test' input 'angle' (left)") == true, "\(problems)")
    }

    @Test func aWeekHasSevenDays() throws {
        let problems = try Self.problems("profile: {training_days_per_week: 9}\nanswers:\n  core-test: {hold: 30}\n")
        #expect(problems == ["me.answers.yaml:1:35: error: 'training_days_per_week' is out of range: must be 0 to 7, found 9"])
        guard case .success = TestCatalogue.answers("profile: {training_days_per_week: 7}\nanswers:\n  core-test: {hold: 30}\n") else {
            Issue.record("seven days a week was refused")
            return
        }
    }

    @Test func aNegativeHoldSaysSo() throws {
        let problems = try Self.problems("answers:\n  core-test: {hold: -5}\n")
        #expect(problems.count == 1)
        #expect(problems[0].hasPrefix("me.answers.yaml:2:21: error: a hold cannot be negative: 'core-test' input 'hold' is -5 s"))
    }

    @Test func aMissingRequiredInputIsAnError() throws {
        let problems = try Self.problems("answers:\n  core-test: {note_taken: true}\n")
        #expect(problems.first?.contains("missing answer for 'core-test' input 'hold' (Hold time); it is required") == true)
    }

    @Test func durationsMayBeWrittenInSeveralWays() throws {
        for (text, seconds) in [("95", 95.0), ("95s", 95), ("1:35", 95), ("1:35.5", 95.5), ("1m35s", 95), ("2m", 120)] {
            let set = try TestCatalogue.answers("answers: {core-test: {hold: \(text)}}").get()
            #expect(set.entries.first?.answers.values["hold"] == .single(.number(seconds)), "\(text)")
        }
        // Two digits of seconds, as on a stopwatch (the answers schema's pattern says the same).
        for text in ["1:5", "1:5.5", "1:355", "1:35.", "1:60"] {
            #expect(throws: (any Error).self, "\(text)") { try TestCatalogue.answers("answers: {core-test: {hold: '\(text)'}}").get() }
        }
    }

    @Test func aSkippedOptionalInputIsRecorded() throws {
        let set = try TestCatalogue.answers("answers: {core-test: {hold: 30}}").get()
        #expect(set.entries.first?.answers.skipped == ["note_taken"])
    }

    @Test func onlyTheNamedAssessmentsRunPlusTheRedFlagScreen() throws {
        let yaml = "answers:\n  hip-test: {angle: {left: 1, right: 2}}\n  core-test: {hold: 30}\n  screen: {numb: false, fever: false, long: false}\n"
        let all = try TestCatalogue.answers(yaml).get()
        #expect(all.entries.map(\.assessment.id) == ["screen", "hip-test", "core-test"])
        let some = try TestCatalogue.answers(yaml, only: ["core-test"]).get()
        #expect(some.entries.map(\.assessment.id) == ["screen", "core-test"])
    }

    @Test func namingAnUnknownOrUnansweredAssessmentIsAnError() throws {
        let yaml = "answers:\n  core-test: {hold: 30}\n"
        #expect(try Self.problems(yaml, only: ["core-tset"]).first?.contains("unknown assessment 'core-tset' on the command line; did you mean 'core-test'?") == true)
        #expect(try Self.problems(yaml, only: ["hip-test"]).first?.contains("has no answers for it") == true)
    }

    @Test func setOverridesAnAnswerAndIsCheckedLikeTheFile() throws {
        let yaml = "answers:\n  hip-test: {angle: {left: 1, right: 2}}\n"
        let override = try AnswerOverride.parse("hip-test.angle.left=15").get()
        let set = try TestCatalogue.answers(yaml, overrides: [override]).get()
        #expect(set.entries.first?.answers.values["angle"] == .bilateral(left: .number(15), right: .number(2)))
        let added = try AnswerOverride.parse("core-test.hold=1:10").get()
        let more = try TestCatalogue.answers(yaml, overrides: [added]).get()
        #expect(more.entries.map(\.assessment.id) == ["hip-test", "core-test"])
        #expect(try Self.problems(yaml, overrides: ["hip-test.angle.left=abc"]) == [
            // Named by the whole argument: a review could not tell which of two --set a type error was in.
            "--set 'hip-test.angle.left=abc':1:21: error: expected a number for 'hip-test' input 'angle' (left), found the string \"abc\"",
        ])
    }

    /// Found by a review: a bad value for a named test also said the run "leaves it out (it runs" that test).
    @Test("a bad --set value for a test named on the command line is one problem, not also 'left out'")
    func aBadSetValueForANamedTestIsOneProblem() throws {
        let yaml = "answers:\n  hip-test: {angle: {left: 1, right: 2}}\n  core-test: {hold: 90}\n"
        let problems = try Self.problems(yaml, overrides: ["hip-test.angle.left=abc"], only: ["hip-test"])
        #expect(problems.count == 1 && problems[0].contains("expected a number"), "\(problems)")
    }

    @Test func setMistakesAreExplained() throws {
        let yaml = "answers:\n  hip-test: {angle: {left: 1, right: 2}}\n"
        #expect(try Self.problems(yaml, overrides: ["hip-test.angel=3"]).first?.contains("'hip-test' has no input 'angel'; did you mean 'angle'?") == true)
        #expect(try Self.problems(yaml, overrides: ["core-test.hold.left=3"]).first?.contains("is not measured per side") == true)
        #expect(try Self.problems(yaml, overrides: ["profile.age=60"]) == [
            "--set 'profile.age=60':1:1: error: unknown assessment 'profile'; --set changes answers only: change the profile in the answers file",
        ])
        guard case .failure(let problem) = AnswerOverride.parse("hip-test.angle") else { Issue.record("accepted"); return }
        #expect(problem.message.contains("has no '='"))
        guard case .failure(let side) = AnswerOverride.parse("hip-test.angle.middle=3") else { Issue.record("accepted"); return }
        #expect(side.message.contains("'middle' is not a side"))
    }

    @Test("a duration with a decimal comma or a spaced unit is told how to write it; a thousands comma gets no guess", arguments: [
        ("50,5", "; use a decimal point: 50.5"), ("1:05,5", "; use a decimal point: 1:05.5"), ("1,000", "found the string \"1,000\""),
        ("1,050 s", "found the string \"1,050 s\""), ("90 s", "; write it as 90 (seconds)"), ("60 sec", "; write it as 60 (seconds)"),
        ("50,5 s", "; write it as 50.5 (seconds)"), ("2,30", "; write 2:30 for 2 min 30 s, or 2.30 for seconds with a decimal point"),
        ("1:60", "; the seconds after ':' run from 00 to 59 (1:60 would be 120 s)"),
    ])
    func aDurationWithADecimalCommaGetsAHint(text: String, ending: String) throws {
        let problems = try Self.problems("answers:\n  core-test: {hold: \"\(text)\"}\n")
        #expect(problems.count == 1 && problems[0].hasSuffix(ending), "\(problems)")
    }

    @Test func jsonAnswersAreReadWithTheirPositions() throws {
        let json = #"{"profile": {"sex": "female", "age": 30}, "answers": {"core-test": {"hold": "1:35"}}}"#
        let set = try AnswersFile.read(Array(json.utf8), file: "me.json", catalogue: TestCatalogue.shared).get()
        #expect(set.profile.sex == .female)
        #expect(set.entries.first?.answers.values["hold"] == .single(.number(95)))
        let bad = #"{"answers": {"core-test": {"hold": true}}}"#
        guard case .failure(let failure) = AnswersFile.read(Array(bad.utf8), file: "me.json", catalogue: TestCatalogue.shared) else {
            Issue.record("accepted")
            return
        }
        #expect(failure.diagnostics.all.first?.mark == SourceMark(file: "me.json", line: 1, column: 36))
    }

    @Test func savedAnswersReadBackToTheSameReport() throws {
        let yaml = "profile: {sex: male, age: 41}\nanswers:\n  hip-test: {angle: {left: 12.5, right: -3}}\n  core-test: {hold: 1m5s}\n"
        let set = try TestCatalogue.answers(yaml).get()
        let saved = set.yaml(comment: "saved")
        #expect(saved.hasPrefix("# saved\nprofile: {sex: male, age: 41}\n"))
        let again = try TestCatalogue.answers(saved).get()
        let builder = ReportBuilder(catalogue: TestCatalogue.shared)
        #expect(builder.report(for: set, generatedAt: "t") == builder.report(for: again, generatedAt: "t"))
    }
}

@Test("the answers schema's duration pattern accepts exactly the strings the program reads as a duration")
func durationPatternMatchesTheReader() throws {
    let pattern = try Regex(JSONSchemas.durationPattern)
    let candidates = [
        "95", "95s", "+95", "1e2", "1e2s", ".5", "0.5s", "95.", "1:35", "1:35.5", "1:5", "1:60", "1:355", "1m", "1m35s",
        "1m5s", "1m60s", "1m35", "2m0.5s", "-5", "-5s", "abc", "1:35s", "m35s", "1.5m", "1e", "e2", "+", "", "95ss", "1:35.",
    ]
    for text in candidates {
        let read = Duration.seconds(text).map { $0 >= 0 } ?? false
        let matched = (try? pattern.wholeMatch(in: text)) != nil
        #expect(read == matched, "'\(text)': read \(read), pattern \(matched)")
    }
}
