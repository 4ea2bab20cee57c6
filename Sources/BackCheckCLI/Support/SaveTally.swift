import CheckInHistory
import Synchronization

/// How many check-ins `batch --save` kept, counted from every worker: a summary that says
/// nothing leaves a coach guessing whether a second run saved anything.
final class SaveTally: Sendable, CustomStringConvertible {
    private let counts = Mutex((saved: 0, alreadySaved: 0))

    /// Counts what one save did.
    func count(_ outcome: HistoryStore.SaveOutcome) {
        counts.withLock { counts in
            switch outcome {
            case .saved: counts.saved += 1
            case .alreadySaved: counts.alreadySaved += 1
            }
        }
    }

    /// `saved 9 check-ins; 1 was saved already`.
    var description: String {
        let (saved, already) = counts.withLock { ($0.saved, $0.alreadySaved) }
        let first = "saved \(saved) check-in\(saved == 1 ? "" : "s")"
        return already == 0 ? first : first + "; \(already) \(already == 1 ? "was" : "were") saved already (the same results on the same day)"
    }
}
