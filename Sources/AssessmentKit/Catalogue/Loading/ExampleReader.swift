import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML

/// Reads an assessment's `examples` (spec 3.0).
enum ExampleReader {
    /// The examples in `node`, every problem reported to `reader`; `nil` when any is broken.
    /// Unless `keeping`, they are checked the same way and then let go (an empty list comes
    /// back): their answers are not copied out of the document's tree.
    static func readAll(_ node: YAMLNode, findings: [AssessmentFinding], keeping: Bool, reader: NodeReader) -> [AssessmentExample]? {
        guard let items = node.sequence else {
            reader.error("'examples' must be a list, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        let examples = items.map { read($0, findings: findings, detaching: keeping, reader: reader) }
        // A failing example is found by its name: two with one name cannot be told apart.
        var named: [String: SourceMark] = [:]
        for example in examples.compactMap({ $0 }) {
            if let first = named[example.name] {
                reader.warning("another example is named '\(example.name)' (at \(first)); give each example its own name", at: example.mark)
            } else {
                named[example.name] = example.mark
            }
        }
        guard examples.allSatisfy({ $0 != nil }) else { return nil }
        return keeping ? examples.compactMap { $0 } : []
    }

    /// Checks the answers of every example in `node` against `inputs`, for an assessment
    /// that cannot be run (it has other errors): what running its examples would report
    /// about the answers themselves.
    static func checkAnswers(_ node: YAMLNode, id: String, inputs: [AssessmentInput], isRedFlagScreen: Bool, reader: NodeReader) {
        for example in node.sequence ?? [] {
            guard let answers = example["answers"], example.mapping != nil else { continue }
            _ = AnswerReader.read(answers, id: id, inputs: inputs, isRedFlagScreen: isRedFlagScreen, reader: reader)
        }
    }

    /// One example; its answers are a copy detached from the document's tree only when
    /// `detaching` (the example is to be kept).
    private static func read(_ node: YAMLNode, findings: [AssessmentFinding], detaching: Bool, reader: NodeReader) -> AssessmentExample? {
        guard let fields = reader.mapping(node, of: "an example") else { return nil }
        let name = fields.required("name", as: String.self)
        let answers = fields.requiredNode("answers")
        let profile = fields.node("profile").map { ProfileReader.read($0, reader: reader) }
        let expect = fields.requiredMapping("expect", of: "an example's expectations").flatMap {
            readExpectation($0, findings: findings, reader: reader)
        }
        fields.rejectUnknownKeys()
        guard let name, let answers, let expect, !readFailed(profile) else { return nil }
        return AssessmentExample(name: name, answers: detaching ? answers.detached : answers, profile: (profile ?? nil) ?? Profile(), expect: expect, mark: node.mark)
    }

    private static func readExpectation(_ fields: MappingReader, findings: [AssessmentFinding], reader: NodeReader) -> Expectation? {
        // Each key is looked up once: its node gives both the value and, below, its mark.
        let findingsNode = fields.node("findings")
        let raised = findingsNode.map { readReferences($0, findings: findings, reader: reader) }
        let notRaised = fields.node("not_findings").map { readReferences($0, findings: findings, reader: reader) }
        let statusNode = fields.node("status")
        let status = statusNode.flatMap { reader.read(Status.self, from: $0) }
        let scoreNode = fields.node("score")
        var minimum: Double?
        var maximum: Double?
        if let score = scoreNode.flatMap({ reader.mapping($0, of: "a score expectation") }) {
            minimum = score.optional("min", as: Double.self, in: 0...100)
            maximum = score.optional("max", as: Double.self, in: 0...100)
            score.rejectUnknownKeys()
            if let minimum, let maximum, minimum > maximum {
                fields.reader.error(
                    "the score expectation's min (\(NumberText.format(minimum))) is above its max (\(NumberText.format(maximum))), so no score could meet it; swap them",
                    at: score.node.mark)
                return nil
            }
        }
        var referral: Urgency??
        let referralNode = fields.node("referral")
        if let referralNode {
            if referralNode.scalar?.text == "none" {
                referral = .some(nil)
            } else if let text = referralNode.scalar?.text, let urgency = Urgency(rawValue: text) {
                referral = urgency
            } else {
                let choices = ["none"] + Urgency.allCases.map(\.rawValue)
                fields.reader.error(
                    "expected one of \(choices.joined(separator: ", ")), found \(referralNode.kindDescription)"
                        + Suggestion.hint(for: referralNode.scalar?.text ?? "", among: choices),
                    at: referralNode.mark)
                return nil
            }
        }
        fields.rejectUnknownKeys()
        if raised == nil, notRaised == nil, status == nil, minimum == nil, maximum == nil, referral == nil,
           !fields.reader.hasErrors {
            fields.reader.error("the example expects nothing; give findings, not_findings, status or score", at: fields.node.mark)
            return nil
        }
        guard !readFailed(raised), !readFailed(notRaised) else { return nil }
        var expectation = Expectation(
            findings: (raised ?? nil) ?? [], notFindings: (notRaised ?? nil) ?? [], status: status,
            minimumScore: minimum, maximumScore: maximum, referral: referral)
        expectation.raisesNothing = findingsNode?.sequence?.isEmpty == true
        // Sized once: every example's marks are kept with the catalogue.
        expectation.marks.reserveCapacity([findingsNode, statusNode, referralNode].count { $0 != nil } + (scoreNode == nil ? 0 : 2))
        if let findingsNode { expectation.marks["findings"] = findingsNode.mark }
        if let statusNode { expectation.marks["status"] = statusNode.mark }
        if let referralNode { expectation.marks["referral"] = referralNode.mark }
        if let scoreNode {
            expectation.marks["score.min"] = scoreNode["min"]?.mark ?? scoreNode.mark
            expectation.marks["score.max"] = scoreNode["max"]?.mark ?? scoreNode.mark
        }
        return expectation
    }

    private static func readReferences(_ node: YAMLNode, findings: [AssessmentFinding], reader: NodeReader) -> [FindingReference]? {
        guard let items = node.sequence else {
            reader.error("expected a list of {id, side}, found \(node.kindDescription)", at: node.mark)
            return nil
        }
        var references: [FindingReference] = []
        references.reserveCapacity(items.count)
        var failed = false
        for item in items {
            // `- iliopsoas-tightness` is shorthand for `- {id: iliopsoas-tightness}`.
            var id: String?
            var side: Side?
            var sideFailed = false
            if item.scalar != nil {
                id = reader.read(String.self, from: item)
            } else if let fields = reader.mapping(item, of: "a finding reference") {
                id = fields.required("id", as: String.self)
                if let sideNode = fields.node("side") {
                    side = reader.read(String.self, from: sideNode).flatMap(Side.init(rawValue:))
                    if side == nil {
                        reader.error("side must be left or right", at: sideNode.mark)
                        sideFailed = true
                    }
                }
                fields.rejectUnknownKeys()
            }
            guard let id, !sideFailed else { failed = true; continue }
            guard findings.contains(where: { $0.id == id }) else {
                reader.error("unknown finding '\(id)'\(Suggestion.hint(for: id, among: findings.map(\.id)))", at: item.mark)
                failed = true
                continue
            }
            references.append(FindingReference(id: id, side: side, mark: item.mark))
        }
        return failed ? nil : references
    }
}
