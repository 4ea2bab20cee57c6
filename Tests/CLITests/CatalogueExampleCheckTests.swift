import Foundation
import Testing

/// Commands other than `lint` keep no example once the catalogue is loaded, but still read and
/// check every one of an author's: a broken example stops them with its place, as before.
@Suite struct CatalogueExampleCheckTests {
    /// A `--catalog` folder holding the built-in McGill battery as `my-mcgill`, its first
    /// example naming a finding misspelt when `broken`.
    static func folder(broken: Bool) throws -> URL {
        let folder = try CLI.temporaryFolder()
        var text = try String(contentsOf: CLI.root.appendingPathComponent("Assessments/assessments/core-endurance-mcgill.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: core-endurance-mcgill", with: "id: my-mcgill")
        if broken {
            text = text.replacingOccurrences(of: "not_findings: [{id: low-flexor-endurance}", with: "not_findings: [{id: low-flexor-endurence}")
        }
        try text.write(to: folder.appendingPathComponent("my-mcgill.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test("a broken example in --catalog stops run, batch and list", arguments: ["run", "batch", "list"])
    func aBrokenExampleStillStopsACommand(command: String) throws {
        let folder = try Self.folder(broken: true)
        let story = "Assessments/stories/sore-after-squats.answers.yaml"
        let arguments: [String] = switch command {
        case "run": ["run", "--catalog", folder.path, "--answers", story, "--format", "json"]
        case "batch": ["batch", "--catalog", folder.path, "-"]
        default: ["list", "--catalog", folder.path]
        }
        let result = try CLI.run(arguments, input: command == "batch" ? "" : nil)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("my-mcgill.yaml:223:22: error: unknown finding 'low-flexor-endurence'; did you mean 'low-flexor-endurance'?"),
                "\(result.stderr.prefix(600))")
    }

    @Test func aSoundCatalogueWithExamplesRuns() throws {
        let folder = try Self.folder(broken: false)
        let result = try CLI.run(["run", "--catalog", folder.path, "--answers", "Assessments/stories/sore-after-squats.answers.yaml", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr.prefix(600))")
        #expect(result.stdout.contains("\"screening\""))
    }
}
