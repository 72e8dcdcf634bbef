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
