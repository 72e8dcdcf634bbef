import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// The content rules' settings (severities, per-audience reading grade, verb lists, review
/// months), and the rules' edges: outcomes, review dates, private information, languages.
@Suite struct ContentRuleTests {
    /// A paragraph of about 50 words at grade 11 or so.
    static let dense = """
        Participants frequently experience considerable difficulty identifying the circumstances that \
        precede cravings, particularly when emotional distress, interpersonal conflict and environmental \
        reminders occur simultaneously. Developing individualized strategies therefore requires careful \
        observation, honest reflection and consistent practice across several weeks of structured \
        treatment, supported by counselors and peers.
        """

    func rules(_ found: [Diagnostic]) -> [String] { found.map(\.rule.rawValue) }

    @Test func severitiesAreSetPerRuleInTheSchema() {
        let schema = ContentCheck.schema {
            $0.replacingAll("rules:\n  front-matter.unknown-field: warning",
                            with: "rules:\n  person-first.term: warning\n  privacy.email: off\n  reading.grade: error")
        }
        let found = ContentCheck.findings("# T\n\n## Discussion\n\nAn addict wrote to a@example.org.\n\n## Practice\n\n\(Self.dense)\n", schema: schema)
        #expect(found.first { $0.rule == "person-first.term" }?.severity == .warning)
        #expect(!found.contains { $0.rule == "privacy.email" })
        #expect(found.first { $0.rule == "reading.grade" }?.severity == .error)
    }

    @Test func readingGradeCeilingPerAudience() {
        let schema = ContentCheck.schema().withContent { $0.readingGradeByAudience = ["family": 30] }
        let body = "# T\n\n## Discussion\n\n\(Self.dense)\n"
        #expect(rules(ContentCheck.findings(body, schema: schema)) == ["reading.grade"])
        let family = ContentCheck.frontMatter.replacingAll("reviewed:", with: "audience: family\nreviewed:")
        #expect(rules(ContentCheck.findings(body, frontMatter: family, schema: schema)) == [])
        #expect(ContentCheck.findings(body, schema: schema).first?.message.contains("above the ceiling of 8 for adult handouts") == true)
    }

    @Test func readingGradeSettingsAreReadFromTheSchema() throws {
        let schema = ContentCheck.schema {
            $0.replacingAll("  reading-grade: 8", with: "  reading-grade: 7.5\n  reading-grade-by-audience:\n    family: 9")
        }
        #expect(schema.content.readingGrade(for: nil) == 7.5)
        #expect(schema.content.readingGrade(for: "adolescent") == 7.5)
        #expect(schema.content.readingGrade(for: "family") == 9)
        let text = (try String(contentsOfFile: Fixtures.path("rules/schema.yaml"), encoding: .utf8))
            .replacingAll("  review-months: 12", with: "  review-months: 6\n  reading-grade-by-audience: {adolescent: 7, famly: 9}\n  reading-grde: 7")
        let (loaded, diagnostics) = SchemaLoader.load(SourceFile(path: "schema.yaml", text: text), knownRules: RuleCatalog.ids)
        #expect(loaded == nil)
        let messages = diagnostics.map(\.message)
        #expect(messages.contains("'famly' is not one of the schema's audiences"))
        #expect(messages.contains("'content' has no setting 'reading-grde'"))
        #expect(diagnostics.first { $0.message.contains("famly") }?.fix?.replacements.first?.text == "family")
    }

    @Test func sectionsUnderFortyWordsAreNotGradedButTheWholeHandoutIs() {
        // Two sections of 25 dense words each: neither is graded alone; together they are.
        let half = Self.dense.split(separator: " ").prefix(25).joined(separator: " ") + "."
        let found = ContentCheck.findings("# T\n\n## Discussion\n\n\(half)\n\n## Practice\n\n\(half)\n")
        #expect(found.map { "\($0.rule) \($0.range.start)" } == ["reading.grade 11:1"])
        #expect(found.first?.message.hasPrefix("the handout as a whole reads at grade") == true)
    }

    @Test func facilitatorTextAnswersAndCodeAreNotGraded() {
        let body = "# T\n\n## Discussion\n\nShort words here.\n\n## Facilitator notes\n\n\(Self.dense)\n\n```{facilitator}\n\(Self.dense)\n```\n\n```{worksheet}\ntext: Write one thing.\nanswer: \(Self.dense)\n```\n\n```text\n\(Self.dense)\n```\n"
        #expect(rules(ContentCheck.findings(body)) == [])
    }

    @Test func readingGradeFindingGivesGradeCeilingAndHints() throws {
        let found = try #require(ContentCheck.findings("# T\n\n## Discussion\n\n\(Self.dense)\n").first)
        #expect(found.message.hasPrefix("the 'Discussion' section reads at grade "))
        #expect(found.notes.count == 3)
        #expect(found.notes[0].hasPrefix("long sentence (23 words) at 15:224: \"Developing individualized"))
        #expect(found.notes[2].hasPrefix("hardest words: individualized (6 syllables)"))
    }

    @Test func outcomeVerbs() {
        func flagged(_ outcome: String) -> Bool {
            let front = ContentCheck.frontMatter.replacingAll("outcomes: [Name two ways to cope]", with: "outcomes:\n  - \(outcome)")
            return ContentCheck.findings("# T\n\n## Discussion\n\nTalk.\n", frontMatter: front).contains { $0.rule == "outcomes.measurable-verb" }
        }
        for vague in ["Understand triggers", "Know two coping skills", "Learn about HALT", "Appreciate peer support",
                      "Be aware of warning signs", "Believe that recovery is possible", "Participants will understand HALT",
                      "You will be able to learn three skills", "Demonstrate an understanding of HALT", "Gain knowledge of MOUD",
                      "Understands the plan"] {
            #expect(flagged(vague), "\(vague)")
        }
        for measurable in ["Name three triggers", "List two people to call", "Describe how cravings rise and fall",
                           "Participants will be able to explain HALT", "Practice urge surfing", "Rate the pull of a trigger",
                           "Identify what you know about your triggers", "Write a plan you believe in"] {
            #expect(!flagged(measurable), "\(measurable)")
        }
    }

    @Test func outcomeVerbListsComeFromTheSchema() {
        let schema = ContentCheck.schema().withContent { $0.vagueVerbs = ["explore"]; $0.measurableVerbs = ["name", "share"] }
        let front = ContentCheck.frontMatter.replacingAll("outcomes: [Name two ways to cope]", with: "outcomes: [Explore triggers, Understand triggers]")
        let found = ContentCheck.findings("# T\n\n## Discussion\n\nTalk.\n", frontMatter: front, schema: schema).filter { $0.rule == "outcomes.measurable-verb" }
        #expect(found.map(\.range.start.description) == ["7:12"])
        #expect(found.first?.fix?.summary.contains("name, share") == true)
    }

    @Test func reviewFreshness() {
        func rulesFor(_ reviewed: String, months: Int = 12) -> [String] {
            let schema = ContentCheck.schema().withContent { $0.reviewMonths = months }
            let front = ContentCheck.frontMatter.replacingAll("reviewed: 2026-10-01", with: "reviewed: \(reviewed)")
            return ContentCheck.findings("# T\n\n## Discussion\n\nTalk.\n", frontMatter: front, schema: schema).map(\.rule.rawValue)
        }
        #expect(rulesFor("2025-11-29") == [])               // exactly 12 months before 2026-11-29
        #expect(rulesFor("2025-11-28") == ["review.stale"])
        #expect(rulesFor("2026-05-28", months: 6) == ["review.stale"])
        #expect(rulesFor("2026-11-29") == [])
        #expect(rulesFor("2026-11-30") == ["review.future"])
    }

    @Test func privateInformation() {
        func found(_ text: String) -> [String] {
            let line = Array(text.unicodeScalars)
            return ContentCheck.findings("# T\n\n## Discussion\n\n\(text)\n").filter { $0.rule.hasPrefix("privacy.") }.map { d in
                "\(d.rule.rawValue.dropFirst(8)) " + String(String.UnicodeScalarView(line[(d.range.start.column - 1)..<(d.range.end.column - 1)]))
            }
        }
        #expect(found("Call 617-555-0134, (617) 555-0134, 617.555.0134, 1-617-555-0134 or 555-0134.") == [
            "phone-number 617-555-0134", "phone-number (617) 555-0134", "phone-number 617.555.0134",
            "phone-number 1-617-555-0134", "phone-number 555-0134"])
        // The schema's help lines, in any spelling, and numbers that are not phone numbers.
        #expect(found("Call or text 988. SAMHSA: 1-800-662-4357 or 800.662.4357. Help: (833) 773-2445.") == [])
        #expect(found("Rate it 0-10. Weeks 9-12. On 2026-11-01 at 17:30-20:30, $2.50 a ride, 1,000 people, ISBN 978-0-123.") == [])
        #expect(found("Write to sam.jones+group@example.org or see www.samhsa.gov.") == ["email sam.jones+group@example.org"])
        #expect(found("DOB 3/14/1985. Born on March 14, 1990. Date of birth: 14 March 1990. Born in 1990.") == [
            "date-of-birth DOB 3/14/1985", "date-of-birth Born on March 14, 1990", "date-of-birth Date of birth: 14 March 1990"])
        #expect(found("MRN: 00482913, chart #5521, member ID A1234567, 123-45-6789. Record 3 cravings in 2026.") == [
            "record-number MRN: 00482913", "record-number chart #5521", "record-number member ID A1234567",
            "record-number 123-45-6789"])
    }

    @Test func languagesOtherThanEnglishSkipTheEnglishOnlyRules() throws {
        let folder = Fixtures.copy("fix")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: folder)) }
        let module = try String(contentsOfFile: folder + "/modules/terms.md", encoding: .utf8)
        try module.replacingAll("reviewed:", with: "language: es\nreviewed:").replacingAll("id: fix-terms", with: "id: fix-terms-es")
            .write(toFile: folder + "/modules/terms-es.md", atomically: true, encoding: .utf8)
        let report = CheckRun.run(paths: [folder], today: Fixtures.today)
        // safety.emergency-number reads Spanish too, so it is not skipped for a module in Spanish.
        #expect(report.skipped == ["outcomes.measurable-verb": 1, "person-first.term": 1, "reading.grade": 1])
        #expect(!report.diagnostics.contains { $0.file.hasSuffix("terms-es.md") && $0.rule == "person-first.term" })
        let text = TextPrinter(sourceLine: { _, _ in nil }, color: false).render(report)
        #expect(text.hasSuffix("; skipped for 1 module not in English: outcomes.measurable-verb, person-first.term, reading.grade\n"))
        let json = JSONPrinter().render(report)
        #expect(json.hasSuffix(#""warnings":0,"skipped":{"outcomes.measurable-verb":1,"person-first.term":1,"reading.grade":1}}}"# + "\n"))
        // Only the English module: no skipped rules, and the documented summary shape.
        let english = CheckRun.run(paths: [folder + "/modules/terms.md"], today: Fixtures.today)
        #expect(english.skipped.isEmpty)
        #expect(JSONPrinter().render(english).contains(#""summary":{"files":1,"errors":"#))
    }

    /// The example in `curriculum explain reading.grade` holds.
    @Test func theReadingGradeExampleHolds() {
        func grade(_ text: String) -> Double {
            var score = Readability()
            for run in ModuleProse(ContentCheck.module("# T\n\n\(text)\n")).readingRuns { score.add(run, glossary: .empty) }
            return score.grade
        }
        let hard = grade("Pharmacological interventions, combined with evidence-based psychosocial therapies, substantially improve treatment retention.")
        let plain = grade("Medicine and counseling work well together. They help people stay in treatment.")
        #expect(hard > 20)
        #expect(abs(plain - 6.4) < 0.1)
    }

    @Test func everyContentRuleExplainsItselfWithAnExample() {
        let ids = ["reading.grade", "person-first.term", "outcomes.measurable-verb", "review.stale", "review.future",
                   "privacy.phone-number", "privacy.email", "privacy.date-of-birth", "privacy.record-number",
                   "suppression.missing-reason", "suppression.unknown-rule", "suppression.unused", "glossary.yaml-syntax", "glossary.invalid"]
        for id in ids {
            let text = RuleExplanation.text(for: id) ?? ""
            #expect(text.hasPrefix(id + " ("), "\(id)")
            #expect(text.contains("Example") || text.contains("example"), "\(id)")
        }
        #expect(RuleExplanation.text(for: "person-first.term")?.contains("clean-test: ") == true)
        #expect(RuleExplanation.suggestion(for: "person-first.trem") == "person-first.term")
    }
}

extension Schema {
    func withContent(_ change: (inout ContentSettings) -> Void) -> Schema {
        var copy = self
        change(&copy.content)
        return copy
    }
}
