import CurriculumBuild
import Foundation

/// The writing loop of `curriculum serve`: the first build, then a rebuild after every saved
/// change to the curriculum or its templates, until stopped. On Linux the changes come from
/// inotify as soon as a file is closed; elsewhere (or when inotify has no watches left) from
/// `Watcher`'s polling. Prints one line per rebuild through `output`.
package struct PreviewWatch: Sendable {
    package let session: PreviewSession
    /// The folders watched: the curriculum and its templates.
    package let targets: [String]

    package init(session: PreviewSession) {
        self.session = session
        targets = WatchTargets.forCurriculum(paths: [session.root], templates: session.options.templates)
    }

    package func run(until stop: StopSignal, output: @escaping (String) -> Void) {
        #if canImport(Glibc)
        if let watcher = InotifyWatcher(paths: targets, excluding: [session.options.out]) {
            build(output: output, changes: nil)
            while let changed = watcher.next(until: stop) {
                build(output: output, changes: changed)
            }
            return
        }
        output("inotify cannot watch the folders; looking for changes every 250 ms instead\n")
        #endif
        Watcher(source: FolderScanner(paths: targets, excluding: [session.options.out]))
            .run(until: stop, onStart: { build(output: output, changes: nil) },
                 onChange: { changes in build(output: output, changes: changes.map(\.path)) })
    }

    func build(output: (String) -> Void, changes: [String]?) {
        let result = session.rebuild()
        var line = ""
        if let changes {
            let shown = changes.prefix(3).map(PathUtil.display).joined(separator: ", ")
            line += "changed: \(shown)\(changes.count > 3 ? " and \(changes.count - 3) more" : ""): "
        }
        let report = result.report
        if result.refused {
            let errors = report.diagnostics.filter { $0.severity == .error }
            let count = "\(errors.count) error\(errors.count == 1 ? "" : "s")"
            line += session.status.hasGoodBuild
                ? "not rebuilt: \(count) (also shown in the page); the last good build stays served\n"
                : "nothing built yet: \(count) (also listed on every page)\n"
            for d in errors.prefix(10) {
                line += "  \(d.file):\(d.range.start.line):\(d.range.start.column): \(d.message) [\(d.rule)]\n"
            }
            if errors.count > 10 { line += "  and \(errors.count - 10) more\n" }
        } else {
            line += "rebuilt: \(result.written.count) file\(result.written.count == 1 ? "" : "s") written, \(result.unchanged) unchanged"
            line += report.warningCount > 0 ? ", \(report.warningCount) warning\(report.warningCount == 1 ? "" : "s") (shown in the page)\n" : "\n"
        }
        output(line)
    }
}
