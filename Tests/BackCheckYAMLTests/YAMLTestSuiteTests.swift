import BackCheckYAML
import Foundation
import Testing

@Suite("The YAML test suite")
struct YAMLTestSuiteTests {
    @Test func everyCaseAgreesOrIsAListedDisagreement() throws {
        let cases = YAMLTestSuite.cases()
        try #require(
            !cases.isEmpty,
            "the YAML test suite was not found at \(YAMLTestSuite.folder.path); it ships beside the repository as ../shared/yaml-test-suite, or set YAML_TEST_SUITE to its folder")
        var counts = (rejectedAsExpected: 0, jsonMatched: 0, disagreements: 0, errorCases: 0)
        var unlisted: [String] = []
        var nowAgreeing: [String] = []
        for suiteCase in cases {
            let outcome = SuiteOutcome(suiteCase)
            if outcome.rejected {
                #expect(outcome.errorsHaveMarks, "\(suiteCase): an error has no line and column: \(outcome.detail)")
            }
            if suiteCase.isError { counts.errorCases += 1 }
            if suiteCase.isError, outcome.rejected { counts.rejectedAsExpected += 1 }
            if outcome.jsonCompared, outcome.disagreement == nil { counts.jsonMatched += 1 }
            let listed = YAMLSuiteDisagreements.known[suiteCase.id]
            switch (outcome.disagreement, listed) {
            case (nil, nil): break
            case let (actual?, expected?) where actual == expected.kind: counts.disagreements += 1
            case let (actual?, _):
                unlisted.append("\(suiteCase) (\(suiteCase.title)): \(actual): \(outcome.detail)")
            case (nil, _?):
                nowAgreeing.append("\(suiteCase) (\(suiteCase.title))")
            }
        }
        print("""
            YAML test suite: \(cases.count) cases; \(counts.rejectedAsExpected) of \(counts.errorCases) invalid cases \
            rejected as expected; \(counts.jsonMatched) JSON results matched; \(counts.disagreements) listed \
            libyaml disagreements
            """)
        #expect(unlisted.isEmpty, "disagreements not in YAMLSuiteDisagreements:\n\(unlisted.joined(separator: "\n"))")
        #expect(nowAgreeing.isEmpty, "listed disagreements that now agree; remove them:\n\(nowAgreeing.joined(separator: "\n"))")
    }

    @Test func theIndexFoldersOfSymbolicLinksAreNotCountedAgain() throws {
        let files = FileManager.default
        let root = files.temporaryDirectory.appendingPathComponent("suite-\(UUID().uuidString)")
        defer { try? files.removeItem(at: root) }
        for path in ["AB12", "CD34/00", "CD34/01", "name", "tags/alias"] {
            try files.createDirectory(at: root.appendingPathComponent(path), withIntermediateDirectories: true)
        }
        for path in ["AB12", "CD34/00", "CD34/01"] {
            try "a: 1\n".write(to: root.appendingPathComponent(path + "/in.yaml"), atomically: true, encoding: .utf8)
        }
        try files.createSymbolicLink(atPath: root.appendingPathComponent("name/simple-mapping").path, withDestinationPath: "../AB12")
        try files.createSymbolicLink(atPath: root.appendingPathComponent("tags/alias/CD34").path, withDestinationPath: "../../CD34")
        #expect(YAMLTestSuite.cases(in: root).map(\.id) == ["AB12", "CD34/00", "CD34/01"])
    }
}
