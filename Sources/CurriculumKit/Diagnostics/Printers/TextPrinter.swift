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
            out += "\(paint("\(d.file):\(d.range.start.line):\(d.range.start.column)", "1")): \(severity): \(d.message) [\(d.rule)]\n"
            if let line = sourceLine(d.file, d.range.start.line) {
                let shown = line.replacingTabs()
                let prefix = String(line.unicodeScalars.prefix(d.range.start.column - 1))
                let indent = prefix.replacingTabs().unicodeScalars.count
                let width = d.range.end.line == d.range.start.line
                    ? max(1, min(d.range.end.column - d.range.start.column, line.unicodeScalars.count - d.range.start.column + 1))
                    : max(1, line.unicodeScalars.count - d.range.start.column + 1)
                out += "    \(shown)\n"
                out += "    " + String(repeating: " ", count: indent) + paint("^" + String(repeating: "~", count: max(0, width - 1)), "1;32") + "\n"
            }
            for note in d.notes { out += "  note: \(note)\n" }
            if let fix = d.fix { out += "  \(paint("fix", "1;36")): \(fix.summary)\n" }
        }
        for (file, count) in omitted {
            out += "\(file): \(count) more finding\(count == 1 ? "" : "s") not shown (\(printedFindingsPerFile) per file are printed; --format json lists all)\n"
        }
        out += summaryLine(report) + "\n"
        return out
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
