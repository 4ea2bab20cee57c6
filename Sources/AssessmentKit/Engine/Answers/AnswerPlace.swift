import BackCheckExpressions

/// Which answer a value is, for the messages about it: `'squat-form' input 'depth' (left)`.
/// Kept as its parts and put into words only when a message is made: nearly every answer in
/// a batch is sound, and building the words for each cost a quarter of reading answers.
enum AnswerPlace: CustomStringConvertible {
    /// An assessment's input, on one side or both.
    case input(assessment: String, input: String, side: Side? = nil)
    /// The question asked at a prompt, by its label.
    case question(label: String)

    /// The same input on `side`.
    func on(_ side: Side) -> AnswerPlace {
        guard case .input(let assessment, let input, _) = self else { return self }
        return .input(assessment: assessment, input: input, side: side)
    }

    var description: String {
        switch self {
        case .input(let assessment, let input, let side): "'\(assessment)' input '\(input)'" + (side.map { " (\($0.rawValue))" } ?? "")
        case .question(let label): "'\(label)'"
        }
    }
}
