import BackCheckExpressions
import BackCheckPluginAPI
package import BackCheckYAML

/// A batch record read straight from its bytes, when it is one that reads without a problem.
///
/// ``BatchProcessor`` reads records through ``JSONReader`` and ``AnswersFile``, which keep the
/// place of every value so that any problem can be pointed at. In a batch nearly every record
/// has none, and building that tree was about 13% of the batch's time. So each record is first
/// taken in one pass over its bytes (``JSONCursor``), checking each answer as ``AnswerReader``
/// does; the first thing that is not plainly right — a problem, but also anything this pass
/// does not take, such as an escape in a string or a number written in quotes — gives up,
/// and the record is read the full way, which says what is wrong and where. A record read here
/// gives the same answers as the full way (the tests compare the two), and one it gives up on
/// is read only as far as the first thing it did not take.
package struct DirectRecord {
    /// The record's `id`: a non-empty string or a whole number.
    package var id: JSONValue
    /// The checked answers, as ``AnswersFile/read(_:file:catalogue:overrides:only:)`` gives them.
    package var answers: AnswerSet

    /// The record in `bytes`, checked against `catalogue`; `nil` when it must be read the full way.
    package static func read(_ bytes: [UInt8], catalogue: Catalogue) -> DirectRecord? {
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = JSONCursor(buffer)
            return read(&cursor, catalogue: catalogue)
        }
    }

    private static func read(_ cursor: inout JSONCursor, catalogue: Catalogue) -> DirectRecord? {
        guard case .objectStart? = cursor.token(), !cursor.take(UInt8(ascii: "}")) else { return nil }
        var id: JSONValue?
        var profile: Profile?
        var screenedElsewhere: Bool?
        var entries: [AnswerSet.Entry]?
        repeat {
            guard let name = cursor.memberName() else { return nil }
            if JSONCursor.equals(name, "id") {
                guard id == nil, let value = identifier(&cursor) else { return nil }
                id = value
            } else if JSONCursor.equals(name, "answers") {
                guard entries == nil, let value = answerBlocks(&cursor, catalogue: catalogue) else { return nil }
                entries = value
            } else if JSONCursor.equals(name, "profile") {
                guard profile == nil, let value = Self.profile(&cursor) else { return nil }
                profile = value
            } else if JSONCursor.equals(name, "screened_elsewhere") {
                guard screenedElsewhere == nil, case .bool(let value)? = cursor.token() else { return nil }
                screenedElsewhere = value
            } else {
                return nil
            }
        } while cursor.take(UInt8(ascii: ","))
        guard cursor.take(UInt8(ascii: "}")), cursor.atEnd, let id, let entries, !entries.isEmpty else { return nil }
        let answers = AnswerSet(profile: profile ?? Profile(), entries: entries, screenedElsewhere: screenedElsewhere ?? false)
        return DirectRecord(id: id, answers: answers)
    }

    /// A non-empty string, or a number that is a whole one as ``BatchProcessor`` takes ids.
    private static func identifier(_ cursor: inout JSONCursor) -> JSONValue? {
        switch cursor.token() {
        case .string(let text)?:
            return text.isEmpty ? nil : .string(String(decoding: text, as: UTF8.self))
        case .number(let text)?:
            guard case .integer(let number) = YAMLCoreSchema.resolve(text) else { return nil }
            return .integer(number)
        default:
            return nil
        }
    }

    /// The `answers` object: each assessment's answers, in the order written.
    private static func answerBlocks(_ cursor: inout JSONCursor, catalogue: Catalogue) -> [AnswerSet.Entry]? {
        guard case .objectStart? = cursor.token() else { return nil }
        var entries: [AnswerSet.Entry] = []
        if cursor.take(UInt8(ascii: "}")) { return entries }
        repeat {
            guard let name = cursor.memberName(),
                  let assessment = catalogue.assessment(String(decoding: name, as: UTF8.self)),
                  !entries.contains(where: { $0.assessment.id == assessment.id }),
                  let answers = answers(&cursor, for: assessment)
            else { return nil }
            entries.append(AnswerSet.Entry(assessment: assessment, answers: answers))
        } while cursor.take(UInt8(ascii: ","))
        return cursor.take(UInt8(ascii: "}")) ? entries : nil
    }

    /// What was written for one input: nothing (or `null`), a value, or a value per side.
    private enum Written {
        case nothing
        case single(Value)
        case bilateral(left: Value?, right: Value?)
    }

    /// One assessment's answers, as ``AnswerReader`` reads them: every input answered or left
    /// out as it allows, no other key.
    private static func answers(_ cursor: inout JSONCursor, for assessment: Assessment) -> AssessmentAnswers? {
        let inputs = assessment.inputs
        let excused = assessment.isRedFlagScreen
        var written = [Written?](repeating: nil, count: inputs.count)
        guard case .objectStart? = cursor.token() else { return nil }
        if !cursor.take(UInt8(ascii: "}")) {
            repeat {
                guard let name = cursor.memberName(),
                      let index = inputs.firstIndex(where: { JSONCursor.equals(name, $0.name) }),
                      written[index] == nil,
                      let value = answer(&cursor, for: inputs[index], excused: excused)
                else { return nil }
                written[index] = value
            } while cursor.take(UInt8(ascii: ","))
            guard cursor.take(UInt8(ascii: "}")) else { return nil }
        }
        var values: [String: Binding] = [:]
        values.reserveCapacity(inputs.count)
        var skipped: [String] = []
        for (input, answer) in zip(inputs, written) {
            switch answer ?? .nothing {
            case .nothing:
                guard input.optional || excused else { return nil }
                values[input.name] = input.bilateral ? .bilateral(left: nil, right: nil) : .single(nil)
                skipped.append(input.name)
            case .single(let value):
                values[input.name] = .single(value)
            case .bilateral(let left, let right):
                values[input.name] = .bilateral(left: left, right: right)
                if left == nil || right == nil, input.optional { skipped.append(input.name) }
            }
        }
        return AssessmentAnswers(values: values, skipped: skipped)
    }

    /// The answer written for `input`: `null`, its value, or its sides' values.
    private static func answer(_ cursor: inout JSONCursor, for input: AssessmentInput, excused: Bool) -> Written? {
        guard let token = cursor.token() else { return nil }
        if case .null = token { return .nothing }
        guard input.bilateral else { return value(token, &cursor, for: input).map(Written.single) }
        guard case .objectStart = token else { return nil }
        var sides: [Value??] = [nil, nil]
        if !cursor.take(UInt8(ascii: "}")) {
            repeat {
                guard let name = cursor.memberName() else { return nil }
                let place = JSONCursor.equals(name, "left") ? 0 : JSONCursor.equals(name, "right") ? 1 : nil
                guard let place, sides[place] == nil, let token = cursor.token() else { return nil }
                if case .null = token {
                    sides[place] = .some(nil)
                } else {
                    guard let value = value(token, &cursor, for: input) else { return nil }
                    sides[place] = value
                }
            } while cursor.take(UInt8(ascii: ","))
            guard cursor.take(UInt8(ascii: "}")) else { return nil }
        }
        let (left, right) = (sides[0] ?? nil, sides[1] ?? nil)
        // A side left out is a problem unless the input may be skipped.
        guard left != nil && right != nil || input.optional || excused else { return nil }
        return .bilateral(left: left, right: right)
    }
}
