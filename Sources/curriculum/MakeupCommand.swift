import ArgumentParser
import CurriculumKit

struct MakeupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "makeup",
        abstract: "Write a make-up packet for missed sessions, or list what a new admission will miss (HTML and PDF).",
        discussion: """
        With --missed WEEK:DAY[,WEEK:DAY...] (the day as program.yaml writes it, any letter case): \
        a "what you missed" cover, the handouts and homework of those sessions and a reflection \
        page, written to makeup/TRACK/week-NN-DAY.html and .pdf under --out (named after the first \
        session). --start gives the first day of the first missed week, to date the cover. \
        With --admitted-week N instead: the core objectives a person admitted in week N of the \
        cycle will not meet before the minimum stay ends, with the modules that cover them, \
        printed (--format text or json) and written to makeup/TRACK/admitted-week-NN.html and .pdf.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Option(help: "The track, as named in program.yaml (for example evening).")
    var track: String

    @Option(help: ArgumentHelp("The missed sessions as WEEK:DAY, separated by commas (4:Wed,5:Mon).", valueName: "WEEK:DAY,..."))
    var missed: String?

    @Option(help: ArgumentHelp("A week of the cycle: what a person admitted that week misses during the minimum stay.", valueName: "N"))
    var admittedWeek: Int?

    @Option(help: ArgumentHelp("The first day of the first missed week (YYYY-MM-DD), to date the sessions on the cover.", valueName: "YYYY-MM-DD"),
            transform: DateArguments.parse)
    var start: CalendarDate?

    @Option(help: "For --admitted-week: text or json.")
    var format: Format = .text

    @Argument(help: ArgumentHelp("The curriculum folder.", valueName: "PATH"))
    var path: String = "curriculum"

    @OptionGroup var output: OutputOptions

    @OptionGroup var pdf: PDFOptions

    @Option(help: ArgumentHelp("The date reviews are measured against (YYYY-MM-DD); today by default.", valueName: "YYYY-MM-DD"))
    var today: CalendarDate?

    func validate() throws {
        if (missed == nil) == (admittedWeek == nil) {
            throw ValidationError("give --missed WEEK:DAY[,WEEK:DAY...] (the sessions to make up) or --admitted-week N (what a new admission misses), not both")
        }
        if start != nil && missed == nil {
            throw ValidationError("--start dates the missed sessions: use it with --missed")
        }
    }

    func run() throws {
        // Usage errors name the valid choices, which only the program file knows; nothing is written.
        let program = try DateArguments.program(at: path, track: track)
        let chosen = program.track(track)!
        let request: Builder.MakeupRequest
        if let missed {
            switch MissedSession.parse(missed, track: chosen, program: program) {
            case .success(let sessions): request = .missed(sessions, start: start)
            case .failure(let problem): throw ValidationError(problem.message)
            }
        } else {
            let week = admittedWeek ?? 1
            guard (1...max(program.weekCount, 1)).contains(week) else {
                throw ValidationError("--admitted-week \(week) is outside the cycle; give a week from 1 to \(program.weekCount)")
            }
            request = .admittedWeek(week)
        }
        let options = BuildOptions(out: output.out, pdf: !pdf.noPdf, jobs: 1, page: output.page,
                                   templates: output.templates, today: today ?? Clock.today())
        let showProgress = Terminal.stderrIsTerminal
        let cancellation = Cancellation()
        let interrupts = InterruptHandler(cancelling: cancellation)
        defer { interrupts.cancel() }
        let result = Builder(pdfEngine: pdf.engine(cancellation: cancellation),
                             progress: { if showProgress { Terminal.writeError($0 + "\n") } }, cancellation: cancellation)
            .makeup(root: path, track: track, request: request, options: options)
        if !result.report.diagnostics.isEmpty || result.refused {
            Terminal.writeError(TextPrinter(sourceLine: Terminal.sourceLines(), color: Terminal.stdoutIsColorTerminal).render(result.report))
        }
        if case .admittedWeek(let week) = request, !result.refused, let curriculum = CurriculumLoader().load(root: path).curriculum {
            let gaps = AdmissionGaps(curriculum: curriculum, program: program, track: chosen, admittedWeek: week)
            Terminal.write(format == .json ? gaps.json().serialized(pretty: true) + "\n" : gaps.text())
        }
        if format == .text {
            for file in result.written { Terminal.write("wrote \(PathUtil.join(output.out, file))\n") }
        }
        if result.interrupted { Terminal.writeError(result.summaryLine + "\n") }
        let code = result.exitCode(strict: false)
        if code != 0 { throw ExitCode(code) }
    }
}
