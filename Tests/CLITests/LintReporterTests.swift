import Foundation
import Testing

/// `lint --reporter`: what CI services read, each checked with a reader written elsewhere
/// (sarif-tools for SARIF, Python's XML parser for Checkstyle, JSON for the rest).
@Suite(.enabled(if: (try? CLI.tool("python3", ["-c", "import sarif.loader, junitparser"]).status) == 0,
                "needs the sarif-tools and junitparser Python packages: python3 -m pip install sarif-tools junitparser"))
struct LintReporterTests {
    /// A catalogue file with mistakes the reporters must carry: a wrong type, a misspelt enum
    /// value (with a did-you-mean), a value out of range.
    static func brokenFile() throws -> URL {
        let folder = try CLI.temporaryFolder()
        #expect(try CLI.run(["new", "broken", "--evaluator", "thresholds"], directory: folder).status == 0)
        let file = folder.appendingPathComponent("broken.yaml")
        var yaml = try String(contentsOf: file, encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "version: 1 ", with: "version: one ")
            .replacingOccurrences(of: "category: mobility ", with: "category: mobilty ")
            .replacingOccurrences(of: "duration_min: 3 ", with: "duration_min: 900 ")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func sarifCarriesRulesLevelsLocationsAndFixes() throws {
        let file = try Self.brokenFile()
        let sarif = file.deletingLastPathComponent().appendingPathComponent("lint.sarif")
        let result = try CLI.run(["lint", "broken.yaml", "--reporter", "sarif", "--output", sarif.path], directory: file.deletingLastPathComponent())
        #expect(result.status == 1)
        let read = try CLI.tool("python3", ["-c", """
            import sys
            from sarif import loader
            results = loader.load_sarif_file(sys.argv[1]).get_results()
            for r in results:
                if r["level"] != "error": continue
                loc = r["locations"][0]["physicalLocation"]
                fix = r.get("fixes", [{}])[0].get("artifactChanges", [{}])[0].get("replacements", [{}])[0]
                print(r["ruleId"], r["level"], loc["artifactLocation"]["uri"], loc["region"]["startLine"], loc["region"]["startColumn"],
                      fix.get("insertedContent", {}).get("text", "-"), fix.get("deletedRegion", {}).get("endColumn", "-"))
            """, sarif.path])
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout == """
            wrong-type error broken.yaml 6 10 - -
            wrong-type error broken.yaml 8 11 mobility 18
            out-of-range error broken.yaml 10 15 - -

            """, "\(read.stdout)")
        let mode = try FileManager.default.attributesOfItem(atPath: sarif.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test("a fix for a quoted value replaces the quotes too, and none is offered where the file spells it otherwise")
    func sarifFixesCoverQuotes() throws {
        let folder = try CLI.temporaryFolder()
        #expect(try CLI.run(["new", "quoted", "--evaluator", "thresholds"], directory: folder).status == 0)
        let file = folder.appendingPathComponent("quoted.yaml")
        let yaml = try String(contentsOf: file, encoding: .utf8)
        try yaml.replacingOccurrences(of: "category: mobility ", with: "category: \"mobilty\" ").write(to: file, atomically: true, encoding: .utf8)
        let sarif = folder.appendingPathComponent("lint.sarif")
        _ = try CLI.run(["lint", "quoted.yaml", "--reporter", "sarif", "--output", sarif.path], directory: folder)
        let read = try CLI.tool("python3", ["-c", """
            import json, sys
            for r in json.load(open(sys.argv[1]))["runs"][0]["results"]:
                for fix in r.get("fixes", []):
                    d = fix["artifactChanges"][0]["replacements"][0]["deletedRegion"]
                    print(d["startColumn"], d["endColumn"])
            """, sarif.path])
        // `category: "mobilty"`: the value with its quotes is columns 11 to 19.
        #expect(read.stdout == "11 20\n", "\(read.stdout)\(read.stderr)")
        try yaml.replacingOccurrences(of: "category: mobility ", with: "category: \"mob\\x69lty\" ").write(to: file, atomically: true, encoding: .utf8)
        _ = try CLI.run(["lint", "quoted.yaml", "--reporter", "sarif", "--output", sarif.path], directory: folder)
        #expect(try CLI.tool("python3", ["-c", "import json,sys; print(sum(len(r.get('fixes', [])) for r in json.load(open(sys.argv[1]))['runs'][0]['results']))", sarif.path]).stdout == "0\n")
    }

    @Test func githubJsonAndCheckstyleSayTheSame() throws {
        let file = try Self.brokenFile()
        let folder = file.deletingLastPathComponent()
        let github = try CLI.run(["lint", "broken.yaml", "--reporter", "github"], directory: folder)
        #expect(github.stdout.split(separator: "\n").first == "::error file=broken.yaml,line=6,col=10,title=backcheck wrong-type::'version': expected an integer, found the string \"one\"")
        #expect(github.stderr.contains("3 errors"))
        let json = try CLI.run(["lint", "broken.yaml", "--reporter", "json"], directory: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "backcheck.lint/1")
        #expect(object["errors"] as? Int == 3)
        let errors = (object["diagnostics"] as? [[String: Any]])?.filter { $0["severity"] as? String == "error" }
        #expect(errors?.map { $0["rule"] as? String ?? "" } == ["wrong-type", "wrong-type", "out-of-range"])
        #expect(object["warnings"] as? Int == 9)   // the skeleton's placeholder text and unsourced cut-off
        let warningRules = (object["diagnostics"] as? [[String: Any]])?.filter { $0["severity"] as? String == "warning" }.map { $0["rule"] as? String ?? "" }
        #expect(Set(warningRules ?? []) == ["placeholder", "unsourced-number"])
        let checkstyle = try CLI.run(["lint", "broken.yaml", "--reporter", "checkstyle"], directory: folder)
        let parsed = try CLI.tool("python3", ["-c", """
            import sys, xml.etree.ElementTree as ET
            root = ET.fromstring(sys.stdin.read() if False else open(sys.argv[1]).read())
            for f in root.iter("file"):
                for e in f.iter("error"):
                    if e.get("severity") == "error": print(f.get("name"), e.get("line"), e.get("severity"), e.get("source"))
            """, try Self.save(checkstyle.stdout, in: folder)])
        #expect(parsed.stdout == "broken.yaml 6 error backcheck.wrong-type\nbroken.yaml 8 error backcheck.wrong-type\nbroken.yaml 10 error backcheck.out-of-range\n",
                "\(parsed.stdout)\(parsed.stderr)")
    }

    static func save(_ text: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("checkstyle.xml")
        try text.write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    @Test func junitHasATestCasePerExampleAndFailsTheOneThatFails() throws {
        let folder = try CLI.temporaryFolder()
        #expect(try CLI.run(["new", "knee", "--evaluator", "thresholds"], directory: folder).status == 0)
        let file = folder.appendingPathComponent("knee.yaml")
        // The first example now expects the wrong side.
        let yaml = try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "findings: [{id: knee-finding, side: left}]", with: "findings: [{id: knee-finding, side: right}]")
        try yaml.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["lint", "knee.yaml", "--reporter", "junit", "--output", "lint.xml"], directory: folder)
        #expect(result.status == 1)
        let read = try CLI.tool("python3", ["-c", """
            import sys
            from junitparser import JUnitXml, Failure
            for suite in JUnitXml.fromfile(sys.argv[1]):
                for case in suite:
                    failed = any(isinstance(r, Failure) for r in case.result)
                    if case.classname == "knee": print(case.classname, case.name, "FAIL" if failed else "ok")
            """, folder.appendingPathComponent("lint.xml").path])
        #expect(read.stdout == "knee left side over the cut-off FAIL\nknee both sides fine ok\n", "\(read.stdout)\(read.stderr)")
    }
}
