import ArgumentParser
import CurriculumKit

extension DiagnosticFormat: ExpressibleByArgument {}

extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// Options shared by every command that reports findings.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output format: text, json, sarif or github.")
    var format: DiagnosticFormat = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Option(help: ArgumentHelp("The date reviews are measured against (YYYY-MM-DD); today by default.", valueName: "YYYY-MM-DD"))
    var today: CalendarDate?
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run every check and report findings; writes nothing unless --fix is given.",
        discussion: """
        PATH is a curriculum folder (the one holding schema.yaml; ./curriculum by default) or \
        one or more module files. Given files, only their findings are reported.
        Exit status: 0 no errors, 1 errors in the content, 2 the setup cannot be used.
        """
    )

    @Argument(help: ArgumentHelp("A curriculum folder or module files.", valueName: "PATH"))
    var paths: [String] = []

    @OptionGroup var report: ReportOptions

    @Flag(help: "Keep running: check again when a module, the schema, the program or a template changes, printing only what changed (Ctrl-C stops).")
    var watch = false

    @Flag(help: "Apply the fixes that have one certain replacement (such as person-first terms) to the files, then report what is left.")
    var fix = false

    func validate() throws {
        if fix && watch { throw ValidationError("--fix and --watch cannot be used together") }
    }

    func run() throws {
        if watch { return try WatchSupport.check(paths: paths, report: report) }
        let result: CheckReport
        if fix {
            let outcome = FixRun.run(paths: paths, today: report.today ?? Clock.today())
            result = outcome.report
            if report.format == .text {
                Terminal.write("fixed \(outcome.applied) finding\(outcome.applied == 1 ? "" : "s") in \(outcome.files.count) file\(outcome.files.count == 1 ? "" : "s")\n")
            }
        } else {
            // Ctrl-C or SIGTERM stop the check between modules, rules and blocks of prose.
            let cancellation = Cancellation()
            let interrupts = InterruptHandler(cancelling: cancellation)
            defer { interrupts.cancel() }
            result = CheckRun.run(paths: paths, today: report.today ?? Clock.today(), cancellation: cancellation)
            if result.wasCancelled {
                Terminal.writeError("check stopped (interrupted) before every rule ran\n")
                throw ExitCode(130)
            }
        }
        Terminal.write(report.format.printer(sourceLine: Terminal.sourceLines(), color: Terminal.stdoutIsColorTerminal).render(result))
        let code = result.exitCode(strict: report.strict)
        if code != 0 { throw ExitCode(code) }
    }
}

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "List every rule with its id, default severity and what it finds.")

    func run() throws {
        var out = ""
        for rule in RuleCatalog.all {
            let padded = rule.id.padding(to: 32)
            out += "\(padded) \(rule.defaultSeverity.rawValue.padding(to: 8)) \(rule.summary)\n"
        }
        Terminal.write(out)
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
