/// `path:line:col: error: message [rule-id]`, the line with a caret under the column, the fix,
/// and a summary line; what a writer reads in a terminal or an editor's output pane.
public struct TextPrinter: DiagnosticPrinter {
    let sourceLine: (String, Int) -> String?
    let color: Bool

    public init(sourceLine: @escaping (String, Int) -> String?, color: Bool) {
        self.sourceLine = sourceLine
        self.color = color
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    public func render(_ report: CheckReport) -> String {
        var out = ""
        let (shown, omitted) = report.capped(perFile: printedFindingsPerFile)
        for d in shown {
            let severity = d.severity == .error ? paint("error", "1;31") : paint("warning", "1;33")
            let file = PrintableText.escape(d.file)
            out += "\(paint("\(file):\(d.range.start.line):\(d.range.start.column)", "1")): \(severity): \(PrintableText.escape(d.message)) [\(d.rule)]\n"
            if !Self.unreadFileRules.contains(d.rule), let line = sourceLine(d.file, d.range.start.line) {
                out += excerpt(line, d.range)
            }
            for note in d.notes { out += "  note: \(PrintableText.escape(note))\n" }
            if let fix = d.fix { out += "  \(paint("fix", "1;36")): \(PrintableText.escape(fix.summary))\n" }
        }
        for (file, count) in omitted {
            out += "\(PrintableText.escape(file)): \(count) more finding\(count == 1 ? "" : "s") not shown (\(printedFindingsPerFile) per file are printed; --format json lists all)\n"
        }
        out += summaryLine(report) + "\n"
        return out
    }

    /// Findings about a file that was not read (too large, outside the curriculum, not a
    /// regular file, not UTF-8): its content is never shown, not even one line.
    static let unreadFileRules: Set<String> = ["file.too-large", "file.outside-curriculum", "file.unreadable", "file.invalid-utf8", "setup.folder"]

    /// The most columns of a source line an excerpt shows; a longer line is cut around the
    /// finding, with "…" where it was cut.
    static let excerptColumns = 200
    /// How many columns before the finding a cut excerpt keeps.
    static let excerptLead = 60

    /// The source line (control characters escaped, tabs as spaces, at most `excerptColumns`
    /// wide) and the caret line under the finding.
    func excerpt(_ line: String, _ range: SourceRange) -> String {
        let scalars = Array(line.unicodeScalars)
        let cells = scalars.map { PrintableText.cell($0, tabs: true) }
        let widths = cells.map { $0.unicodeScalars.count }
        let start = min(max(range.start.column - 1, 0), scalars.count)
        let span = range.end.line == range.start.line
            ? max(1, min(range.end.column - range.start.column, scalars.count - range.start.column + 1))
            : max(1, scalars.count - range.start.column + 1)
        var from = 0, to = scalars.count
        if widths.reduce(0, +) > Self.excerptColumns {
            from = start
            var width = 0
            while from > 0 && width + widths[from - 1] <= Self.excerptLead { from -= 1; width += widths[from] }
            to = from
            width = 0
            while to < scalars.count && width + widths[to] <= Self.excerptColumns - 2 { width += widths[to]; to += 1 }
            if to == from && to < scalars.count { to += 1 }  // one very wide cell still shows
        }
        let lead = from > 0 ? "…" : ""
        let shown = lead + cells[from..<to].joined() + (to < scalars.count ? "…" : "")
        let indent = lead.count + widths[from..<max(from, min(start, to))].reduce(0, +)
        let caretEnd = min(start + span, to)
        let caret = max(1, start < caretEnd ? widths[start..<caretEnd].reduce(0, +) : 1)
        return "    \(shown)\n" + "    " + String(repeating: " ", count: indent) + paint("^" + String(repeating: "~", count: max(0, caret - 1)), "1;32") + "\n"
    }

    func summaryLine(_ report: CheckReport) -> String {
        func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        var line = "checked \(plural(report.fileCount, "file")): \(plural(report.errorCount, "error")), \(plural(report.warningCount, "warning"))"
        // English-only rules skipped for modules in other languages, grouped by how many.
        for count in Set(report.skipped.values).sorted() {
            let rules = report.skipped.filter { $0.value == count }.keys.sorted().joined(separator: ", ")
            line += "; skipped for \(plural(count, "module")) not in English: \(rules)"
        }
        return line
    }
}

extension String {
    /// Tabs as four spaces, so the caret lines up whatever the terminal's tab stops.
    func replacingTabs() -> String {
        var out = ""
        for scalar in unicodeScalars { if scalar == "\t" { out += "    " } else { out.unicodeScalars.append(scalar) } }
        return out
    }
}
