import ArgumentParser
import AssessmentKit
import BackCheckYAML
import CheckInHistory

/// `backcheck history checked NAME`: records that the person has been seen by a clinician
/// about the referrals standing, so `history people` and `run --save` stop naming them; a
/// referral of a later check-in stands again.
struct HistoryChecked: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checked",
        abstract: "Record that a person has been checked by a clinician: their referrals so far no longer stand.",
        discussion: """
            A referral stands until the person has been checked, so `history people` keeps \
            'clinician first' and `run --save` notes it. Record the check once it has happened; a \
            referral of a later check-in stands again. Nothing is recorded when no referral stands.
            """)

    @Argument(help: "The person, as the history keeps them.") var person: String

    func run() throws {
        let store = try HistoryCommand.store()
        let cleared: [EarlierReferral]
        do { cleared = try store.recordChecked(person, at: Timestamp.now()) } catch { throw HistoryCommand.fail(error) }
        let name = VisibleText.escaped((try? HistoryStore.check(person: person)) ?? person)
        guard !cleared.isEmpty else {
            StandardOutput.print("no referral stands for \(name); nothing was recorded")
            return
        }
        let list = cleared.map { "check-in \($0.checkIn) (\($0.urgency), \($0.generatedAt.prefix(10)))" }.joined(separator: ", ")
        let text = "recorded that \(name) has been checked by a clinician; no longer standing: the referral of \(list)"
        StandardOutput.print(TextWrap.lines(text, width: 80).joined(separator: "\n"))
    }
}
