/// The output formats of `check` and `build`.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github
}

/// Turns a report into the text of one output format. Printers never print or exit: they return
/// the text, and the command line writes it.
public protocol DiagnosticPrinter {
    func render(_ report: CheckReport) -> String
}

extension DiagnosticFormat {
    /// The printer for this format. `sourceLine` gives the text of a line of a file for the
    /// text format's excerpt; `color` adds ANSI colours (only for a terminal).
    public func printer(sourceLine: @escaping (String, Int) -> String? = { _, _ in nil }, color: Bool = false) -> any DiagnosticPrinter {
        switch self {
        case .text: return TextPrinter(sourceLine: sourceLine, color: color)
        case .json: return JSONPrinter()
        case .sarif: return SARIFPrinter()
        case .github: return GitHubPrinter()
        }
    }
}

/// How many findings per file the text and GitHub formats print; the rest are counted.
/// JSON and SARIF carry every finding.
public let printedFindingsPerFile = 50

extension CheckReport {
    /// The findings to print, at most `limit` per file, and how many were left out per file.
    func capped(perFile limit: Int) -> (shown: [Diagnostic], omitted: [(file: String, count: Int)]) {
        var counts: [String: Int] = [:]
        var shown: [Diagnostic] = []
        var omitted: [String: Int] = [:]
        var order: [String] = []
        for d in diagnostics {
            counts[d.file, default: 0] += 1
            if counts[d.file]! <= limit {
                shown.append(d)
            } else {
                if omitted[d.file] == nil { order.append(d.file) }
                omitted[d.file, default: 0] += 1
            }
        }
        return (shown, order.map { ($0, omitted[$0]!) })
    }
}
