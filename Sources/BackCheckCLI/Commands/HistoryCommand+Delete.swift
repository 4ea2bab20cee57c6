import ArgumentParser
import AssessmentKit
import BackCheckYAML
import CheckInHistory

/// `backcheck history delete ID`: one check-in gone for good, such as a report saved under
/// the wrong name, without forgetting the person's other check-ins.
struct HistoryDelete: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete one check-in (by its id from `history list`), leaving no trace in the file.")

    @Argument(help: "The check-in's id, as `history list` prints it.") var id: Int64
    @Flag(help: "Do not ask (needed when standard input is not a terminal).") var yes = false

    func run() throws {
        let store = try HistoryCommand.store()
        let checkIn: CheckIn
        do { checkIn = try store.checkIn(id) } catch { throw HistoryCommand.fail(error) }
        let what = "check-in \(id) of '\(VisibleText.escaped(checkIn.person))' (\(checkIn.generatedAt))"
        if !yes {
            try HistoryCommand.confirm("deleting \(what) is for good", question: "Delete \(what) for good? Type its id to confirm: ", answer: String(id))
        }
        do { try store.delete(checkIn: id) } catch { throw HistoryCommand.fail(error) }
        StandardOutput.print("deleted \(what); the file vacuumed and its log cleared")
    }
}

extension HistoryCommand {
    /// Asks at the terminal to type `answer` before something is deleted for good; without a
    /// terminal (a script) says to pass --yes. Throws exit 1, with nothing deleted, otherwise.
    static func confirm(_ consequence: String, question: String, answer: String) throws {
        guard Terminal.isTerminal(0) else {
            throw say("\(consequence); confirm at a terminal, or pass --yes. Nothing was deleted.")
        }
        StandardOutput.write(question)
        guard let typed = Swift.readLine(), typed.trimmingCharacters() == answer.trimmingCharacters() else {
            StandardOutput.print("Nothing was deleted.")
            throw ExitCode(1)
        }
    }
}
