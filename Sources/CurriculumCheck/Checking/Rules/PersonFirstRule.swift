/// Person-first, non-stigmatizing language: a term from the curriculum's list ("addict",
/// "clean" for a test, "substance abuse", "medication-assisted treatment") gets a finding with
/// the preferred words. One preferred wording is a fix that `check --fix` applies.
public struct PersonFirstRule: ModuleRule {
    public static let term = RuleDescriptor("person-first.term", .error,
        "Stigmatizing wording with a person-first replacement: addict, abuser, alcoholic (for a person), clean/dirty, substance abuse, medication-assisted treatment, relapse as failure, ...",
        englishOnly: true,
        explanation: """
        Words shape how people see themselves and whether they ask for help. Labels such as "addict" or "junkie", \
        "clean" and "dirty" for people and test results, and "abuse" tie a treatable health condition to shame and \
        blame. Handouts and facilitator notes use person-first words instead: "person with a substance use disorder", \
        "testing negative", "substance use", "medications for opioid use disorder (MOUD)".

        What is checked: every heading, paragraph, list item, callout, worksheet line and facilitator note, and the \
        title and outcomes. Not checked: the Sources section, code, web addresses, and proper names and titles \
        (Alcoholics Anonymous, Substance Abuse and Mental Health Services Administration, National Institute on Drug \
        Abuse, National Institute on Alcohol Abuse and Alcoholism, and, in running text, any run of three or more \
        capitalized words such as "Center for Substance Abuse Treatment"; headings and titles are often in title \
        case, so there only the listed names count). Words match whole, in any letter case, with plurals and \
        possessives ("addicts", "addict's"). "Relapse" itself is fine; wording that calls it failure is not.

        Fixes keep the letter case of the text they replace ("Addicts" -> "People with substance use disorders") and \
        mend "a"/"an" before them. Where there is one preferred wording, `curriculum check --fix` applies it; where \
        there are several, or the word is used as an adjective ("alcoholic father"), the fix is advice.

        The list: see DefaultPreferredTerms in the source, or the list printed below. Clinics extend it in \
        schema.yaml:

            person-first:
              terms:
                - avoid: [client, clients]      # phrases: a|b = either word, word? = optional,
                  use: participant              # [brackets] = the part to replace
                  plural: participants
                  why: Our program calls people in groups participants.
                - id: clean-person              # switch a built-in entry off by its id
                  off: true
              names: [Smithtown Drug Abuse Council]   # names whose words are fine

        A genuine quote can keep its words with a suppression and a reason:
            <!-- curriculum-ignore person-first.term: quoting a participant's own words -->
            > "I used to call myself a junkie."

        Example:
            People who are addicts can recover.        # -> people with substance use disorders
            Her drug test came back clean.             # -> came back negative
            National Institute on Drug Abuse (NIDA)    # fine: a name
        """)
    public static let descriptors = [term]
    public static let readsProse = true

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        guard module.isEnglish else { return [] }
        let list = context.schema.content.preferredTerms
        let prose = context.prose(of: module)
        var out: [Diagnostic] = []
        for (run, scan) in zip(prose.runs, prose.scans) {
            if context.isCancelled { break }
            let styledAsTitle: Bool
            switch run.kind {
            case .heading, .title, .label: styledAsTitle = true
            default: styledAsTitle = false
            }
            let findings = list.findings(in: scan, titleCaseNames: !styledAsTitle)
            guard !findings.isEmpty else { continue }
            // Worked out once per run, not once per finding: a paragraph of thousands of
            // matching lines stays linear.
            let sentence = sentenceIndices(scan)
            for finding in findings {
                out.append(diagnostic(finding, term: list.terms[finding.term], run: run, scan: scan, sentence: sentence, module: module))
            }
        }
        return out
    }

    /// `sentence` is `sentenceIndices(scan)`.
    func diagnostic(_ finding: PreferredTermList.Finding, term: PreferredTerm, run: ProseRun, scan: WordScan, sentence: [Int],
                    module: Module) -> Diagnostic {
        let words = scan.words
        let match = finding.match
        let span = words[match.target.lowerBound].start..<words[match.target.upperBound - 1].end
        let written = run.text(span)
        var choices = term.use.map { Self.choice($0, alternative: match.alternative) }
        if match.isPlural, let plural = term.plural { choices = [plural] }
        var replacement: Replacement?
        var replacedStart = span.lowerBound
        if choices.count == 1, !match.isPossessive, run.isVerbatim(span, in: module.file) {
            var text: String? = match.isPlural && term.plural == nil ? nil : choices[0]
            let labelsPerson = text.map { $0.hasPrefix("person") || $0.hasPrefix("people") } ?? false
            // "a drug habit" -> "a drug use": an article before context words may not fit the new words.
            let before = match.words.lowerBound - 1
            if match.target.lowerBound > match.words.lowerBound, before >= 0, words[before].key == "a" || words[before].key == "an" { text = nil }
            // "my alcoholic father": used as an adjective, the person-first words would not fit.
            if labelsPerson && !match.isPlural && !PreferredTermList.Compiled.usedAsNoun(match, words: words, sentence: sentence) { text = nil }
            if let text, let found = Self.replacement(for: span, written: written, with: text, run: run, scan: scan,
                                                      targetStart: match.target.lowerBound, file: module.file, sentence: sentence) {
                replacement = found.replacement
                replacedStart = found.start
            }
        }
        let advice = choices.map { "'\($0)'" }.joined(separator: " or ")
        let fix: Fix
        let message: String
        if let replacement {
            let replaced = run.text(replacedStart..<span.upperBound)
            message = "'\(written)' is stigmatizing; write '\(Self.matchCase(choices[0], to: written))'"
            fix = Fix(summary: "replace '\(replaced)' with '\(replacement.text)'", replacements: [replacement], automatic: true)
        } else {
            message = "'\(written)' is stigmatizing; write \(choices.count == 1 ? "" : "for example ")\(advice)"
            fix = Fix(summary: "rephrase with person-first words, such as \(advice)")
        }
        return Self.term.diagnostic(module.path, run.sourceRange(span), message, fix: fix, notes: [term.why])
    }

    /// The choice to offer: `use|uses|used` follows the alternative the text used.
    static func choice(_ use: String, alternative: Int) -> String {
        let parts = use.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        guard parts.count > 1 else { return use }
        return parts[min(alternative, parts.count - 1)]
    }

    /// The replacement of `span`, in the letter case of what was written, with "a"/"an" in
    /// front mended when the new words need the other one; `start` is the index in the run
    /// where the replaced text begins.
    static func replacement(for span: Range<Int>, written: String, with text: String, run: ProseRun, scan: WordScan,
                            targetStart: Int, file: SourceFile, sentence: [Int]) -> (replacement: Replacement, start: Int)? {
        var new = matchCase(text, to: written)
        var range = span
        if targetStart > 0, sentence[targetStart - 1] == sentence[targetStart] {
            let article = scan.words[targetStart - 1]
            let key = article.key
            if key == "a" || key == "an" {
                let wanted = startsWithVowelSound(new) ? "an" : "a"
                if wanted != key {
                    // "an addict" -> "a person ...": mend the article, or leave the fix to a person.
                    guard article.end + 1 == span.lowerBound, run.scalars[article.end] == " ",
                          run.isVerbatim(article.start..<span.upperBound, in: file) else { return nil }
                    new = matchCase(wanted, to: article.text) + " " + new
                    range = article.start..<span.upperBound
                }
            }
        }
        return (Replacement(range: run.sourceRange(range), text: new), range.lowerBound)
    }

    /// `text` in the case of `written`: all capitals, first capital, or as written.
    static func matchCase(_ text: String, to written: String) -> String {
        let letters = written.unicodeScalars.filter { WordScanner.isLetter($0) }
        if letters.count > 1, letters.allSatisfy(WordScanner.isUppercase) { return text.uppercased() }
        if let first = letters.first, WordScanner.isUppercase(first) {
            return text.prefix(1).uppercased() + text.dropFirst()
        }
        return text
    }

    static func startsWithVowelSound(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { WordScanner.isLetter($0) }) else { return false }
        return "aeiouAEIOU".unicodeScalars.contains(first)
    }
}
