import CurriculumBuild
import Foundation

/// What the served pages show about the latest build: its findings and whether there is a good
/// build to look at. Sent to the toolbar as JSON (`/_serve/status` and every reload event).
package struct PreviewStatus: Sendable, Equatable {
    /// Counts every rebuild, good or not.
    package var generation = 0
    /// Counts the rebuilds that wrote new files; a page built before the latest one reloads.
    package var buildGeneration = 0
    /// True once a build in this session succeeded: its files are what is served.
    package var hasGoodBuild = false
    /// The findings of the latest check (errors and warnings), in report order.
    package var findings: [Diagnostic] = []
    /// True while the latest rebuild was refused (errors): the last good build is still served.
    package var showingLastGoodBuild = false
    /// True when PDFs can be made on request (WeasyPrint is installed).
    package var canMakePDF = false

    package init() {}

    package var errorCount: Int { findings.filter { $0.severity == .error }.count }
    package var warningCount: Int { findings.filter { $0.severity == .warning }.count }

    /// The JSON the toolbar reads.
    package var json: String {
        var object: [String: Any] = [
            "generation": generation,
            "buildGeneration": buildGeneration,
            "built": hasGoodBuild,
            "stale": showingLastGoodBuild,
            "pdf": canMakePDF,
            "errors": errorCount,
            "warnings": warningCount,
        ]
        object["findings"] = findings.map { d -> [String: Any] in
            var item: [String: Any] = [
                "file": d.file, "line": d.range.start.line, "column": d.range.start.column,
                "severity": d.severity.rawValue, "rule": d.rule.rawValue, "message": d.message,
            ]
            if let fix = d.fix { item["fix"] = fix.summary }
            return item
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
