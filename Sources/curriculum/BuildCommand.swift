import ArgumentParser
import CurriculumKit
import Foundation

extension Paper: ExpressibleByArgument {}

/// Options shared by every command that writes printable output.
struct OutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The output folder: a folder of its own (not /, your home folder, or in the curriculum or templates folder).", valueName: "DIR"))
    var out: String = "build"

    @Option(help: "Paper size: letter or a4.")
    var paper: Paper = .letter

    @Flag(help: "Larger type and writing space, for people who need it.")
    var largePrint = false

    @Option(help: ArgumentHelp("The templates folder (default: templates/ beside the curriculum folder).", valueName: "DIR"))
    var templates: String?

    var page: PageOptions { PageOptions(paper: paper, largePrint: largePrint) }
}

/// Options of the PDF stage, shared by `build` and `packet`.
struct PDFOptions: ParsableArguments {
    @Flag(help: "Write HTML only (no WeasyPrint needed).")
    var noPdf = false

    @Option(help: ArgumentHelp("Seconds WeasyPrint may spend on one document before it is stopped and that PDF fails.", valueName: "SECONDS"))
    var pdfTimeout: Double = 120

    func validate() throws {
        guard pdfTimeout > 0, pdfTimeout.isFinite else { throw ValidationError("--pdf-timeout must be a number of seconds above 0") }
    }

    /// WeasyPrint when PDFs are wanted and it is installed; nil otherwise.
    func engine(cancellation: Cancellation? = nil) -> WeasyPrintEngine? {
        guard !noPdf, var engine = WeasyPrintEngine.locate(timeoutPerDocument: pdfTimeout) else { return nil }
        engine.cancellation = cancellation
        return engine
    }
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Check, then write every handout, facilitator guide and the index (HTML and PDF).",
        discussion: """
        Writes handouts/ID.html|pdf, guides/ID.html|pdf and index.html under --out, and with \
        program.yaml every track's packets/TRACK/week-NN and plans/TRACK/week-NN and the coverage \
        report. With --from, also the dated packets packets/TRACK/YYYY-MM-DD of --weeks weeks \
        (needs cycle-start). Nothing is written when the checks find errors. Unchanged outputs \
        are not rendered again; dated packets, from build or packet, are never removed.
        """
    )

    @Argument(help: ArgumentHelp("The curriculum folder.", valueName: "PATH"))
    var path: String = "curriculum"

    @OptionGroup var output: OutputOptions

    @OptionGroup var pdf: PDFOptions

    @Option(help: "How many PDF processes run at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var report: ReportOptions

    @Flag(help: "Build nothing (exit 1) unless every module says 'status: approved' and names its reviewer in 'reviewed-by': for a clinic's CI.")
    var requireReview = false

    @Option(help: ArgumentHelp("Also write the dated packets of the weeks from the one that holds this day (YYYY-MM-DD; needs cycle-start in program.yaml).", valueName: "YYYY-MM-DD"),
            transform: DateArguments.parse)
    var from: CalendarDate?

    @Option(help: ArgumentHelp("With --from: how many weeks of dated packets, 1 to \(DateArguments.maxWeeks) (default 4).", valueName: "N"))
    var weeks: Int?

    @Flag(help: "Build again whenever a module, the schema, the program or a template changes (Ctrl-C stops).")
    var watch = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if watch && report.format != .text { throw ValidationError("--watch prints text for a person at a terminal; leave out --format") }
        if let weeks {
            guard from != nil else { throw ValidationError("--weeks goes with --from DATE, the first week of dated packets") }
            try DateArguments.checkWeeks(weeks)
        }
    }

    func run() throws {
        if watch {
            let stop = StopSignal()
            let interrupts = InterruptHandler(stop: stop)
            defer { interrupts.cancel() }
            let targets = WatchTargets.forCurriculum(paths: [path], templates: output.templates)
            Watcher(source: FolderScanner(paths: targets, excluding: [output.out]))
                .run(until: stop, onStart: { buildOnce(watching: true) }, onChange: { changes in
                    Terminal.write("\n\(changes.count) file\(changes.count == 1 ? "" : "s") changed: building again\n")
                    buildOnce(watching: true)
                })
            Terminal.write("stopped watching\n")
            return
        }
        let code = buildOnce(watching: false)
        if code != 0 { throw ExitCode(code) }
    }

    /// One build; returns its exit code.
    @discardableResult
    func buildOnce(watching: Bool) -> Int32 {
        let options = BuildOptions(out: output.out, pdf: !pdf.noPdf, jobs: jobs, page: output.page,
                                   templates: output.templates, today: report.today ?? Clock.today(), requireReview: requireReview,
                                   dated: from.map { DatedWeeks(from: $0, count: weeks ?? 4) })
        let showProgress = Terminal.stderrIsTerminal
        let progress: @Sendable (String) -> Void = { message in
            if showProgress { Terminal.writeError(message + "\n") }
        }
        let cancellation = Cancellation()
        let interrupts = watching ? nil : InterruptHandler(cancelling: cancellation)
        defer { interrupts?.cancel() }
        let result = Builder(pdfEngine: pdf.engine(cancellation: cancellation), progress: progress, cancellation: cancellation).build(root: path, options: options)
        Terminal.write(report.format.printer(sourceLine: Terminal.sourceLines(), color: Terminal.stdoutIsColorTerminal).render(result.report))
        if report.format == .text { Terminal.write(result.summaryLine + "\n") }
        return result.exitCode(strict: report.strict)
    }
}
