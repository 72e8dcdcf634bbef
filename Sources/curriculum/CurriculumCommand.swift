import ArgumentParser
import CurriculumKit

/// The `curriculum` command: parses arguments and hands the work to CurriculumKit.
@main
struct CurriculumCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "curriculum",
        abstract: "Check and build IOP group-therapy curriculum modules into printable handouts.",
        version: ToolVersion.current,
        subcommands: [CheckCommand.self, BuildCommand.self, PacketCommand.self, MakeupCommand.self, CalendarCommand.self, CoverageCommand.self, RulesCommand.self, ExplainCommand.self,
                      NewCommand.self, SchemaCommand.self, TranslationsCommand.self, StatsCommand.self, ServeCommand.self]
    )
}
