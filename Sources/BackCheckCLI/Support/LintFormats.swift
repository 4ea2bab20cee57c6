import AssessmentKit
import BackCheckYAML

/// `backcheck.lint/1`: the counts, then every diagnostic with its place and rule.
enum LintJSON {
    static func render(_ diagnostics: [Diagnostic], summary: LintSummary) -> String {
        JSONValue.object([
            ("schema", .string("backcheck.lint/1")),
            ("files", .integer(summary.files)), ("assessments", .integer(summary.assessments)),
            ("examples", .integer(summary.examples)), ("errors", .integer(summary.errors)),
            ("warnings", .integer(summary.warnings)),
            ("diagnostics", .array(diagnostics.map { diagnostic in
                var members: [(key: String, value: JSONValue)] = []
                if let mark = diagnostic.mark {
                    members += [("file", .string(mark.file)), ("line", .integer(mark.line)), ("column", .integer(mark.column))]
                }
                members += [
                    ("severity", .string(diagnostic.severity.rawValue)), ("rule", .string(LintRule.of(diagnostic).id)),
                    ("message", .string(diagnostic.message)),
                ]
                return .object(members)
            })),
        ]).serialized(pretty: true) + "\n"
    }
}

/// SARIF 2.1.0 (OASIS): one run of the `backcheck` driver, its rules, one result per
/// diagnostic, and a fix wherever the message suggests a replacement.
enum LintSARIF {
    static func render(_ diagnostics: [Diagnostic]) -> String {
        var rules: [LintRule] = []
        for diagnostic in diagnostics {
            let rule = LintRule.of(diagnostic)
            if !rules.contains(rule) { rules.append(rule) }
        }
        let results: [JSONValue] = diagnostics.map { diagnostic in
            let rule = LintRule.of(diagnostic)
            var members: [(key: String, value: JSONValue)] = [
                ("ruleId", .string(rule.id)), ("ruleIndex", .integer(rules.firstIndex(of: rule) ?? 0)),
                ("level", .string(diagnostic.severity == .error ? "error" : "warning")),
                ("message", .object([("text", .string(diagnostic.message))])),
            ]
            if let mark = diagnostic.mark {
                members.append(("locations", .array([.object([("physicalLocation", physical(mark))])])))
                if let (wrong, right) = LintRule.suggestion(in: diagnostic.message), let span = LintFix.locate(wrong, at: mark) {
                    members.append(("fixes", .array([.object([
                        ("description", .object([("text", .string("Replace '\(wrong)' with '\(right)'"))])),
                        ("artifactChanges", .array([.object([
                            ("artifactLocation", .object([("uri", .string(uri(mark.file)))])),
                            ("replacements", .array([.object([
                                ("deletedRegion", .object([
                                    ("startLine", .integer(mark.line)), ("startColumn", .integer(span.startColumn)),
                                    ("endLine", .integer(mark.line)), ("endColumn", .integer(span.endColumn)),
                                ])),
                                ("insertedContent", .object([("text", .string(right))])),
                            ])])),
                        ])])),
                    ])])))
                }
            }
            return .object(members)
        }
        let driver = JSONValue.object([
            ("name", .string("backcheck")), ("version", .string("0.1.0")),
            ("rules", .array(rules.map { rule in
                .object([("id", .string(rule.id)), ("shortDescription", .object([("text", .string(rule.summary))]))])
            })),
        ])
        return JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([("tool", .object([("driver", driver)])), ("results", .array(results))])])),
        ]).serialized(pretty: true) + "\n"
    }

    private static func physical(_ mark: SourceMark) -> JSONValue {
        .object([
            ("artifactLocation", .object([("uri", .string(uri(mark.file)))])),
            ("region", .object([("startLine", .integer(mark.line)), ("startColumn", .integer(mark.column))])),
        ])
    }

    /// A relative path as a URI reference: spaces and the like percent-encoded.
    static func uri(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let safe = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || "-._~/".utf8.contains(byte)
            result += safe ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
        }
        return result
    }
}

/// Checkstyle XML 4.3: a `<file>` per file with an `<error>` per diagnostic.
enum LintCheckstyle {
    static func render(_ diagnostics: [Diagnostic]) -> String {
        var files: [String] = []
        var byFile: [String: [Diagnostic]] = [:]
        for diagnostic in diagnostics {
            let file = diagnostic.mark?.file ?? ""
            if byFile[file] == nil { files.append(file) }
            byFile[file, default: []].append(diagnostic)
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for file in files {
            xml += "  <file name=\"\(escape(file))\">\n"
            for diagnostic in byFile[file] ?? [] {
                let line = diagnostic.mark?.line ?? 1
                let column = diagnostic.mark?.column ?? 1
                xml += "    <error line=\"\(line)\" column=\"\(column)\" severity=\"\(diagnostic.severity.rawValue)\" message=\"\(escape(diagnostic.message))\" source=\"backcheck.\(LintRule.of(diagnostic).id)\"/>\n"
            }
            xml += "  </file>\n"
        }
        return xml + "</checkstyle>\n"
    }

    /// Text for an XML attribute; control characters shown, never emitted raw.
    static func escape(_ text: String) -> String {
        VisibleText.escaped(text).replacingAll("&", "&amp;").replacingAll("<", "&lt;").replacingAll(">", "&gt;")
            .replacingAll("\"", "&quot;").replacingAll("'", "&apos;")
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}

/// JUnit XML: every assessment example is a test case (a failure when it did not give what it
/// expects), and every loading problem one more failing case, so a CI test view shows both.
enum LintJUnit {
    static func render(_ diagnostics: [Diagnostic], examples: [ExampleOutcome]) -> String {
        let e = LintCheckstyle.escape
        let exampleFailures = Set(examples.flatMap(\.failures))
        let loading = diagnostics.filter { !exampleFailures.contains($0) }
        var cases = ""
        for example in examples {
            cases += "    <testcase classname=\"\(e(example.assessment))\" name=\"\(e(example.name))\" file=\"\(e(example.mark.file))\" line=\"\(example.mark.line)\""
            if let first = example.failures.first {
                let text = example.failures.map(\.description).joined(separator: "\n")
                cases += ">\n      <failure type=\"example-failed\" message=\"\(e(first.message))\">\(e(text))</failure>\n    </testcase>\n"
            } else {
                cases += "/>\n"
            }
        }
        for diagnostic in loading {
            let place = diagnostic.mark.map { "\($0.file):\($0.line):\($0.column)" } ?? "catalogue"
            let kind = diagnostic.severity == .error ? "failure" : "system-out"
            cases += "    <testcase classname=\"lint\" name=\"\(e(place))\""
            cases += diagnostic.mark.map { " file=\"\(e($0.file))\" line=\"\($0.line)\"" } ?? ""
            cases += ">\n      <\(kind)"
            cases += diagnostic.severity == .error ? " type=\"\(LintRule.of(diagnostic).id)\" message=\"\(e(diagnostic.message))\">" : ">"
            cases += "\(e(diagnostic.description))</\(kind)>\n    </testcase>\n"
        }
        let tests = examples.count + loading.count
        let failures = examples.filter { !$0.failures.isEmpty }.count + loading.filter { $0.severity == .error }.count
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="backcheck lint" tests="\(tests)" failures="\(failures)">
              <testsuite name="catalogue" tests="\(tests)" failures="\(failures)" errors="0" skipped="0">
            \(cases)  </testsuite>
            </testsuites>

            """
    }
}
