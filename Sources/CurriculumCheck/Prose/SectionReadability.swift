/// The readability measure of a language: Flesch-Kincaid grade for English, Szigriszt-Pazos
/// perspicuity for Spanish; other languages have none yet.
public enum ReadabilityMeasure: String, Sendable, CaseIterable {
    case fleschKincaidGrade = "flesch-kincaid-grade"
    case szigrisztPazos = "szigriszt-pazos"

    /// The measure for a module in the language `tag` (`en`, `es-US`), nil when there is none.
    public static func forLanguage(_ tag: String) -> ReadabilityMeasure? {
        switch String(tag.lowercased().split(separator: "-").first ?? "") {
        case "en": return .fleschKincaidGrade
        case "es": return .szigrisztPazos
        default: return nil
        }
    }

    /// Whose syllable rules count the words.
    public var language: Readability.Language {
        self == .szigrisztPazos ? .spanish : .english
    }

    public func value(_ score: Readability) -> Double {
        switch self {
        case .fleschKincaidGrade: return score.grade
        case .szigrisztPazos: return score.perspicuity
        }
    }
}

/// The participant text of a module scored section by section (what the reading rules and
/// `curriculum stats` count: paragraphs, list items, callouts, worksheet prompts), in the
/// syllable rules of one language.
public struct SectionReadability: Sendable {
    /// By index in `Module.sections`: only sections with participant text counted.
    public let bySection: [Int: Readability]
    /// The first counted run of each section, to point at when it has no heading.
    public let firstRun: [Int: ProseRun]
    public let whole: Readability

    public init(prose: ModuleProse, glossary: Glossary, language: Readability.Language, shouldStop: () -> Bool = { false }) {
        var bySection: [Int: Readability] = [:]
        var firstRun: [Int: ProseRun] = [:]
        var cache = Readability.SyllableCache(capacity: 1024)
        for (run, scan) in zip(prose.runs, prose.scans) where run.countsForReadingGrade {
            if shouldStop() { break }
            guard let section = run.section else { continue }
            var score = bySection[section] ?? Readability(language: language)
            score.add(run, scan: scan, glossary: glossary, cache: &cache)
            bySection[section] = score
            if firstRun[section] == nil { firstRun[section] = run }
        }
        var whole = Readability(language: language)
        for section in bySection.keys.sorted() { whole.add(bySection[section]!) }
        self.bySection = bySection
        self.firstRun = firstRun
        self.whole = whole
    }
}
