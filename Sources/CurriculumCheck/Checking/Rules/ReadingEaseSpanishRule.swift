/// Spanish participant text below the schema's reading-ease floor on the Szigriszt-Pazos
/// (INFLESZ) scale, for each section of 40 words or more and for the whole handout.
public struct ReadingEaseSpanishRule: ModuleRule {
    public static let easeES = RuleDescriptor("reading.ease-es", .warning,
        "Spanish participant text reads below the schema's floor on the Szigriszt-Pazos (INFLESZ) scale, in a section of 40 words or more or in the whole handout.",
        explanation: """
        Flesch-Kincaid grades English; Spanish words are longer, so it would call every Spanish handout hard. For \
        modules with 'language: es' (or es-US, es-MX ...) this rule uses the Szigriszt-Pazos perspicuity index, the \
        Flesch reading ease adapted to Spanish and read on the INFLESZ scale used for Spanish patient materials:

            IPSZ = 206.835 - 62.3 x (syllables / words) - (words / sentences)

        55 and above is "normal" (a plain leaflet), 40 to 55 "somewhat hard", below 40 "hard". Syllables are counted \
        by the Spanish spelling rules (diphthongs, hiatus with í and ú, triphthongs, the silent u of qu and gu). What \
        counts is what reading.grade counts: participant paragraphs, list items, callouts and worksheet prompts of \
        each level-2 section of 40 words or more, and the handout as a whole; not headings, facilitator notes \
        (Notas para el facilitador), answer: lines or Fuentes. The floor is per language in schema.yaml:

            content:
              reading-ease-by-language: {es: 55}

        Wrong:
            La administración concomitante de medicamentos depresores del sistema nervioso central
            incrementa considerablemente la probabilidad de complicaciones respiratorias potencialmente
            mortales. (IPSZ below 0)
        Fixed:
            Tomar dos medicinas que dan sueño a la vez es peligroso. Puede hacer que deje de respirar. (IPSZ about 88)

        To fix it, split long sentences and prefer short, everyday words.
        """)
    public static let descriptors = [easeES]
    public static let readsProse = true

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        guard ReadabilityMeasure.forLanguage(module.languageTag) == .szigrisztPazos,
              let floor = context.schema.content.readingEaseFloor(forLanguage: module.languageTag) else { return [] }
        let scores = SectionReadability(prose: context.prose(of: module), glossary: context.curriculum.glossary, language: .spanish,
                                        shouldStop: { context.isCancelled })
        var out: [Diagnostic] = []
        for section in scores.bySection.keys.sorted() {
            let score = scores.bySection[section]!
            guard score.words >= ReadingGradeRule.minimumWords, score.perspicuity < floor else { continue }
            let info = module.sections[section]
            let range = info.heading?.range ?? scores.firstRun[section].map { $0.sourceRange(0..<1) } ?? .at(line: 1)
            let name = info.heading == nil ? "the opening text" : "the '\(info.title)' section"
            out.append(diagnostic(module, range, "\(name) reads at \(ReadingGradeRule.format(score.perspicuity))", score, floor))
        }
        let whole = scores.whole
        if scores.bySection.values.filter({ $0.words > 0 }).count > 1, whole.words >= ReadingGradeRule.minimumWords, whole.perspicuity < floor {
            let title = module.body.children.first { if case .heading(1) = $0.kind { return true } else { return false } }?.range
            let range = title ?? scores.firstRun.keys.min().flatMap { scores.firstRun[$0] }.map { $0.sourceRange(0..<1) } ?? .at(line: 1)
            out.append(diagnostic(module, range, "the handout as a whole reads at \(ReadingGradeRule.format(whole.perspicuity))", whole, floor))
        }
        return out
    }

    func diagnostic(_ module: Module, _ range: SourceRange, _ what: String, _ score: Readability, _ floor: Double) -> Diagnostic {
        let notes = ReadingGradeRule.notes(score, wordsLabel: "longest words")
        let message = "\(what) on the Szigriszt-Pazos (INFLESZ) scale, below the floor of \(ReadingGradeRule.format(floor)) for Spanish handouts "
            + "(\(score.words) words in \(score.sentences) sentence\(score.sentences == 1 ? "" : "s"), "
            + "\(ReadingGradeRule.format(Double(score.syllables) / Double(max(score.words, 1)))) syllables a word)"
        return Self.easeES.diagnostic(module.path, range, message,
            fix: Fix(summary: "split long sentences and use shorter, everyday words; words a handout must use (medicines, clinical terms) can go in glossary.yaml, where they count as ordinary words"),
            notes: notes)
    }
}
