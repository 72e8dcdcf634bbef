/// What `curriculum build` was asked to do.
public struct BuildOptions: Sendable {
    /// The output folder (`--out`, default `build`).
    public var out: String
    /// False for `--no-pdf`: HTML only.
    public var pdf: Bool
    /// How many PDF processes run at once (`--jobs`).
    public var jobs: Int
    public var page: PageOptions
    /// The templates folder (`--templates`); nil looks beside the curriculum, then in it.
    public var templates: String?
    public var today: CalendarDate
    /// `--require-review`: build nothing unless every module is approved with a named reviewer.
    public var requireReview: Bool
    /// `--from DATE --weeks N`: also the dated packets of those weeks (needs `cycle-start`).
    public var dated: DatedWeeks?

    public init(out: String = "build", pdf: Bool = true, jobs: Int = 2, page: PageOptions = PageOptions(),
                templates: String? = nil, today: CalendarDate, requireReview: Bool = false, dated: DatedWeeks? = nil) {
        self.out = out
        self.pdf = pdf
        self.jobs = jobs
        self.page = page
        self.templates = templates
        self.today = today
        self.requireReview = requireReview
        self.dated = dated
    }
}

/// The weeks whose dated packets a build writes: `count` weeks from the one holding `from`.
public struct DatedWeeks: Sendable, Equatable {
    public var from: CalendarDate
    public var count: Int

    public init(from: CalendarDate, count: Int) {
        self.from = from
        self.count = count
    }
}

/// The outcome of a build: the check findings plus any build problems, and what was written.
public struct BuildResult: Sendable {
    public var report: CheckReport
    /// Output paths (relative to the output folder) written by this build.
    public var written: [String] = []
    /// Outputs whose inputs had not changed.
    public var unchanged: Int = 0
    /// True when the build wrote nothing because of errors.
    public var refused: Bool = false
    public var handoutCount = 0
    public var guideCount = 0
    public var pdfCount = 0
    public var packetCount = 0
    /// Dated packets of `--from`'s weeks.
    public var datedPacketCount = 0
    /// True when Ctrl-C or SIGTERM stopped the build part way.
    public var interrupted = false

    public init(report: CheckReport) {
        self.report = report
    }

    /// The report's code, or 130 (the shell's code for Ctrl-C) when the build was interrupted.
    public func exitCode(strict: Bool) -> Int32 { interrupted ? 130 : report.exitCode(strict: strict) }

    /// One line for the end of a build.
    public var summaryLine: String {
        if refused { return "nothing was built: fix the errors above first" }
        if interrupted { return "interrupted: \(written.count) files were finished and kept; the next build completes the rest" }
        var packets = packetCount > 0 ? ", \(packetCount) weekly packets and session plans" : ""
        if datedPacketCount > 0 { packets += ", \(datedPacketCount) dated packet\(datedPacketCount == 1 ? "" : "s")" }
        return "built \(handoutCount) handouts, \(guideCount) facilitator guides\(packets)\(pdfCount > 0 ? " (HTML and PDF)" : " (HTML)"): \(written.count) files written, \(unchanged) unchanged"
    }
}

/// A build that stopped before writing anything, with the result to report.
public struct BuildFailure: Error, Sendable {
    public let result: BuildResult
}
