import CurriculumBuild
import Foundation

/// One `curriculum serve`: builds the curriculum's HTML into its folder (as `build --no-pdf`
/// does, byte for byte), remembers what the latest build found, and tells the open pages.
/// A refused build (errors) writes nothing, so the last good build stays served under the
/// findings panel. Builds run one at a time, from the watch loop.
package final class PreviewSession: Sendable {
    package let root: String
    /// The build's options: `pdf` is always false here (PDFs are made on request).
    package let options: BuildOptions
    package let hub = ReloadHub()
    private let today: @Sendable () -> CalendarDate
    private let state = Locked(PreviewStatus())
    private let listed = Locked(Set<String>())

    package init(root: String, options: BuildOptions, canMakePDF: Bool, today: @escaping @Sendable () -> CalendarDate) {
        var htmlOnly = options
        htmlOnly.pdf = false
        self.root = root
        self.options = htmlOnly
        self.today = today
        state.withValue { $0.canMakePDF = canMakePDF }
    }

    package var status: PreviewStatus { state.current }

    /// The output paths the latest good build's manifest lists: the only files served.
    package var servedFiles: Set<String> { listed.current }

    /// Builds what changed, then sends `reload` (new files are complete and the manifest names
    /// them) or `status` (the findings changed, nothing new to show) to every open page.
    @discardableResult
    package func rebuild() -> BuildResult {
        var options = self.options
        options.today = today()
        let result = Builder(pdfEngine: nil).build(root: root, options: options)
        let good = !result.refused && !result.interrupted
        let files = good ? Set(BuildManifest.read(folder: options.out).outputs.keys) : nil
        let (event, json) = state.withValue { status -> (String, String) in
            status.generation += 1
            status.findings = result.report.diagnostics.filter { $0.severity != .off }
            let firstGood = good && !status.hasGoodBuild
            if good { status.hasGoodBuild = true }
            status.showingLastGoodBuild = !good && status.hasGoodBuild
            let reload = firstGood || (good && !result.written.isEmpty)
            if reload { status.buildGeneration += 1 }
            return (reload ? "reload" : "status", status.json)
        }
        if let files { listed.withValue { $0 = files } }
        hub.send(event, json)
        return result
    }
}
