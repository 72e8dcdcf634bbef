/// Participant text above the schema's reading-grade ceiling (Flesch-Kincaid), for each
/// section of 40 words or more and for the whole handout.
public struct ReadingGradeRule: ModuleRule {
    public static let grade = RuleDescriptor("reading.grade", .warning,
        "Participant text reads above the schema's reading-grade ceiling (Flesch-Kincaid), in a section of 40 words or more or in the whole handout.",
        englishOnly: true,
        explanation: """
        Many people in treatment read best at a 6th to 8th grade level, and stress makes reading harder for everyone. \
        The Flesch-Kincaid grade level of the participant text is computed for each level-2 section of 40 words or \
        more, and for the whole handout:

            grade = 0.39 x (words / sentences) + 11.8 x (syllables / words) - 15.59

        The Flesch reading ease is shown beside it (higher is easier; 60 to 70 is plain English). Counted: paragraphs, \
        list items, quotes, callouts, worksheet prompts and checklist items. Not counted: headings, facilitator notes, \
        {facilitator} blocks, worksheet answer: lines, code, web addresses, front matter and the Sources section. A \
        list item or worksheet prompt is a sentence even without a full stop.

        Words in the curriculum's glossary (glossary.yaml) count as ordinary words: a glossary word of three or more \
        syllables counts as two, so "buprenorphine" weighs like "doctor". Put medication names and clinical words a \
        handout must use there, with a plain definition; the handout then prints them in a "Words to know" box. \
        Numbers count as one syllable.

        The ceiling is 'content: reading-grade' in schema.yaml (8 by default); 'reading-grade-by-audience' sets \
        another for an audience:

            content:
              reading-grade: 8
              reading-grade-by-audience:
                adolescent: 7
                family: 9

        The finding names the longest sentences and the hardest words. Split long sentences; prefer short, everyday \
        words ("use" for "utilize", "help" for "facilitate"). English modules only.

        Example: "Pharmacological interventions, combined with evidence-based psychosocial therapies, substantially \
        improve treatment retention." reads above grade 20; "Medicine and counseling work well together. They help \
        people stay in treatment." reads at grade 6.4.
        """)
    public static let descriptors = [grade]
    public static let readsProse = true

    /// Sections (and handouts) shorter than this are too short to grade.
    public static let minimumWords = 40

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        guard module.isEnglish else { return [] }
        let ceiling = context.schema.content.readingGrade(for: module.audience?.value)
        let glossary = context.curriculum.glossary
        let prose = context.prose(of: module)
        var bySection: [Int: Readability] = [:]
        var firstRun: [Int: ProseRun] = [:]
        var whole = Readability()
        var cache = Readability.SyllableCache(capacity: 1024)
        for (run, scan) in zip(prose.runs, prose.scans) where run.countsForReadingGrade {
            if context.isCancelled { break }
            guard let section = run.section else { continue }
            var score = bySection[section] ?? Readability()
            score.add(run, scan: scan, glossary: glossary, cache: &cache)
            bySection[section] = score
            if firstRun[section] == nil { firstRun[section] = run }
        }
        var out: [Diagnostic] = []
        let audience = module.audience?.value ?? "adult"
        for section in bySection.keys.sorted() {
            let score = bySection[section]!
            whole.add(score)
            guard score.words >= Self.minimumWords, score.grade > ceiling else { continue }
            let info = module.sections[section]
            let range = info.heading?.range ?? firstRun[section].map { $0.sourceRange(0..<1) } ?? .at(line: 1)
            let name = info.heading == nil ? "the opening text" : "the '\(info.title)' section"
            out.append(diagnostic(module, range, "\(name) reads at grade \(Self.format(score.grade))", score, ceiling, audience))
        }
        let sectionsWithText = bySection.values.filter { $0.words > 0 }.count
        if sectionsWithText > 1, whole.words >= Self.minimumWords, whole.grade > ceiling {
            let title = module.body.children.first { if case .heading(1) = $0.kind { return true } else { return false } }?.range
            let range = title ?? firstRun.keys.min().flatMap { firstRun[$0] }.map { $0.sourceRange(0..<1) } ?? .at(line: 1)
            out.append(diagnostic(module, range, "the handout as a whole reads at grade \(Self.format(whole.grade))", whole, ceiling, audience))
        }
        return out
    }

    /// What a reading finding shows under its message: the two longest sentences, where they are,
    /// and the five words with the most syllables (`wordsLabel` names them).
    static func notes(_ score: Readability, wordsLabel: String) -> [String] {
        var notes: [String] = []
        for sentence in score.longestSentences(2) {
            notes.append("long sentence (\(sentence.words) words) at \(sentence.start.line):\(sentence.start.column): \(excerpt(sentence.text))")
        }
        let hard = score.hardestWords(5)
        if !hard.isEmpty {
            notes.append("\(wordsLabel): " + hard.map { "\($0.word) (\($0.syllables) syllables)" }.joined(separator: ", "))
        }
        return notes
    }

    func diagnostic(_ module: Module, _ range: SourceRange, _ what: String, _ score: Readability, _ ceiling: Double, _ audience: String) -> Diagnostic {
        let notes = Self.notes(score, wordsLabel: "hardest words")
        let message = "\(what), above the ceiling of \(Self.format(ceiling)) for \(audience) handouts "
            + "(Flesch-Kincaid; reading ease \(Self.format(score.ease)); \(score.words) words in \(score.sentences) sentence\(score.sentences == 1 ? "" : "s"))"
        return Self.grade.diagnostic(module.path, range, message,
            fix: Fix(summary: "split long sentences and use everyday words; words a handout must use (medicines, clinical terms) can go in glossary.yaml, where they count as ordinary words"),
            notes: notes)
    }

    /// One decimal, no trailing ".0" for whole numbers.
    static func format(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths / 10)
        let fraction = abs(Int(tenths) % 10)
        if fraction == 0 { return String(Int(tenths / 10)) }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
    }

    static func excerpt(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        if scalars.count <= 90 { return "\"\(text)\"" }
        return "\"" + String(String.UnicodeScalarView(scalars.prefix(87))).trimmingWhitespace() + "...\""
    }
}
