import ArgumentParser

/// The `backcheck` command: assessments for lower-back pain in leg training.
struct BackCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backcheck",
        abstract: "Find out why your lower back hurts in leg training, and what to do about it.",
        version: "0.1.0",
        subcommands: [LintCommand.self, ListCommand.self, ShowCommand.self, PluginsCommand.self, NewCommand.self, RunCommand.self, ReportCommand.self, SchemaCommand.self, BatchCommand.self, HistoryCommand.self, DocsCommand.self]
    )
}
