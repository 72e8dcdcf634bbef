import ArgumentParser
import CurriculumKit

extension CalendarReport.Format: ExpressibleByArgument {}

/// Arguments of the commands that work from dates.
enum DateArguments {
    /// The most weeks `calendar` and `build --from` cover at once (two years).
    static let maxWeeks = 104

    /// A `--date`, `--from` or `--start` value: a usage error that says what is valid.
    static func parse(_ text: String) throws -> CalendarDate {
        guard let date = CalendarDate(text) else {
            throw ValidationError("'\(text)' is not a date: write a real day of the calendar as YYYY-MM-DD, such as 2027-01-04")
        }
        return date
    }

    static func checkWeeks(_ weeks: Int) throws {
        guard (1...maxWeeks).contains(weeks) else {
            throw ValidationError("--weeks \(weeks) is not a number of weeks: give 1 to \(maxWeeks)")
        }
    }

    /// The program of the curriculum at `path`, with `track` checked against its tracks (a usage
    /// error lists them). Without a usable program the findings are printed and it throws the
    /// exit code: 2 when there is none, 1 when program.yaml has errors.
    static func program(at path: String, track: String?) throws -> Program {
        let loaded = CurriculumLoader().load(root: path)
        guard let curriculum = loaded.curriculum, let program = curriculum.program else {
            let problems = loaded.diagnostics.isEmpty
                ? [Builder.noProgram.diagnostic(PathUtil.display(PathUtil.join(path, "program.yaml")), .at(line: 1), "there is no program.yaml to take the dates from",
                                                fix: Fix(summary: "add program.yaml with the program's tracks and cycle-start"))]
                : loaded.diagnostics
            printFindings(problems, fileCount: loaded.fileCount)
            throw ExitCode(2)
        }
        let errors = loaded.diagnostics.filter { $0.file == program.file.path && $0.severity == .error }
        if !errors.isEmpty {
            printFindings(errors, fileCount: 1)
            throw ExitCode(1)
        }
        if let track, program.track(track) == nil {
            throw ValidationError("there is no track '\(track)'; the tracks are: \(program.tracks.map(\.id).joined(separator: ", "))")
        }
        return program
    }

    /// The program's calendar; without `cycle-start`, the finding saying how to add it, exit 2.
    static func calendar(of program: Program, today: CalendarDate) throws -> ProgramCalendar {
        guard let calendar = ProgramCalendar(program: program) else {
            printFindings([ProgramCalendar.missingCycleStart(program, today: today)], fileCount: 1)
            throw ExitCode(2)
        }
        return calendar
    }

    static func printFindings(_ diagnostics: [Diagnostic], fileCount: Int) {
        Terminal.writeError(TextPrinter(sourceLine: Terminal.sourceLines(), color: false).render(CheckReport(diagnostics: diagnostics, fileCount: fileCount)))
    }
}

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "List the weeks ahead: each Monday, its week of the cycle and every session with its modules.",
        discussion: """
        Counts from cycle-start in program.yaml, the Monday that began a week 1; the weeks repeat \
        from it, backwards and forwards. A session on one of the program's holidays is marked \
        cancelled. Sessions with no fixed day (individual counseling) are not listed.
        """
    )

    @Argument(help: ArgumentHelp("The curriculum folder.", valueName: "PATH"))
    var path: String = "curriculum"

    @Option(help: "Only this track (for example evening); every track by default.")
    var track: String?

    @Option(help: ArgumentHelp("A day in the first week to list (YYYY-MM-DD); today by default.", valueName: "YYYY-MM-DD"), transform: DateArguments.parse)
    var from: CalendarDate?

    @Option(help: ArgumentHelp("How many weeks to list, 1 to \(DateArguments.maxWeeks).", valueName: "N"))
    var weeks: Int = 4

    @Option(help: "text, csv or json.")
    var format: CalendarReport.Format = .text

    @Option(help: ArgumentHelp("The date taken as today (YYYY-MM-DD); the clock by default.", valueName: "YYYY-MM-DD"), transform: DateArguments.parse)
    var today: CalendarDate?

    func validate() throws {
        try DateArguments.checkWeeks(weeks)
    }

    func run() throws {
        let program = try DateArguments.program(at: path, track: track)
        let today = today ?? Clock.today()
        let calendar = try DateArguments.calendar(of: program, today: today)
        let tracks = program.tracks.filter { track == nil || $0.id == track }
        let report = CalendarReport(program: program, weeks: calendar.weeks(from: from ?? today, count: weeks, tracks: tracks))
        Terminal.write(report.render(format))
    }
}
