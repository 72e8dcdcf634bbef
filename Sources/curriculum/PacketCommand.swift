import ArgumentParser
import CurriculumKit
import Foundation

struct PacketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packet",
        abstract: "Write one weekly packet for a track and week, or for the week that holds a date (HTML and PDF).",
        discussion: """
        The packet has a cover with the week's sessions, the week's handouts in session order, \
        the week's homework, between-session pages and the help lines. With --start (any day) it \
        covers the seven days from it, in date order with the year; a session on one of the \
        program's holidays is shown as cancelled, and its handouts and homework are left out. \
        Without --start the cover has "Week of ________" to fill in. With --date (any day), the \
        packet is the one of the cycle week that holds it, dated from that week's Monday (the \
        program needs cycle-start). An undated packet is written to packets/TRACK/week-NN.html \
        and .pdf under --out, where `build` writes it too; a dated one to \
        packets/TRACK/YYYY-MM-DD.html and .pdf (its first day), which `build` never replaces. With \
        --language es it is printed in that language's pack (curriculum/languages/es.yaml), with \
        each module's translation into it where there is one (the cover names the handouts only \
        in English), to week-NN.es.html (or YYYY-MM-DD.es.html) and .pdf.
        """
    )

    @Option(help: "The track, as named in program.yaml (for example evening).")
    var track: String

    @Option(help: "The week of the program, from 1.")
    var week: Int?

    @Option(help: ArgumentHelp("The first day of that week, any day (YYYY-MM-DD); the cover lists the meetings in the seven days from it, in date order.", valueName: "YYYY-MM-DD"),
            transform: DateArguments.parse)
    var start: CalendarDate?

    @Option(help: ArgumentHelp("Any day (YYYY-MM-DD): the packet of the cycle week that holds it, dated from its Monday (needs cycle-start in program.yaml). Instead of --week and --start.", valueName: "YYYY-MM-DD"),
            transform: DateArguments.parse)
    var date: CalendarDate?

    @Option(help: ArgumentHelp("The packet's language, a tag with a pack in the curriculum's languages/ folder (for example es); English by default.", valueName: "TAG"))
    var language: String = "en"

    @Argument(help: ArgumentHelp("The curriculum folder.", valueName: "PATH"))
    var path: String = "curriculum"

    @OptionGroup var output: OutputOptions

    @OptionGroup var pdf: PDFOptions

    @OptionGroup var report: ReportOptions

    func validate() throws {
        if date != nil && (week != nil || start != nil) {
            throw ValidationError("--date finds the week and its Monday itself: give --date alone, or --week with --start")
        }
        if date == nil && week == nil {
            throw ValidationError("give --week N (1 to the program's weeks; --start DATE dates it) or --date DATE (the week that holds that day)")
        }
    }

    func run() throws {
        let today = report.today ?? Clock.today()
        var week = week ?? 1
        var start = start
        if let date {
            // Without a program, its cycle or the track, nothing can be dated: say so, write nothing.
            let program = try DateArguments.program(at: path, track: track)
            let calendar = try DateArguments.calendar(of: program, today: today)
            week = calendar.cycleWeek(of: date)
            start = ProgramCalendar.monday(of: date)
        } else if let program = CurriculumLoader().load(root: path).curriculum?.program {
            // Usage errors name the valid choices, which only the program file knows.
            guard program.track(track) != nil else {
                throw ValidationError("there is no track '\(track)'; the tracks are: \(program.tracks.map(\.id).joined(separator: ", "))")
            }
            guard (1...max(program.weekCount, 1)).contains(week) else {
                throw ValidationError("week \(week) is outside the program; give a week from 1 to \(program.weekCount)")
            }
        }
        let options = BuildOptions(out: output.out, pdf: !pdf.noPdf, jobs: 1, page: output.page,
                                   templates: output.templates, today: today)
        let showProgress = Terminal.stderrIsTerminal
        let cancellation = Cancellation()
        let interrupts = InterruptHandler(cancelling: cancellation)
        defer { interrupts.cancel() }
        let result = Builder(pdfEngine: pdf.engine(cancellation: cancellation),
                             progress: { if showProgress { Terminal.writeError($0 + "\n") } }, cancellation: cancellation)
            .packet(root: path, track: track, week: week, start: start, options: options, language: language)
        let diagnostics = report.format.printer(sourceLine: Terminal.sourceLines(), color: Terminal.stdoutIsColorTerminal,
                                                currentDirectory: SARIFOutput.currentDirectory).render(result.report)
        if report.format == .text {
            if !result.report.diagnostics.isEmpty || result.refused { Terminal.write(diagnostics) }
            for file in result.written where file.hasPrefix("packets/") { Terminal.write("wrote \(PathUtil.join(output.out, file))\n") }
            if result.interrupted { Terminal.write(result.summaryLine + "\n") }
        } else {
            Terminal.write(diagnostics)
        }
        let code = result.exitCode(strict: report.strict)
        if code != 0 { throw ExitCode(code) }
    }
}

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Print the objectives x weeks matrix of every track, with rolling-admission gaps."
    )

    @Argument(help: ArgumentHelp("The curriculum folder.", valueName: "PATH"))
    var path: String = "curriculum"

    @Option(help: "text, csv or html.")
    var format: CoverageReport.Format = .text

    @Option(help: ArgumentHelp("The templates folder, for --format html.", valueName: "DIR"))
    var templates: String?

    func run() throws {
        let (curriculum, program) = try LoadCurriculum.withProgram(path, for: "to report on", fix: "add program.yaml with the program's tracks")
        let report = CoverageReport(curriculum: curriculum, program: program)
        switch format {
        case .text: Terminal.write(report.text())
        case .csv: Terminal.write(report.csv())
        case .html:
            let folder = templates ?? TemplateSet.locate(root: path, fileSystem: LocalFileSystem())
            switch TemplateSet.load(folder: folder, fileSystem: LocalFileSystem()) {
            case .success(let set):
                let documents = DocumentRenderer(curriculum: curriculum, templates: set, options: PageOptions(), programName: program.name)
                Terminal.write(documents.coveragePage(report))
            case .failure(let failure):
                Terminal.write(TextPrinter(sourceLine: Terminal.sourceLines(), color: false).render(CheckReport(diagnostics: failure.diagnostics, fileCount: 0)))
                throw ExitCode(2)
            }
        }
    }
}

extension CoverageReport.Format: ExpressibleByArgument {}
