import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML

/// Reads one assessment's block of an answers file (spec 8), checking every value against
/// its input: type, range, choices and sides. Every problem names the assessment, the
/// input and the place in the file. A red-flag screen's unanswered questions are not errors
/// (second edition): they make the screen incomplete, which the report says.
enum AnswerReader {
    static func read(_ node: YAMLNode, for assessment: Assessment, reader: NodeReader) -> AssessmentAnswers? {
        read(node, id: assessment.id, inputs: assessment.inputs, isRedFlagScreen: assessment.isRedFlagScreen, reader: reader)
    }

    /// Reads answers for the assessment `id` with `inputs`, before (or without) the rest of it:
    /// an example's answers are checked even when the assessment itself has errors.
    static func read(
        _ node: YAMLNode, id: String, inputs: [AssessmentInput], isRedFlagScreen: Bool, reader: NodeReader
    ) -> AssessmentAnswers? {
        guard let fields = reader.mapping(node, of: "the answers for '\(id)'") else { return nil }
        let before = reader.diagnostics.count
        var values: [String: Binding] = [:]
        values.reserveCapacity(inputs.count)
        var skipped: [String] = []
        for input in inputs {
            let what = AnswerPlace.input(assessment: id, input: input.name)
            guard let answer = fields.node(input.name), !answer.isNull else {
                if input.optional || isRedFlagScreen {
                    values[input.name] = input.bilateral ? .bilateral(left: nil, right: nil) : .single(nil)
                    skipped.append(input.name)
                } else {
                    reader.error("missing answer for \(what) (\(input.label)); it is required", at: node.mark)
                }
                continue
            }
            if input.bilateral {
                guard let sides = reader.mapping(answer, of: "\(what), which takes {left: …, right: …}") else { continue }
                let left = sideValue(sides, .left, input: input, isRedFlagScreen: isRedFlagScreen, what: what, reader: reader)
                let right = sideValue(sides, .right, input: input, isRedFlagScreen: isRedFlagScreen, what: what, reader: reader)
                sides.rejectUnknownKeys()
                values[input.name] = .bilateral(left: left, right: right)
                if left == nil || right == nil, input.optional { skipped.append(input.name) }
            } else if let value = ValueReader.read(answer, input: input, what: what, reader: reader) {
                values[input.name] = .single(value)
            }
        }
        fields.rejectUnknownKeys()
        return reader.diagnostics.count == before ? AssessmentAnswers(values: values, skipped: skipped) : nil
    }

    private static func sideValue(
        _ sides: MappingReader, _ side: Side, input: AssessmentInput, isRedFlagScreen: Bool, what: AnswerPlace,
        reader: NodeReader
    ) -> Value? {
        guard let node = sides.node(side.rawValue), !node.isNull else {
            if !input.optional && !isRedFlagScreen {
                reader.error("missing the \(side.rawValue) side of \(what); give both left and right", at: sides.node.mark)
            }
            return nil
        }
        return ValueReader.read(node, input: input, what: what.on(side), reader: reader)
    }
}
