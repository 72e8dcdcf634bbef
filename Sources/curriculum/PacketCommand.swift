import ArgumentParser
import CurriculumKit
import Foundation

struct PacketCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "packet",
        abstract: "Write one weekly packet for a track and week (HTML and PDF).",
        discussion: """
        The packet has a cover with the week's sessions, the week's handouts in session order, \
        the week's homework, between-session pages and the help lines. With --start (any day) it \
        covers the seven days from it, in date order with the year; a session on one of the \
        program's holidays is shown as cancelled, and its handouts and homework are left out. \
        Without --start the cover has "Week of ________" to fill in. It is written to \
        packets/TRACK/week-NN.html and .pdf under --out.
        """
    )

    @Option(help: "The track, as named in program.yaml (for example evening).")
    var track: String

    @Option(help: "The week of the program, from 1.")
    var week: Int

    @Option(help: ArgumentHelp("The first day of that week, any day (YYYY-MM-DD); the cover lists the meetings in the seven days from it, in date order.", valueName: "YYYY-MM-DD"))
    var start: CalendarDate?

    @Argument(help: ArgumentHelp("The curriculum folder.", valueName: "PATH"))
    var path: String = "curriculum"

    @OptionGroup var output: OutputOptions

    @OptionGroup var pdf: PDFOptions

    @OptionGroup var report: ReportOptions

    func run() throws {
        // Usage errors name the valid choices, which only the program file knows.
        if let program = CurriculumLoader().load(root: path).curriculum?.program {
            guard program.track(track) != nil else {
                throw ValidationError("there is no track '\(track)'; the tracks are: \(program.tracks.map(\.id).joined(separator: ", "))")
            }
            guard (1...max(program.weekCount, 1)).contains(week) else {
                throw ValidationError("week \(week) is outside the program; give a week from 1 to \(program.weekCount)")
            }
        }
        let options = BuildOptions(out: output.out, pdf: !pdf.noPdf, jobs: 1, page: output.page,
                                   templates: output.templates, today: report.today ?? Clock.today())
        let showProgress = Terminal.stderrIsTerminal
        let cancellation = Cancellation()
        let interrupts = InterruptHandler(cancelling: cancellation)
        defer { interrupts.cancel() }
        let result = Builder(pdfEngine: pdf.engine(cancellation: cancellation),
                             progress: { if showProgress { Terminal.writeError($0 + "\n") } }, cancellation: cancellation)
            .packet(root: path, track: track, week: week, start: start, options: options)
        let diagnostics = report.format.printer(sourceLine: Terminal.sourceLines(), color: Terminal.stdoutIsColorTerminal).render(result.report)
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
        let loaded = CurriculumLoader().load(root: path)
        guard let curriculum = loaded.curriculum, let program = curriculum.program else {
            let problems = loaded.diagnostics.isEmpty
                ? [Builder.noProgram.diagnostic(PathUtil.display(PathUtil.join(path, "program.yaml")), .at(line: 1), "there is no program.yaml to report on",
                                                fix: Fix(summary: "add program.yaml with the program's tracks"))]
                : loaded.diagnostics
            Terminal.write(TextPrinter(sourceLine: Terminal.sourceLines(), color: false).render(CheckReport(diagnostics: problems, fileCount: loaded.fileCount)))
            throw ExitCode(2)
        }
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
