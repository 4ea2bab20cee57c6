import BackCheckExpressions
import BackCheckPluginAPI
import BackCheckYAML

/// Scores one assessment by calling its module's `backcheck_evaluate` with the person's
/// answers as JSON (wasm-evaluators spec 3). Anything that goes wrong — the budget, a trap,
/// output the ABI does not allow — becomes ``Evaluation/failed(_:)`` with a note naming the
/// evaluator: the assessment is reported as not scored and the rest of the report stands.
struct ModuleEvaluator: Evaluator {
    let evaluatorID: String
    let module: any SandboxedModule
    let assessmentID: String
    let scoring: JSONValue
    let inputs: [InputSpec]
    let derived: [String]
    let findings: Set<String>

    func evaluate(_ input: EvaluationInput) -> Evaluation {
        let request = self.request(for: input).serialized()
        let output: [UInt8]
        do {
            output = try module.call(.evaluate, input: Array(request.utf8))
        } catch {
            return .failed("The evaluator '\(evaluatorID)' \(error.reason), so this assessment was not scored.")
        }
        switch ModuleOutput.evaluation(output, declared: findings) {
        case .success(var evaluation):
            // Not scored is allowed (nothing could be judged), but the person is told why.
            if input.explains, evaluation.score == nil, evaluation.notes.isEmpty {
                evaluation.notes.append(
                    "The evaluator '\(evaluatorID)' returned no score and no note saying why, so this assessment was not scored.")
            }
            return evaluation
        case .failure(let problem):
            return .failed("The evaluator '\(evaluatorID)' returned \(problem.reason), so this assessment was not scored.")
        }
    }

    /// `{"abi": 1, "assessment", "scoring", "profile", "answers", "derived", "explain"}`.
    func request(for input: EvaluationInput) -> JSONValue {
        var answers: [(key: String, value: JSONValue)] = []
        for spec in inputs {
            if let binding = input.bindings[spec.name], let json = Self.json(binding) { answers.append((spec.name, json)) }
        }
        var derivedValues: [(key: String, value: JSONValue)] = []
        for name in derived {
            if let binding = input.bindings[name], let json = Self.json(binding) { derivedValues.append((name, json)) }
        }
        return .object([
            ("abi", .integer(1)), ("assessment", .string(assessmentID)), ("scoring", scoring),
            ("profile", Self.json(input.profile)), ("answers", .object(answers)), ("derived", .object(derivedValues)),
            ("explain", .bool(input.explains)),
        ])
    }

    /// What a module may know of the person: not their name.
    private static func json(_ profile: Profile) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        if let sex = profile.sex { members.append(("sex", .string(sex.rawValue))) }
        if let age = profile.age { members.append(("age", number(age))) }
        if let weight = profile.bodyweightKg { members.append(("bodyweight_kg", number(weight))) }
        if let days = profile.trainingDaysPerWeek { members.append(("training_days_per_week", number(days))) }
        return .object(members)
    }

    private static func json(_ binding: Binding) -> JSONValue? {
        switch binding {
        case .single(let value): return value.map(json)
        case .bilateral(let left, let right):
            let sides = [("left", left), ("right", right)].compactMap { side, value in value.map { (side, json($0)) } }
            return sides.isEmpty ? nil : .object(sides.map { (key: $0.0, value: $0.1) })
        }
    }

    private static func json(_ value: Value) -> JSONValue {
        switch value {
        case .number(let number): self.number(number)
        case .bool(let bool): .bool(bool)
        case .string(let string): .string(string)
        case .sequence(let items): .array(items.map(JSONValue.string))
        }
    }

    private static func number(_ value: Double) -> JSONValue {
        value.rounded() == value && abs(value) < 1e15 ? .integer(Int(value)) : .number(value)
    }
}
