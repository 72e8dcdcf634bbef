import Foundation

/// What a build produced: each output path (relative to the output folder) and a digest of
/// the inputs it was made from and of its bytes (`OutputFolder.entry`). Written last, so it
/// never claims an output that is not there; an output whose entry still matches the file on
/// disk is not rendered again.
public struct BuildManifest: Sendable, Equatable {
    public static let fileName = ".curriculum-manifest.json"
    public static let formatVersion = 1

    public var outputs: [String: String]
    /// The findings of an output (a PDF's WeasyPrint warnings and layout findings), kept so a
    /// build that skips the output as unchanged reports them again.
    public var findings: [String: [Finding]]

    /// One finding kept with an output: its rule and message, and where it points (`source`:
    /// "" for the output itself, "module:ID" or "template:NAME", with a line).
    public struct Finding: Sendable, Equatable {
        public var rule: String
        public var message: String
        public var source: String
        public var line: Int

        public init(rule: String, message: String, source: String = "", line: Int = 1) {
            self.rule = rule
            self.message = message
            self.source = source
            self.line = line
        }
    }

    public init(outputs: [String: String] = [:], findings: [String: [Finding]] = [:]) {
        self.outputs = outputs
        self.findings = findings
    }

    /// Reads the manifest in `folder`; an unreadable or foreign one is treated as empty. It is
    /// untrusted input: entries that are not plain paths of the build's own outputs are dropped.
    public static func read(folder: String) -> BuildManifest {
        let path = PathUtil.join(folder, fileName)
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["version"] as? Int == formatVersion,
              let outputs = object["outputs"] as? [String: String] else { return BuildManifest() }
        let safeOutputs = outputs.filter { OutputFolder.isOutputPath($0.key) }
        var findings: [String: [Finding]] = [:]
        for (path, list) in object["findings"] as? [String: [[String: Any]]] ?? [:] where safeOutputs[path] != nil {
            findings[path] = list.compactMap { item in
                guard let rule = item["rule"] as? String, let message = item["message"] as? String else { return nil }
                return Finding(rule: rule, message: message, source: item["source"] as? String ?? "", line: item["line"] as? Int ?? 1)
            }
        }
        return BuildManifest(outputs: safeOutputs, findings: findings)
    }

    public func write(folder: String) throws {
        let sorted = outputs.keys.sorted().map { ($0, JSONValue.string(outputs[$0]!)) }
        var fields: [(String, JSONValue)] = [("version", .int(Self.formatVersion)), ("outputs", .object(sorted))]
        let kept = findings.keys.filter { outputs[$0] != nil && !(findings[$0]?.isEmpty ?? true) }.sorted()
        if !kept.isEmpty {
            fields.append(("findings", .object(kept.map { path in
                (path, .array(findings[path]!.map { finding in
                    .object([("rule", .string(finding.rule)), ("message", .string(finding.message)),
                             ("source", .string(finding.source)), ("line", .int(finding.line))])
                }))
            })))
        }
        let json = JSONValue.object(fields)
        try AtomicWriter.write(json.serialized(pretty: true) + "\n", to: PathUtil.join(folder, Self.fileName))
    }
}
