import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// The person-first term list: whole words and inflections, letter case, names and titles,
/// code and Sources left alone, exact positions and case-preserving fixes.
@Suite struct PersonFirstRuleTests {
    /// Findings of person-first.term in a one-paragraph body (line 13 of the module).
    func terms(_ text: String) -> [Diagnostic] {
        ContentCheck.findings("# T\n\n" + text + "\n").filter { $0.rule == "person-first.term" }
    }

    /// The text each finding points at.
    func flagged(_ text: String) -> [String] {
        let line = Array(text.unicodeScalars)
        return terms(text).map { d in
            String(String.UnicodeScalarView(line[(d.range.start.column - 1)..<(d.range.end.column - 1)]))
        }
    }

    /// The single automatic replacement of the first finding, if any.
    func replacement(_ text: String) -> String? {
        guard let fix = terms(text).first?.fix, fix.isAutomatic else { return nil }
        return fix.replacements.first?.text
    }

    @Test(arguments: [
        ("He is an addict.", ["addict"]),
        ("Addicts can recover.", ["Addicts"]),
        ("The addict's family came.", ["addict's"]),
        ("A drug addict and a recovering addict.", ["drug addict", "recovering addict"]),
        ("ADDICTS", ["ADDICTS"]),
        ("Call a junkie a person; junkies are people.", ["junkie", "junkies"]),
        ("Drug abusers deserve care.", ["Drug abusers"]),
        ("My alcoholic father drank.", ["alcoholic"]),
        ("Substance abuse and drug abuse are words to avoid.", ["abuse", "abuse"]),
        ("She was abusing alcohol.", ["abusing"]),
        ("His drug habit grew.", ["habit"]),
        ("A clean drug test. She tested dirty.", ["clean", "dirty"]),
        ("Her urine screen came back clean.", ["clean"]),
        ("He stayed clean for 90 days and has 90 days clean.", ["clean", "clean"]),
        ("Medication-assisted treatment and MAT work.", ["Medication-assisted treatment", "MAT"]),
        ("Methadone replacement therapy", ["Methadone replacement therapy"]),
        ("A relapse is a failure.", ["relapse is a failure"]),
        ("Did she fail treatment?", ["fail treatment"]),
        ("He fell off the wagon.", ["fell off the wagon"]),
        ("He committed suicide.", ["committed suicide"]),
    ])
    func flagsTheTerm(_ text: String, _ expected: [String]) {
        #expect(flagged(text) == expected, "\(text)")
    }

    @Test(arguments: [
        "Addiction is a chronic condition, and he was addicted to opioids.",
        "Maddict and addictive are other words; so is readdict.",
        "An alcoholic drink, non-alcoholic beer and alcoholic liver disease.",
        "Alcoholics Anonymous meets on Tuesdays.",
        "The Substance Abuse and Mental Health Services Administration (SAMHSA) runs a helpline.",
        "The National Institute on Drug Abuse and the National Institute on Alcohol Abuse and Alcoholism fund research.",
        "The Center for Substance Abuse Treatment published it.",
        "Child abuse and emotional abuse are trauma.",
        "Keep your room clean. Clean clothes help. A dirty kitchen is fine.",
        "Relapse is not a failure. Relapse prevention is a skill.",
        "A yoga mat and a door mat.",
        "Nicotine replacement therapy helps people stop smoking.",
        "Type `addict` to see the code, or read [the page](https://example.org/addict-junkie).",
        "People who use drugs; people with a substance use disorder.",
    ])
    func leavesFineWordsAlone(_ text: String) {
        #expect(flagged(text) == [], "\(text)")
    }

    @Test func titleCaseHeadingsAreStillChecked() {
        let found = ContentCheck.findings("# Understanding Drug Abuse Today\n\nThe Center for Substance Abuse Treatment helps.\n")
            .filter { $0.rule == "person-first.term" }
        #expect(found.map(\.range.start.description) == ["11:22"])
    }

    @Test func codeBlocksAndSourcesAreNotChecked() {
        let body = "# T\n\n```text\njunkie addict\n```\n\n## Sources\n\n- Drug abuse among addicts. 2020.\n"
        #expect(ContentCheck.findings(body).filter { $0.rule == "person-first.term" }.isEmpty)
    }

    @Test func facilitatorNotesTitleAndOutcomesAreChecked() {
        let front = ContentCheck.frontMatter.replacingAll("title: Inline module", with: "title: Help for addicts")
            .replacingAll("outcomes: [Name two ways to cope]", with: "outcomes: [Name two ways to avoid a drug habit]")
        let body = "# T\n\n## Facilitator notes\n\nSome members call themselves junkies.\n\n```{facilitator}\nAn addict can recover.\n```\n"
        let found = ContentCheck.findings(body, frontMatter: front).filter { $0.rule == "person-first.term" }
        #expect(found.map(\.range.start.description) == ["3:17", "7:42", "15:30", "18:4"])
    }

    @Test func fixesKeepTheLetterCaseAndMendTheArticle() {
        #expect(replacement("He is an addict.") == "a person with a substance use disorder")
        #expect(replacement("An addict can recover.") == "A person with a substance use disorder")
        #expect(replacement("Addicts can recover.") == "People with substance use disorders")
        #expect(replacement("ADDICTS") == "PEOPLE WITH SUBSTANCE USE DISORDERS")
        #expect(replacement("She was abusing alcohol.") == "using")
        #expect(replacement("He committed suicide.") == "died by suicide")
        #expect(replacement("Substance abuse is common.") == "use")
        #expect(replacement("He is a junkie.") == "person who uses drugs")
    }

    @Test func ambiguousFixesAreAdviceOnly() {
        // Two preferred wordings, a possessive, an adjective: no automatic replacement.
        for text in ["Medication-assisted treatment works.", "The addict's family came.", "My alcoholic father drank.",
                     "A relapse is a failure."] {
            let fix = terms(text).first?.fix
            #expect(fix != nil, "\(text)")
            #expect(fix?.isAutomatic == false, "\(text)")
            #expect(fix?.replacements == [], "\(text)")
        }
    }

    @Test func positionsAreExactInMultiLineParagraphsAndEmphasis() {
        // Line 13 starts the paragraph; é is one code point; the term spans markup in **...**.
        let text = "Café owners *who are* addicts\ncan recover, said **Dr. Lee**. Her drug\n  test came back **clean**."
        let found = terms(text)
        #expect(found.map(\.range.start.description) == ["13:23", "15:20"])
        #expect(found.map(\.range.end.description) == ["13:30", "15:25"])
        let replacement = found[0].fix?.replacements.first
        #expect(replacement?.range == SourceRange(line: 13, column: 23, endColumn: 30))
        #expect(replacement?.text == "people with substance use disorders")
    }

    @Test func aMatchAcrossMarkupIsAdviceOnly() {
        // "*drug* addict": the words to replace span markup; "an *addict*" needs its article
        // mended across markup. Only "a *junkie*" can be replaced as written.
        #expect(terms("A *drug* addict.").first?.fix?.isAutomatic == false)
        #expect(terms("He is an *addict*.").first?.fix?.isAutomatic == false)
        #expect(terms("He is a *junkie*.").first?.fix?.isAutomatic == true)
        #expect(replacement("He is a *junkie*.") == "person who uses drugs")
    }

    @Test func clinicsExtendAndSwitchOffTerms() {
        let schema = ContentCheck.schema("""

            person-first:
              terms:
                - avoid: [client, clients]
                  use: participant
                  plural: participants
                  why: Our program says participant.
                - id: clean-test
                  off: true
              names: [Smithtown Addict Services]
            """)
        let found = ContentCheck.findings("# T\n\nClients of Smithtown Addict Services had a clean test.\n", schema: schema)
            .filter { $0.rule == "person-first.term" }
        #expect(found.count == 1)
        #expect(found.first?.fix?.replacements.first?.text == "Participants")
        #expect(found.first?.notes == ["Our program says participant."])
    }

    @Test func badTermSettingsAreSetupErrorsWithPositions() {
        let text = (try! String(contentsOfFile: Fixtures.path("rules/schema.yaml"), encoding: .utf8)) + """

            person-first:
              terms:
                - avoid: "[client"
                  use: participant
                - id: clean-tset
                  off: true
                - avoid: patient
            """
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        let (schema, diagnostics) = SchemaLoader.load(SourceFile(path: "schema.yaml", text: text), knownRules: RuleCatalog.ids)
        #expect(schema == nil)
        let found = diagnostics.map { "\($0.rule) \($0.range.start.line - lines)" }
        #expect(found.contains("schema.invalid -4"))   // '[' never closed
        #expect(found.contains("schema.invalid -2"))   // no built-in clean-tset
        #expect(found.contains("schema.invalid 0"))    // no 'use'
        #expect(diagnostics.first { $0.message.contains("clean-tset") }?.fix?.replacements.first?.text == "clean-test")
    }

    @Test func englishOnly() {
        let front = ContentCheck.frontMatter.replacingAll("reviewed:", with: "language: es\nreviewed:")
        #expect(ContentCheck.findings("# T\n\nUn addict es una persona.\n", frontMatter: front).filter { $0.rule == "person-first.term" }.isEmpty)
        let british = ContentCheck.frontMatter.replacingAll("reviewed:", with: "language: en-GB\nreviewed:")
        #expect(ContentCheck.findings("# T\n\nAn addict.\n", frontMatter: british).filter { $0.rule == "person-first.term" }.count == 1)
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        replacing(target, with: replacement)
    }
}
