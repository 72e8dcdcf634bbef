/// Outcomes say what a participant will do that a facilitator can see or hear. An outcome
/// that starts with, or rests on, a verb no one can observe ("understand", "know", "learn")
/// gets a finding that suggests measurable verbs.
public struct OutcomeVerbRule: ModuleRule {
    public static let measurableVerb = RuleDescriptor("outcomes.measurable-verb", .warning,
        "An outcome starts with (or rests on) a verb no one can observe: understand, know, learn, appreciate, be aware of, believe.",
        englishOnly: true,
        explanation: """
        Outcomes are printed on the handout as "what you will learn" and tell the facilitator what to look for by the \
        end of the session. "Understand triggers" cannot be seen or heard; "Name three personal triggers" can. An \
        outcome is reported when it starts with a vague verb (understand, know, learn, appreciate, be aware of, \
        believe, ...), after any "Participants will (be able to)", or when it starts with a verb such as demonstrate \
        or gain and rests on a vague noun (understanding, knowledge, awareness).

        Start each outcome with a verb a facilitator can observe: name, list, describe, explain, practice, \
        demonstrate, write, plan, rate, identify. The lists can be changed in schema.yaml under 'content:' with \
        'measurable-verbs' and 'vague-verbs'. English modules only.

        Example:
            outcomes:
              - Understand the stages of change          # reported
              - Describe the five stages of change       # fine
              - Demonstrate an understanding of HALT     # reported: rests on "understanding"
              - Practice the HALT check-in with a partner
        """)
    public static let descriptors = [measurableVerb]
    public static let readsProse = true

    /// The schema's defaults (`content.measurable-verbs`, `content.vague-verbs`), kept with the model.
    public static let defaultMeasurableVerbs = OutcomeVerbs.defaultMeasurable
    public static let defaultVagueVerbs = OutcomeVerbs.defaultVague
    /// Verbs that can be observed only through what follows them ("demonstrate an understanding").
    static let weakVerbs: Set<String> = ["demonstrate", "show", "gain", "develop", "have", "increase", "improve", "build", "deepen",
                                         "expand", "acquire", "display", "exhibit", "express", "get", "achieve", "reach"]
    static let vagueNouns: Set<String> = ["understanding", "knowledge", "awareness", "appreciation", "insight", "insights", "belief",
                                          "beliefs", "familiarity", "comprehension", "realization"]
    /// Words before the verb that do not count: "Participants will be able to ..."
    static let lead: Set<String> = ["participants", "participant", "members", "member", "each", "the", "you", "i", "we", "clients",
                                    "students", "learners", "group", "will", "to", "be", "able", "can", "should"]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        guard module.isEnglish else { return [] }
        let settings = context.schema.content
        let vague = settings.vagueVerbs.map { $0.split(separator: " ").map(String.init) }.filter { !$0.isEmpty }
        let suggestions = settings.measurableVerbs.joined(separator: ", ")
        let prose = context.prose(of: module)
        var out: [Diagnostic] = []
        for (run, scan) in zip(prose.runs, prose.scans) where run.kind == .outcome {
            let words = scan.words
            var index = 0
            var found: (Range<Int>, String, Bool)?   // words, vague phrase, rests on a noun
            while index < words.count {
                if let phrase = vague.first(where: { Self.matches($0, words, at: index) }) {
                    found = (index..<(index + phrase.count), phrase.joined(separator: " "), false)
                    break
                }
                if Self.lead.contains(words[index].key) { index += 1; continue }
                if Self.weakVerbs.contains(Self.stem(words[index].key)) {
                    for k in (index + 1)..<min(words.count, index + 5) where Self.vagueNouns.contains(words[k].key) {
                        found = (k..<(k + 1), words[k].key, true)
                        break
                    }
                }
                break
            }
            guard let (range, phrase, restsOnNoun) = found else { continue }
            let span = run.sourceRange(words[range.lowerBound].start..<words[range.upperBound - 1].end)
            let message = restsOnNoun
                ? "this outcome rests on '\(phrase)', which a facilitator cannot observe"
                : "this outcome starts with '\(phrase)', which a facilitator cannot observe"
            out.append(Self.measurableVerb.diagnostic(module.path, span, message,
                fix: Fix(summary: "start with a verb a facilitator can see or hear: \(suggestions)")))
        }
        return out
    }

    /// True when the words of `phrase` (with an -s or -ing on its first word) stand at `index`.
    static func matches(_ phrase: [String], _ words: [Word], at index: Int) -> Bool {
        guard index + phrase.count <= words.count else { return false }
        for (offset, part) in phrase.enumerated() {
            let key = words[index + offset].key
            if key == part { continue }
            if offset == 0 && (stem(key) == part) { continue }
            return false
        }
        return true
    }

    /// "understands" -> "understand", "learning" -> "learn".
    static func stem(_ key: String) -> String {
        if key.hasSuffix("ing"), key.count > 5 { return String(key.dropLast(3)) }
        if key.hasSuffix("s"), key.count > 3, !key.hasSuffix("ss") { return String(key.dropLast()) }
        return key
    }
}

extension Module {
    /// True for English modules (`language` en or en-*, or none): English-only rules apply.
    public var isEnglish: Bool {
        let tag = languageTag.lowercased()
        return tag == "en" || tag.hasPrefix("en-")
    }
}
