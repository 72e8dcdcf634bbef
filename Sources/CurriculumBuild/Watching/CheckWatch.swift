/// `curriculum check --watch`: checks once and prints the whole report, then checks again
/// whenever a watched file changes and prints only what changed in the findings (new ones in
/// full, resolved ones on one line each) with a summary line. Output goes through `output`;
/// nothing here prints or exits.
public struct CheckWatch: Sendable {
    public let paths: [String]
    /// The day reviews are measured against, asked again at every check (a watch may run past midnight).
    public let today: @Sendable () -> CalendarDate
    public let fileSystem: any FileSystem
    public let watcher: Watcher

    public init(paths: [String], today: @escaping @Sendable () -> CalendarDate,
                fileSystem: any FileSystem = LocalFileSystem(), watcher: Watcher? = nil) {
        self.paths = paths
        self.today = today
        self.fileSystem = fileSystem
        self.watcher = watcher ?? Watcher(source: FolderScanner(paths: WatchTargets.forCurriculum(paths: paths, fileSystem: fileSystem)))
    }

    /// Runs until `stop` is requested. `sourceLines` makes a fresh line reader for each report
    /// (files change between checks, so excerpts must not be cached across them).
    public func run(until stop: StopSignal, color: Bool = false,
                    sourceLines: () -> (String, Int) -> String? = { { _, _ in nil } },
                    output: (String) -> Void) {
        var lastGood: CheckReport?
        watcher.run(until: stop, onStart: {
            let report = CheckRun.run(paths: paths, today: today(), fileSystem: fileSystem)
            output(TextPrinter(sourceLine: sourceLines(), color: color).render(report))
            output("watching for changes; press Ctrl-C to stop\n")
            if !report.hasSetupError { lastGood = report }
        }, onChange: { changes in
            let report = CheckRun.run(paths: paths, today: today(), fileSystem: fileSystem)
            output(Self.describe(changes: changes, previous: lastGood, report: report, printer: TextPrinter(sourceLine: sourceLines(), color: color)))
            if !report.hasSetupError { lastGood = report }
        })
    }

    /// The text printed after a re-check: what changed on disk, new findings in full, resolved
    /// ones in one line each, and a summary. When the setup broke (a schema that no longer
    /// parses), only its findings are shown, and the next good check is compared with the last
    /// good one.
    public static func describe(changes: [FileChange], previous: CheckReport?, report: CheckReport, printer: TextPrinter) -> String {
        var out = "\n" + changedLine(changes) + "\n"
        if report.hasSetupError {
            let setup = report.diagnostics.filter(DiagnosticEngine.isSetup)
            out += findingsText(setup, printer: printer)
            out += "the setup cannot be used, so nothing else was checked; fix it and the check runs again\n"
            return out
        }
        let diff = FindingsDiff(from: previous?.diagnostics ?? [], to: report.diagnostics)
        out += findingsText(diff.added, printer: printer)
        for d in diff.resolved {
            out += "resolved: \(d.file):\(d.range.start.line):\(d.range.start.column): \(d.severity.rawValue): \(d.message) [\(d.rule)]\n"
        }
        let counts = "now \(plural(report.errorCount, "error")), \(plural(report.warningCount, "warning")) in \(plural(report.fileCount, "file"))"
        out += diff.isEmpty ? "no new or resolved findings; \(counts)\n" : "\(diff.added.count) new, \(diff.resolved.count) resolved; \(counts)\n"
        return out
    }

    static func changedLine(_ changes: [FileChange]) -> String {
        let shown = changes.prefix(5).map { change -> String in
            let path = PathUtil.display(change.path)
            return change.kind == .modified ? path : "\(path) (\(change.kind.rawValue))"
        }
        let more = changes.count > 5 ? " and \(changes.count - 5) more" : ""
        return "changed: " + shown.joined(separator: ", ") + more
    }

    /// The findings as the text format prints them, without its summary line.
    static func findingsText(_ diagnostics: [Diagnostic], printer: TextPrinter) -> String {
        guard !diagnostics.isEmpty else { return "" }
        let text = printer.render(CheckReport(diagnostics: diagnostics, fileCount: 0))
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        if !lines.isEmpty { lines.removeLast() }  // "checked N files: ..."
        return lines.joined(separator: "\n") + "\n"
    }

    static func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
}
