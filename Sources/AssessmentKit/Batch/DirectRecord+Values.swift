import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML

/// Single values and the profile of a record read straight from its bytes: the checks of
/// ``ValueReader`` and ``ProfileReader``, through the same conversions, for values written
/// the plain way (a number as a number, a choice as a string). Anything else gives up.
extension DirectRecord {
    /// The value `token` (and, for a list, the items after it) gives `input`; `nil` when it is
    /// not a plain, valid value of the input's type.
    static func value(_ token: JSONCursor.Token, _ cursor: inout JSONCursor, for input: AssessmentInput) -> Value? {
        switch (input.type, token) {
        case (.number, .number(let text)):
            return number(text).flatMap { inRange($0, input) }
        case (.integer, .number(let text)):
            return Int(text).flatMap { inRange(Double($0), input) }
        case (.duration, .number(let text)):
            return number(text).flatMap { inRange($0, input) }
        case (.duration, .string(let text)):
            // `1:35` and `1m35s` are strings in JSON.
            return Duration.seconds(String(decoding: text, as: UTF8.self)).flatMap { inRange($0, input) }
        case (.boolean, .bool(let value)):
            return .bool(value)
        case (.choice, .string(let text)):
            let id = String(decoding: text, as: UTF8.self)
            return input.spec.choices.contains(id) ? .string(id) : nil
        case (.sequence, .arrayStart):
            return sequence(&cursor, for: input)
        default:
            return nil
        }
    }

    /// `value` when `input` takes it, as ``ValueReader`` decides.
    private static func inRange(_ value: Double, _ input: AssessmentInput) -> Value? {
        ValueReader.rangeProblem(value, input) == nil ? .number(value) : nil
    }

    /// The rest of a list of choices, each once.
    private static func sequence(_ cursor: inout JSONCursor, for input: AssessmentInput) -> Value? {
        var ids: [String] = []
        if cursor.take(UInt8(ascii: "]")) { return .sequence(ids) }
        repeat {
            guard case .string(let text)? = cursor.token() else { return nil }
            let id = String(decoding: text, as: UTF8.self)
            guard input.spec.choices.contains(id), !ids.contains(id) else { return nil }
            ids.append(id)
        } while cursor.take(UInt8(ascii: ","))
        return cursor.take(UInt8(ascii: "]")) ? .sequence(ids) : nil
    }

    /// The `profile` object, with the fields and limits of ``ProfileReader``.
    static func profile(_ cursor: inout JSONCursor) -> Profile? {
        guard case .objectStart? = cursor.token() else { return nil }
        var profile = Profile()
        if cursor.take(UInt8(ascii: "}")) { return profile }
        var seen: Set<Field> = []
        repeat {
            guard let name = cursor.memberName(), let field = Field(name), seen.insert(field).inserted, let token = cursor.token() else {
                return nil
            }
            switch (field, token) {
            case (.name, .string(let text)):
                profile.name = String(decoding: text, as: UTF8.self)
            case (.sex, .string(let text)):
                guard let sex = Profile.Sex(rawValue: String(decoding: text, as: UTF8.self)) else { return nil }
                profile.sex = sex
            case (.age, .number(let text)):
                guard let age = number(text, in: ProfileReader.ages) else { return nil }
                profile.age = age
            case (.bodyweight, .number(let text)):
                guard let weight = number(text, in: ProfileReader.bodyweights) else { return nil }
                profile.bodyweightKg = weight
            case (.trainingDays, .number(let text)):
                // The program lays out whole days, as ``ProfileReader`` insists.
                guard let days = number(text, in: ProfileReader.trainingDays), days.rounded() == days else { return nil }
                profile.trainingDaysPerWeek = days
            case (.backHistory, .arrayStart):
                guard let history = backHistory(&cursor) else { return nil }
                profile.backHistory = history
            case (.backHistoryRecent, .bool(let recent)):
                profile.backHistoryRecent = recent
            default:
                return nil
            }
        } while cursor.take(UInt8(ascii: ","))
        return cursor.take(UInt8(ascii: "}")) ? profile : nil
    }

    /// The fields a profile may have.
    private enum Field: Hashable {
        case name, sex, age, bodyweight, trainingDays, backHistory, backHistoryRecent

        init?(_ name: UnsafeBufferPointer<UInt8>) {
            switch true {
            case JSONCursor.equals(name, "name"): self = .name
            case JSONCursor.equals(name, "sex"): self = .sex
            case JSONCursor.equals(name, "age"): self = .age
            case JSONCursor.equals(name, "bodyweight_kg"): self = .bodyweight
            case JSONCursor.equals(name, "training_days_per_week"): self = .trainingDays
            case JSONCursor.equals(name, "back_history"): self = .backHistory
            case JSONCursor.equals(name, "back_history_recent"): self = .backHistoryRecent
            default: return nil
            }
        }
    }

    private static func number(_ text: String, in range: ClosedRange<Double>) -> Double? {
        number(text).flatMap { range.contains($0) ? $0 : nil }
    }

    /// A JSON number's value as `YAMLCoreSchema.decimal` and `Duration.seconds` read it. Every
    /// number ``JSONCursor`` takes is within their grammar, and both then give `Double(text)`
    /// when it is finite; checking the grammar again, character by character, was about a
    /// tenth of reading a record.
    private static func number(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// The rest of a `back_history` list.
    private static func backHistory(_ cursor: inout JSONCursor) -> [Profile.BackHistory]? {
        var history: [Profile.BackHistory] = []
        if cursor.take(UInt8(ascii: "]")) { return history }
        repeat {
            guard case .string(let text)? = cursor.token(), let item = Profile.BackHistory(rawValue: String(decoding: text, as: UTF8.self))
            else { return nil }
            history.append(item)
        } while cursor.take(UInt8(ascii: ","))
        return cursor.take(UInt8(ascii: "]")) ? history : nil
    }
}
