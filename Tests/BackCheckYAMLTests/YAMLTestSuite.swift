import BackCheckYAML
import Foundation

/// One case of the YAML test suite (`../shared/yaml-test-suite`, read its README).
struct YAMLSuiteCase: CustomStringConvertible {
    /// `2G84/00` for a numbered sub-case, `229Q` otherwise.
    let id: String
    let folder: URL
    /// Whether the input is invalid YAML (the case has an `error` file).
    let isError: Bool

    var description: String { id }

    var input: [UInt8] { (try? [UInt8](Data(contentsOf: folder.appendingPathComponent("in.yaml")))) ?? [] }

    /// The expected JSON (one value per document), when the case has one.
    var expectedJSON: [UInt8]? { try? [UInt8](Data(contentsOf: folder.appendingPathComponent("in.json"))) }

    var title: String {
        let data = try? Data(contentsOf: folder.appendingPathComponent("==="))
        return data.map { String(decoding: $0, as: UTF8.self) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }
}

/// Finds the suite data next to the repository, and the cases in it.
enum YAMLTestSuite {
    /// `$YAML_TEST_SUITE` when set (`.ci/run` sets it for a clone made away from `shared/`),
    /// else `<repo>/../shared/yaml-test-suite`, located from this source file.
    static var folder: URL {
        if let path = ProcessInfo.processInfo.environment["YAML_TEST_SUITE"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()   // BackCheckYAMLTests
            .deletingLastPathComponent()   // Tests
            .deletingLastPathComponent()   // repository root
            .deletingLastPathComponent()
            .appendingPathComponent("shared/yaml-test-suite")
    }

    /// Every case folder (a folder holding `in.yaml`), numbered sub-cases included, sorted,
    /// each real case once: the suite's `name/` and `tags/` indexes hold symbolic links to the
    /// cases, and a link is never counted.
    static func cases(in folder: URL = folder) -> [YAMLSuiteCase] {
        let files = FileManager.default
        func isLink(_ url: URL) -> Bool {
            (try? files.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) == .typeSymbolicLink
        }
        let names = ((try? files.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var found: [YAMLSuiteCase] = []
        for name in names {
            let caseFolder = folder.appendingPathComponent(name)
            guard !isLink(caseFolder) else { continue }
            if files.fileExists(atPath: caseFolder.appendingPathComponent("in.yaml").path) {
                found.append(make(name, caseFolder))
                continue
            }
            let subNames = ((try? files.contentsOfDirectory(atPath: caseFolder.path)) ?? []).sorted()
            for sub in subNames {
                let subFolder = caseFolder.appendingPathComponent(sub)
                guard !isLink(subFolder) else { continue }
                if files.fileExists(atPath: subFolder.appendingPathComponent("in.yaml").path) {
                    found.append(make("\(name)/\(sub)", subFolder))
                }
            }
        }
        return found
    }

    private static func make(_ id: String, _ folder: URL) -> YAMLSuiteCase {
        YAMLSuiteCase(
            id: id, folder: folder,
            isError: FileManager.default.fileExists(atPath: folder.appendingPathComponent("error").path))
    }
}

/// How libyaml, through ``YAMLParser``, can disagree with the suite.
enum SuiteDisagreement: String, CustomStringConvertible {
    /// The case is invalid YAML, and it was accepted.
    case acceptsInvalid = "accepts invalid"
    /// The case is valid YAML, and it was rejected.
    case rejectsValid = "rejects valid"
    /// The case was accepted, but its JSON differs from `in.json`.
    case jsonDiffers = "JSON differs"

    var description: String { rawValue }
}

/// What parsing one case gave, judged against the suite.
struct SuiteOutcome {
    let disagreement: SuiteDisagreement?
    /// The first diagnostic, or the JSON difference, for messages.
    let detail: String
    /// Whether every error had a line and column.
    let errorsHaveMarks: Bool
    let rejected: Bool
    let jsonCompared: Bool

    /// Parses `suiteCase` and compares the result with what the suite expects.
    init(_ suiteCase: YAMLSuiteCase) {
        let result = YAMLParser().parse(suiteCase.input, file: "in.yaml")
        let errors = result.diagnostics.errors
        rejected = !errors.isEmpty
        errorsHaveMarks = errors.allSatisfy { ($0.mark?.line ?? 0) >= 1 && ($0.mark?.column ?? 0) >= 1 }
        if suiteCase.isError {
            jsonCompared = false
            disagreement = rejected ? nil : .acceptsInvalid
            detail = errors.first.map(String.init(describing:)) ?? "accepted"
            return
        }
        guard !rejected else {
            jsonCompared = false
            disagreement = .rejectsValid
            detail = errors.first.map(String.init(describing:)) ?? ""
            return
        }
        guard let expectedBytes = suiteCase.expectedJSON else {
            jsonCompared = false
            disagreement = nil
            detail = "accepted"
            return
        }
        jsonCompared = true
        let expected = JSONReader.parseSequence(expectedBytes, file: "in.json")
        let actual = result.documents.map(\.root.jsonValue)
        let wanted = expected.nodes.map(\.jsonValue)
        // Compared as JSON data: the suite's in.json does not always keep the YAML's key
        // order (RR7F, UGM3); key order itself is checked by the parser's own tests.
        let same = !expected.diagnostics.hasErrors && actual.count == wanted.count
            && zip(actual, wanted).allSatisfy { $0.isEquivalent(to: $1) }
        disagreement = same ? nil : .jsonDiffers
        detail = same ? "matched" : "got \(actual.map(\.description)) wanted \(wanted.map(\.description)) \(expected.diagnostics.all)"
    }
}
