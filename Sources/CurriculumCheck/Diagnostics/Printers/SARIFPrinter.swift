/// SARIF 2.1.0, the format code-scanning services read. Columns are code points
/// (`columnKind: unicodeCodePoints`); fixes with replacements become SARIF `fixes`.
public struct SARIFPrinter: DiagnosticPrinter {
    public static let toolVersion = ToolVersion.current

    public init() {}

    public func render(_ report: CheckReport) -> String {
        let rules = RuleCatalog.all
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($1.id, $0) })
        let driverRules: [JSONValue] = rules.map { rule in
            .object([
                ("id", .string(rule.id)),
                ("shortDescription", .object([("text", .string(rule.summary))])),
                ("defaultConfiguration", .object([("level", .string(rule.defaultSeverity == .error ? "error" : "warning"))])),
            ])
        }
        let results: [JSONValue] = report.diagnostics.map { d in
            var fields: [(String, JSONValue)] = [
                ("ruleId", .string(d.rule)),
            ]
            if let index = ruleIndex[d.rule] { fields.append(("ruleIndex", .int(index))) }
            var text = d.message
            if !d.message.hasSuffix(".") { text += "." }
            fields.append(("level", .string(d.severity == .error ? "error" : "warning")))
            fields.append(("message", .object([("text", .string(text))])))
            fields.append(("locations", .array([.object([
                ("physicalLocation", .object([
                    ("artifactLocation", .object([("uri", .string(Self.uri(d.file)))])),
                    ("region", Self.region(d.range)),
                ])),
            ])])))
            if let fix = d.fix {
                if !fix.replacements.isEmpty {
                    fields.append(("fixes", .array([.object([
                        ("description", .object([("text", .string(fix.summary))])),
                        ("artifactChanges", .array([.object([
                            ("artifactLocation", .object([("uri", .string(Self.uri(d.file)))])),
                            ("replacements", .array(fix.replacements.map { r in
                                .object([
                                    ("deletedRegion", Self.region(r.range)),
                                    ("insertedContent", .object([("text", .string(r.text))])),
                                ])
                            })),
                        ])])),
                    ])])))
                }
                fields.append(("properties", .object([("fix", .string(fix.summary))])))
            }
            return .object(fields)
        }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("curriculum")),
                ("version", .string(Self.toolVersion)),
                ("rules", .array(driverRules)),
            ]))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        let log: JSONValue = .object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return log.serialized(pretty: true) + "\n"
    }

    static func region(_ range: SourceRange) -> JSONValue {
        .object([
            ("startLine", .int(range.start.line)),
            ("startColumn", .int(range.start.column)),
            ("endLine", .int(range.end.line)),
            ("endColumn", .int(range.end.column)),
        ])
    }

    /// A relative URI reference: path characters kept, everything else percent-encoded.
    static func uri(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/!$&'()*+,;=:@".contains(c) {
                out.append(c)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
