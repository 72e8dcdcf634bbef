/// `curriculum translations`: every translation of a curriculum with its source and state, as
/// text, CSV or JSON.
public struct TranslationReport: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, csv, json }

    /// One translation. `source` is the id it names; `status` is nil when no module in another
    /// language has that id (`translation.unknown-source`).
    public struct Entry: Sendable {
        public let module: Module
        public let status: TranslationStatus?
    }

    public let entries: [Entry]

    public init(curriculum: Curriculum) {
        let byID = TranslationSource.index(curriculum)
        entries = curriculum.modules.filter { $0.translates != nil }.map { module in
            Entry(module: module, status: TranslationSource.source(of: module, in: byID).map { TranslationStatus(translation: module, source: $0) })
        }
    }

    /// A stale section: the source section's title and the translation's heading line.
    struct StaleSection {
        let section: String
        let line: Int
    }

    static func stale(_ status: TranslationStatus) -> [StaleSection] {
        guard status.translation.sourceDigest != nil else { return [] }
        let changed = status.changed.map { StaleSection(section: $0.source.title, line: $0.translation.range.start.line) }
        let removed = status.removed.map { StaleSection(section: $0.translation.title, line: $0.translation.range.start.line) }
        return (changed + removed).sorted { $0.line < $1.line }
    }

    /// `unknown-source` for a translation whose source cannot be found.
    static func state(_ entry: Entry) -> String { entry.status?.state.rawValue ?? "unknown-source" }

    public func json() -> String {
        let items: [JSONValue] = entries.map { entry in
            let stale = entry.status.map(Self.stale) ?? []
            return .object([
                ("file", .string(entry.module.path)),
                ("id", entry.module.id.map { .string($0.value) } ?? .null),
                ("language", .string(entry.module.languageTag)),
                ("source", .string(entry.module.translates?.value ?? "")),
                ("state", .string(Self.state(entry))),
                ("stale", .array(stale.map { .object([("section", .string($0.section)), ("line", .int($0.line))]) })),
                ("missing", .array((entry.status?.missing ?? []).map { .string($0.title) })),
            ])
        }
        return JSONValue.object([("translations", .array(items))]).serialized(pretty: true) + "\n"
    }

    public func csv() -> String {
        var out = "file,id,language,source,state,stale,missing\n"
        for entry in entries {
            let stale = (entry.status.map(Self.stale) ?? []).map { "\($0.section) (line \($0.line))" }.joined(separator: "; ")
            let missing = (entry.status?.missing ?? []).map(\.title).joined(separator: "; ")
            let fields = [entry.module.path, entry.module.id?.value ?? "", entry.module.languageTag, entry.module.translates?.value ?? "",
                          Self.state(entry), stale, missing]
            out += fields.map(CoverageReport.csvField).joined(separator: ",") + "\n"
        }
        return out
    }

    public func text() -> String {
        guard !entries.isEmpty else { return "no translations (a translation says 'translates: SOURCE-ID' in its front matter)\n" }
        var out = ""
        for entry in entries {
            let id = entry.module.id?.value ?? "?"
            out += "\(entry.module.path): \(id) (\(entry.module.languageTag)) translates \(entry.module.translates?.value ?? "?"): \(Self.state(entry))\n"
            for section in entry.status.map(Self.stale) ?? [] {
                out += "  stale at line \(section.line): the source's '\(section.section)' changed\n"
            }
            for section in entry.status?.missing ?? [] {
                out += "  missing: '\(section.title)'\n"
            }
        }
        let counts = Dictionary(grouping: entries, by: Self.state).mapValues(\.count)
        out += "\(entries.count) translation\(entries.count == 1 ? "" : "s"): "
            + ["current", "stale", "unsynced", "unknown-source"].compactMap { state in counts[state].map { "\($0) \(state)" } }.joined(separator: ", ") + "\n"
        return out
    }
}
