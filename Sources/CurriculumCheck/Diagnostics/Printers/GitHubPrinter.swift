/// GitHub Actions workflow commands: one `::error file=...,line=...,col=...::message` line per
/// finding, which GitHub shows as annotations on the pull request.
public struct GitHubPrinter: DiagnosticPrinter {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        var out = ""
        let (shown, omitted) = report.capped(perFile: printedFindingsPerFile)
        for d in shown {
            let level = d.severity == .error ? "error" : "warning"
            var message = d.message
            if let fix = d.fix { message += "\nFix: \(fix.summary)" }
            let properties = [
                "file=\(Self.escapeProperty(d.file))",
                "line=\(d.range.start.line)",
                "col=\(d.range.start.column)",
                "endLine=\(d.range.end.line)",
                "endColumn=\(d.range.end.column)",
                "title=\(Self.escapeProperty(d.rule))",
            ]
            out += "::\(level) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
        }
        for (file, count) in omitted {
            out += "::warning file=\(Self.escapeProperty(file)),title=more findings::\(count) more finding\(count == 1 ? " was" : "s were") not annotated; run curriculum check --format json to see all\n"
        }
        return out
    }

    /// GitHub's escapes for line ends and '%', then every other control character shown as a
    /// visible escape, so nothing from a file can start a workflow command or colour the log.
    static func escapeData(_ s: String) -> String {
        PrintableText.escape(s.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A"))
    }

    static func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}
