import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// Inline suppressions: with a reason they hide the finding of the next block (or front
/// matter field); without one they are a finding and hide nothing; unknown or unused ones warn.
@Suite struct SuppressionTests {
    func rules(_ found: [Diagnostic]) -> [String] {
        found.map { "\($0.rule) \($0.range.start)" }
    }

    @Test func aSuppressionWithAReasonHidesTheFindingOfTheNextBlockOnly() {
        let found = ContentCheck.findings("""
            # T

            ## Discussion

            <!-- curriculum-ignore person-first.term: quoting a participant's own words -->
            > "I was a junkie," he said. "Addicts like me."

            A junkie is a person.
            """)
        #expect(rules(found) == ["person-first.term 18:3"])
    }

    @Test func aSuppressionWithoutAReasonIsAFindingAndHidesNothing() {
        let found = ContentCheck.findings("""
            # T

            ## Discussion

            <!-- curriculum-ignore person-first.term -->
            A junkie is a person.

            <!-- curriculum-ignore person-first.term:   -->
            An addict too.
            """)
        #expect(rules(found) == ["suppression.missing-reason 15:1", "person-first.term 16:3",
                                 "suppression.missing-reason 18:1", "person-first.term 19:4"])
        #expect(found.first?.severity == .error)
    }

    @Test func severalRulesOneComment() {
        let found = ContentCheck.findings("""
            # T

            ## Discussion

            <!-- curriculum-ignore person-first.term, privacy.phone-number: a role-play card with a made-up number -->
            - Call the junkie hotline at 617-555-0100.
            """)
        #expect(rules(found) == [])
    }

    @Test func unknownRulesAndUnusedSuppressionsWarn() {
        let found = ContentCheck.findings("""
            # T

            ## Discussion

            <!-- curriculum-ignore person-first.trem: a typo -->
            A junkie is a person.

            <!-- curriculum-ignore privacy.email: nothing to hide here -->
            Plain words.

            <!-- curriculum-ignore person-first.term: the last block has nothing after it -->
            """)
        #expect(rules(found) == ["suppression.unknown-rule 15:24", "person-first.term 16:3",
                                 "suppression.unused 18:24", "suppression.unused 21:24"])
        #expect(found.first?.fix?.replacements.first?.text == "person-first.term")
        #expect(found.filter { $0.rule.hasPrefix("suppression.") }.allSatisfy { $0.severity == .warning })
    }

    @Test func frontMatterCommentsApplyToTheNextFieldOrListItem() {
        let front = """
            ---
            id: inline
            # curriculum-ignore person-first.term: the funder's program title
            title: Help for Addicts
            topic: coping
            group: support
            objectives: [coping]
            # curriculum-ignore outcomes.measurable-verb: the funder's required wording, all of it
            outcomes:
              - Understand the stages of change
              - Know your triggers
            minutes: 45
            reviewed: 2026-10-01
            ---

            """
        #expect(rules(ContentCheck.findings("# T\n\n## Discussion\n\nTalk.\n", frontMatter: front)) == [])

        let item = front.replacingAll("# curriculum-ignore outcomes.measurable-verb: the funder's required wording, all of it\n", with: "")
            .replacingAll("  - Know your triggers", with: "  # curriculum-ignore outcomes.measurable-verb: kept on purpose\n  - Know your triggers")
        #expect(rules(ContentCheck.findings("# T\n\n## Discussion\n\nTalk.\n", frontMatter: item)) == ["outcomes.measurable-verb 9:5"])
    }

    @Test func aRuleSwitchedOffDoesNotMakeItsSuppressionsUnused() {
        let schema = ContentCheck.schema().withSeverity("person-first.term", .off)
        let found = ContentCheck.findings("""
            # T

            ## Discussion

            <!-- curriculum-ignore person-first.term: quoting -->
            A junkie is a person.
            """, schema: schema)
        #expect(rules(found) == [])
    }

    @Test func suppressionsAreFoundWithTheirRulesAndReasons() {
        let module = ContentCheck.module("# T\n\n- item\n\n  <!-- curriculum-ignore privacy.email: in a list -->\n  Write to a@example.org.\n")
        let found = Suppressions.find(in: module)
        #expect(found.count == 1)
        #expect(found.first?.rules.map(\.value) == ["privacy.email"])
        #expect(found.first?.reason == "in a list")
        #expect(found.first?.covers?.start == SourceLocation(line: 16, column: 3))
    }
}

extension Schema {
    func withSeverity(_ rule: String, _ severity: Severity) -> Schema {
        var copy = self
        copy.severities[rule] = severity
        return copy
    }
}
