/// `curriculum stats`: words, sentences and readability of each module and of each of its
/// participant-facing level-2 sections (facilitator notes and sources aside), in the module's
/// own language's measure. Counts what the reading rules count.
public struct StatsReport: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, csv, json }

    /// A readability value; nil in `Counts` for text under 40 words or a language without a measure.
    public struct Score: Sendable, Hashable {
        public let measure: ReadabilityMeasure
        /// Rounded to one decimal.
        public let value: Double
    }

    public struct Counts: Sendable, Hashable {
        public let words: Int
        public let sentences: Int
        public let readability: Score?
    }

    public struct SectionStats: Sendable, Hashable {
        public let title: String
        public let line: Int
        public let counts: Counts
    }

    public struct ModuleStats: Sendable {
        public let file: String
        public let id: String?
        public let language: String
        public let counts: Counts
        public let sections: [SectionStats]
    }

    public let modules: [ModuleStats]

    public init(curriculum: Curriculum) {
        modules = Parallel.map(curriculum.modules) { Self.stats(of: $0, glossary: curriculum.glossary) }
    }

    static func stats(of module: Module, glossary: Glossary) -> ModuleStats {
        let measure = ReadabilityMeasure.forLanguage(module.languageTag)
        let scores = SectionReadability(prose: ModuleProse(module), glossary: glossary, language: measure?.language ?? .english)
        func counts(_ score: Readability?) -> Counts {
            let words = score?.words ?? 0
            let readability = measure.flatMap { measure -> Score? in
                guard let score, words >= ReadingGradeRule.minimumWords else { return nil }
                return Score(measure: measure, value: (measure.value(score) * 10).rounded() / 10)
            }
            return Counts(words: words, sentences: score?.sentences ?? 0, readability: readability)
        }
        var sections: [SectionStats] = []
        for (index, section) in module.sections.enumerated() {
            guard let heading = section.heading, !section.isForFacilitators, section.role != .sources,
                  !ModuleProse.sourcesSections.contains(section.name) else { continue }
            sections.append(SectionStats(title: section.title, line: heading.range.start.line, counts: counts(scores.bySection[index])))
        }
        return ModuleStats(file: module.path, id: module.id?.value, language: module.languageTag, counts: counts(scores.whole), sections: sections)
    }

    // MARK: Printing

    static func json(_ counts: Counts) -> [(String, JSONValue)] {
        [("words", .int(counts.words)), ("sentences", .int(counts.sentences)),
         ("readability", counts.readability.map { .object([("measure", .string($0.measure.rawValue)), ("value", .double($0.value))]) } ?? .null)]
    }

    public func json() -> String {
        let items: [JSONValue] = modules.map { module in
            .object([("file", .string(module.file)), ("id", module.id.map { .string($0) } ?? .null), ("language", .string(module.language))]
                + Self.json(module.counts)
                + [("sections", .array(module.sections.map { .object([("title", .string($0.title)), ("line", .int($0.line))] + Self.json($0.counts)) }))])
        }
        return JSONValue.object([("modules", .array(items))]).serialized(pretty: true) + "\n"
    }

    public func csv() -> String {
        var out = "file,id,language,section,line,words,sentences,measure,value\n"
        func row(_ module: ModuleStats, _ section: String, _ line: String, _ counts: Counts) {
            let fields = [module.file, module.id ?? "", module.language, section, line, String(counts.words), String(counts.sentences),
                          counts.readability?.measure.rawValue ?? "", counts.readability.map { ReadingGradeRule.format($0.value) } ?? ""]
            out += fields.map(CoverageReport.csvField).joined(separator: ",") + "\n"
        }
        for module in modules {
            row(module, "", "", module.counts)
            for section in module.sections { row(module, section.title, String(section.line), section.counts) }
        }
        return out
    }

    static func describe(_ counts: Counts) -> String {
        let readability = counts.readability.map { "\($0.measure == .fleschKincaidGrade ? "grade" : "IPSZ") \(ReadingGradeRule.format($0.value))" } ?? "-"
        return "\(counts.words) words, \(counts.sentences) sentence\(counts.sentences == 1 ? "" : "s"), \(readability)"
    }

    public func text() -> String {
        var out = ""
        for module in modules {
            out += "\(module.file) (\(module.id ?? "?"), \(module.language)): \(Self.describe(module.counts))\n"
            for section in module.sections {
                out += "  \(String(section.line).leftPadded(4))  \(section.title): \(Self.describe(section.counts))\n"
            }
        }
        let words = modules.reduce(0) { $0 + $1.counts.words }
        out += "\(modules.count) module\(modules.count == 1 ? "" : "s"), \(words) words of participant text "
            + "(grade: Flesch-Kincaid grade level, lower is easier; IPSZ: Szigriszt-Pazos for Spanish, higher is easier; - under 40 words)\n"
        return out
    }
}
