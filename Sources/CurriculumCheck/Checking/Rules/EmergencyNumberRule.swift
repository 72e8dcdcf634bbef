/// Wherever participant text sends people to emergency help or talks about overdose, the same
/// section names the emergency number (schema.yaml's `emergency-number`, 911 by default): in the
/// writer's words or in an emergency callout. A `{callout} good-samaritan` needs the schema's
/// `good-samaritan` text, or it would print nothing about the law.
public struct EmergencyNumberRule: ModuleRule {
    public static let emergencyNumber = RuleDescriptor("safety.emergency-number", .warning,
        "A participant section tells people to get emergency help, or talks about overdose, without the emergency number (911) in that section.",
        languages: ["en", "es"],
        explanation: """
        In a crisis nobody should have to look for the number. So wherever a handout tells people to get emergency \
        help ("call for help", "get help right away", "go to the emergency room", "a medical emergency") or talks \
        about overdose, the same level-2 section names the emergency number: 'emergency-number' in schema.yaml, "911" \
        in the sample (a site outside the US changes it there).

        The number counts when it is written in the section's participant text, or when the section has an \
        emergency callout, which prints the number from schema.yaml beside your words:

            ```{callout} emergency
            Stay with the person. Give naloxone if you have it.
            ```

        The finding points at the first sentence that needs the number. Facilitator notes, {facilitator} blocks, \
        answer: lines and the Sources section are not checked; they are not what a participant reads in a crisis. \
        Where overdose is discussed, also think of a ```{callout} good-samaritan block: it prints the state's Good \
        Samaritan law from schema.yaml in plain words. English and Spanish modules are checked \
        ("sobredosis", "sala de emergencias", "pida ayuda médica de inmediato", ...); other languages are not yet.

        Example (emergency-number: "911"):
            If you see signs of an overdose, call for emergency help.    # warns
            If you see signs of an overdose, call 911.                   # fine
        """)
    public static let goodSamaritan = RuleDescriptor("safety.good-samaritan", .error,
        "A {callout} good-samaritan block, but schema.yaml has no 'good-samaritan' text for it to print.",
        explanation: """
        A ```{callout} good-samaritan block prints the Good Samaritan overdose law of the program's state from the \
        'good-samaritan' setting of schema.yaml, so every handout words the law the same way and a clinic in another \
        state changes it in one place. Without the setting the callout would print only your own words, and the \
        handout would seem to promise a protection it does not describe.

        Example, in schema.yaml:
            good-samaritan:
              state: Massachusetts
              law: Massachusetts General Laws chapter 94C, section 34A
              text: If you call {emergency-number} to get help for an overdose, ...

        To settle it, add the setting with the law of your state, in words a lawyer or your clinical director has \
        checked (say only what the law says), or remove the callout.
        """)
    public static let descriptors = [emergencyNumber, goodSamaritan]
    public static let readsProse = true

    /// The words the rule looks for, by language (primary subtag): a module in a language not
    /// listed is not checked for them (its emergency and good-samaritan callouts still are).
    static func words(for language: String) -> (help: [[String]], overdose: Set<String>)? {
        switch language.lowercased().split(separator: "-").first.map(String.init) ?? "" {
        case "en": return (helpPhrases, overdoseWords)
        case "es": return (spanishHelpPhrases, spanishOverdoseWords)
        default: return nil
        }
    }

    /// Word sequences that send people to emergency help (lowercase words as the scanner reads them).
    static let helpPhrases: [[String]] = [
        ["emergency", "help"], ["emergency", "room"], ["emergency", "department"], ["emergency", "care"],
        ["emergency", "services"], ["medical", "emergency"], ["call", "for", "help"], ["get", "help", "right", "away"],
        ["get", "medical", "help", "right", "away"], ["call", "an", "ambulance"],
    ]
    /// Words that talk about an overdose.
    static let overdoseWords: Set<String> = ["overdose", "overdoses", "overdosed", "overdosing", "over-dose"]

    /// The same in Spanish: "sala de emergencias", "servicios de emergencia", "ayuda médica de
    /// inmediato", "llame a una ambulancia", ...
    static let spanishHelpPhrases: [[String]] = [
        ["sala", "de", "emergencias"], ["sala", "de", "urgencias"], ["servicios", "de", "emergencia"], ["ayuda", "de", "emergencia"],
        ["atención", "de", "emergencia"], ["emergencia", "médica"], ["ayuda", "médica", "de", "inmediato"], ["pida", "ayuda", "de", "inmediato"],
        ["busque", "ayuda", "de", "inmediato"], ["llame", "a", "una", "ambulancia"], ["pida", "una", "ambulancia"],
    ]
    static let spanishOverdoseWords: Set<String> = ["sobredosis"]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        var out: [Diagnostic] = []
        // Emergency callouts, by section; and good-samaritan callouts without the setting.
        var covered = Set<Int>()
        for (index, section) in module.sections.enumerated() {
            for block in section.blocks {
                block.walk { node in
                    guard let parsed = module.block(node), case .callout(let title, _)? = parsed.widget else { return true }
                    switch CalloutKind.split(title).kind {
                    case .emergency: covered.insert(index)
                    case .goodSamaritan where context.schema.goodSamaritan == nil:
                        out.append(Self.goodSamaritan.diagnostic(module.path, SourceRange.at(line: node.range.start.line, column: node.range.start.column, width: 3),
                            "this good-samaritan callout has no text to print: schema.yaml has no 'good-samaritan' setting",
                            fix: Fix(summary: "add 'good-samaritan:' with state, law and text to schema.yaml (see `curriculum explain safety.good-samaritan`), or remove the callout")))
                    default: break
                    }
                    return true
                }
            }
        }
        guard let words = Self.words(for: module.languageTag) else { return out }
        let number = context.schema.emergencyNumber
        let prose = context.prose(of: module)
        // The first sentence of each section that needs the number, and the sections that give it.
        var needs: [Int: (range: SourceRange, overdose: Bool)] = [:]
        var order: [Int] = []
        for (run, scan) in zip(prose.runs, prose.scans) where run.audience == .participant {
            guard let section = run.section, !covered.contains(section) else { continue }
            if Self.mentions(number, run: run, scan: scan) {
                covered.insert(section)
                continue
            }
            // Headings and labels name a subject; the sentences under them are what send people somewhere.
            guard needs[section] == nil, run.kind == .paragraph || run.kind == .prompt else { continue }
            for sentence in scan.sentences {
                let keys = scan.words[sentence].map(\.key)
                let overdose = keys.contains { words.overdose.contains($0) }
                guard overdose || words.help.contains(where: { Self.contains(keys, $0) }) else { continue }
                let first = scan.words[sentence.lowerBound], last = scan.words[sentence.upperBound - 1]
                needs[section] = (run.sourceRange(first.start..<last.end), overdose)
                order.append(section)
                break
            }
        }
        for section in order where !covered.contains(section) {
            guard let need = needs[section] else { continue }
            let title = module.sections[section].heading == nil ? "opening" : "'\(module.sections[section].title)'"
            let what = need.overdose ? "talks about overdose" : "tells people to get emergency help"
            var notes: [String] = []
            if need.overdose, let law = context.schema.goodSamaritan {
                notes.append("where overdose is discussed, a ```{callout} good-samaritan block prints the Good Samaritan law of \(law.state) from schema.yaml")
            }
            out.append(Self.emergencyNumber.diagnostic(module.path, need.range,
                "the \(title) section \(what) but does not give the emergency number (\(number))",
                fix: Fix(summary: "write the number in this section (\"call \(number)\"), or add a ```{callout} emergency block to it, which prints \"In an emergency, call \(number)\""),
                notes: notes))
        }
        return out
    }

    /// True when the run names `number`: as a word of its own, or (for a number with spaces or
    /// signs the word scanner splits) anywhere in its text.
    static func mentions(_ number: String, run: ProseRun, scan: WordScan) -> Bool {
        if scan.words.contains(where: { $0.text == number }) { return true }
        guard number.unicodeScalars.contains(where: { !("0"..."9").contains($0) }) else { return false }
        return run.text.contains(number)
    }

    /// True when `phrase` occurs in `words` as consecutive words.
    static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard words.count >= phrase.count else { return false }
        for start in 0...(words.count - phrase.count) where words[start] == phrase[0] {
            if Array(words[start..<start + phrase.count]) == phrase { return true }
        }
        return false
    }
}
