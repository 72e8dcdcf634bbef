/// `{"diagnostics":[...],"summary":{...}}` in the shape the product brief documents.
public struct JSONPrinter: DiagnosticPrinter {
    public init() {}

    public func render(_ report: CheckReport) -> String {
        let diagnostics = report.diagnostics.map { d -> JSONValue in
            var fields: [(String, JSONValue)] = [
                ("file", .string(d.file)),
                ("line", .int(d.range.start.line)),
                ("column", .int(d.range.start.column)),
                ("endLine", .int(d.range.end.line)),
                ("endColumn", .int(d.range.end.column)),
                ("severity", .string(d.severity.rawValue)),
                ("rule", .string(d.rule)),
                ("message", .string(d.message)),
            ]
            if let fix = d.fix {
                fields.append(("fix", .object([
                    ("summary", .string(fix.summary)),
                    ("replacements", .array(fix.replacements.map { r in
                        .object([
                            ("line", .int(r.range.start.line)),
                            ("column", .int(r.range.start.column)),
                            ("endLine", .int(r.range.end.line)),
                            ("endColumn", .int(r.range.end.column)),
                            ("text", .string(r.text)),
                        ])
                    })),
                ])))
            }
            return .object(fields)
        }
        var summaryFields: [(String, JSONValue)] = [
            ("files", .int(report.fileCount)),
            ("errors", .int(report.errorCount)),
            ("warnings", .int(report.warningCount)),
        ]
        if !report.skipped.isEmpty {
            // English-only rules skipped for modules in other languages: rule id -> modules.
            summaryFields.append(("skipped", .object(report.skipped.sorted { $0.key < $1.key }.map { ($0.key, .int($0.value)) })))
        }
        let summary: JSONValue = .object(summaryFields)
        return JSONValue.object([("diagnostics", .array(diagnostics)), ("summary", summary)]).serialized() + "\n"
    }
}
