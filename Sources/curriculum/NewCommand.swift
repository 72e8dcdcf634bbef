import ArgumentParser
import CurriculumKit

/// `curriculum new`: start a new file from a template.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new file from a template.",
        subcommands: [NewModuleCommand.self]
    )
}

struct NewModuleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "module",
        abstract: "Write a new module, ready to fill in, from templates/module.md.",
        discussion: """
        Writes PATH/modules/TOPIC/ID.md, with the id made from the title, the front matter \
        filled with valid choices from schema.yaml, and the sections the group format requires. \
        Each hint to replace starts with TODO; `curriculum check` warns about the ones left \
        (rule authoring.placeholder). Never overwrites a file or reuses an id.
        Exit status: 0 written, 1 the file or id exists, 2 the curriculum or template cannot be used.
        """
    )

    @Option(help: "A topic declared in schema.yaml (triggers, coping, ...).")
    var topic: String

    @Option(help: "A group format declared in schema.yaml (support, skill-building, psychoeducation, family).")
    var group: String

    @Argument(help: "The module's title, in quotes.")
    var title: String

    @Argument(help: ArgumentHelp("The curriculum folder (the one holding schema.yaml).", valueName: "PATH"))
    var path: String = "curriculum"

    @Option(help: "The module's id (default: made from the title).")
    var id: String?

    @Option(name: .customLong("objective"), help: ArgumentHelp("An objective from schema.yaml; repeat for more (default: one that fits the topic).", valueName: "ID"))
    var objectives: [String] = []

    @Option(help: "Planned minutes (default: 60, kept within the group format's range).")
    var minutes: Int?

    @Option(help: ArgumentHelp("Today's date (YYYY-MM-DD) for a module template that prints it; the clock by default. New modules are drafts with no review date.", valueName: "YYYY-MM-DD"))
    var today: CalendarDate?

    @Option(help: ArgumentHelp("The templates folder holding module.md (default: templates/ beside the curriculum folder, else the built-in template).", valueName: "DIR"))
    var templates: String?

    var request: ModuleScaffold.Request {
        ModuleScaffold.Request(title: title, topic: topic, group: group, id: id, objectives: objectives,
                               minutes: minutes, reviewed: today ?? Clock.today())
    }

    /// Topic, group and the rest are checked against schema.yaml here, so a wrong one is a
    /// usage error with this command's usage line.
    func validate() throws {
        do {
            try NewModule().checkArguments(request, root: path)
        } catch {
            if case .invalidArgument(let message) = error { throw ValidationError(message) }
        }
    }

    func run() throws {
        do {
            let created = try NewModule().create(request, root: path, templates: templates)
            let draft = created.draft
            Terminal.write("""
                wrote \(created.path)
                  id \(draft.id), \(group) group, \(draft.minutes) minutes, objectives: \(draft.objectives.joined(separator: ", "))
                  sections: \(draft.sections.joined(separator: ", "))
                next: replace each TODO hint, then run `curriculum check \(created.path)`

                """)
        } catch {
            switch error {
            case .invalidArgument(let message):
                throw ValidationError(message)
            case .conflict(let message):
                Terminal.writeError("error: \(message)\n")
                throw ExitCode(1)
            case .setup(let diagnostics):
                Terminal.writeError(TextPrinter(sourceLine: Terminal.sourceLines(), color: false)
                    .render(CheckReport(diagnostics: diagnostics, fileCount: 1)))
                throw ExitCode(2)
            }
        }
    }
}
