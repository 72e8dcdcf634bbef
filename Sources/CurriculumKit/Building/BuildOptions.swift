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

    public init(out: String = "build", pdf: Bool = true, jobs: Int = 2, page: PageOptions = PageOptions(),
                templates: String? = nil, today: CalendarDate) {
        self.out = out
        self.pdf = pdf
        self.jobs = jobs
        self.page = page
        self.templates = templates
        self.today = today
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

    public init(report: CheckReport) {
        self.report = report
    }

    public func exitCode(strict: Bool) -> Int32 { report.exitCode(strict: strict) }

    /// One line for the end of a build.
    public var summaryLine: String {
        if refused { return "nothing was built: fix the errors above first" }
        return "built \(handoutCount) handouts and \(guideCount) facilitator guides\(pdfCount > 0 ? " with PDFs" : ""): \(written.count) files written, \(unchanged) unchanged"
    }
}
