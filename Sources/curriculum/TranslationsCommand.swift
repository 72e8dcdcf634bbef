import ArgumentParser
import CurriculumKit

extension TranslationReport.Format: ExpressibleByArgument {}

struct TranslationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translations",
        abstract: "List every translation with its source and whether it is current; `sync` marks one current.",
        subcommands: [TranslationsListCommand.self, TranslationsSyncCommand.self],
        defaultSubcommand: TranslationsListCommand.self
    )
}

struct TranslationsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List every translation (a module with 'translates:') and its state: current, stale or unsynced.",
        discussion: "Exit status: 0 listed (stale translations included), 2 the curriculum cannot be read."
    )

    @Argument(help: ArgumentHelp("The curriculum folder.", valueName: "PATH"))
    var path: String = "curriculum"

    @Option(help: "text, csv or json.")
    var format: TranslationReport.Format = .text

    func run() throws {
        let curriculum = try LoadCurriculum.at(path)
        let report = TranslationReport(curriculum: curriculum)
        switch format {
        case .text: Terminal.write(report.text())
        case .csv: Terminal.write(report.csv())
        case .json: Terminal.write(report.json())
        }
    }
}

struct TranslationsSyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Record in a translation's front matter what its source says now (source-digest:), marking it current.",
        discussion: """
        Run it after bringing the translation up to date with its source. Only the 'source-digest' \
        field changes. Exit status: 0 synced, 1 no such translation or it cannot be written, 2 the \
        curriculum cannot be read.
        """
    )

    @Argument(help: ArgumentHelp("The id of the translation (not of its source).", valueName: "TRANSLATION-ID"))
    var id: String

    @Argument(help: ArgumentHelp("The curriculum folder.", valueName: "PATH"))
    var path: String = "curriculum"

    func run() throws {
        switch TranslationSync.run(id: id, root: path) {
        case .success(let outcome):
            let what = outcome.changed ? "synced" : "already synced"
            Terminal.write("\(outcome.path): \(what) with \(outcome.source) (\(outcome.sections) section\(outcome.sections == 1 ? "" : "s"))\n")
        case .failure(let problem):
            if !problem.diagnostics.isEmpty {
                Terminal.writeError(TextPrinter(sourceLine: Terminal.sourceLines(), color: false).render(CheckReport(diagnostics: problem.diagnostics, fileCount: 1)))
            }
            if let message = problem.message { Terminal.writeError("error: \(message)\n") }
            throw ExitCode(problem.isSetup ? 2 : 1)
        }
    }
}
