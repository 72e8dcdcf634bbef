import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// The decisions of issue 19 that the mistake corpus cannot show as "first error at its line":
/// what is accepted, and what a fix writes.
@Suite struct WriterMessageTests {
    static let skillFrontMatter = """
        ---
        id: inline
        title: Inline module
        topic: coping
        group: skill-building
        objectives: [coping]
        outcomes: [Name two ways to cope]
        minutes: 50
        reviewed: 2026-10-01
        ---

        """

    @Test(arguments: ["(20 min)", "(20 mins)", "(20 minutes)", "(20m)"])
    func sectionMinutesAreReadInEveryAcceptedForm(_ suffix: String) {
        let found = ContentCheck.findings("# T\n\n## Practice (30 min)\n\nDo it.\n\n## Homework \(suffix)\n\nTry it.\n", frontMatter: Self.skillFrontMatter)
        #expect(found.filter { $0.severity == .error }.isEmpty, "\(found)")
        #expect(ContentCheck.module("## Homework \(suffix)\n").section("homework")?.minutes == 20)
    }

    @Test func aMisSuffixedHeadingGetsTheHeadingToWriteAsAnAutomaticFix() throws {
        let found = ContentCheck.findings("# T\n\n## Practice (30 min)\n\nDo it.\n\n## Homework - 20 min\n\nTry it.\n", frontMatter: Self.skillFrontMatter)
        let finding = try #require(found.first { $0.rule == SectionHeadingRule.suffix.id })
        #expect(finding.range.start.line == 17)
        #expect(finding.fix?.isAutomatic == true)
        #expect(finding.fix?.replacements.map(\.text) == ["## Homework (20 min)"])
        #expect(found.filter { $0.severity == .error }.count == 1)
    }

    @Test func aLevelThreePracticeIsFixedToLevelTwo() throws {
        let found = ContentCheck.findings("# T\n\n### Practice (30 min)\n\nDo it.\n\n## Homework (20 min)\n\nTry it.\n", frontMatter: Self.skillFrontMatter)
        let finding = try #require(found.first { $0.rule == SectionHeadingRule.wrongLevel.id })
        #expect(finding.range.start.line == 13)
        #expect(finding.fix?.replacements.map(\.text) == ["##"])
        #expect(finding.fix?.replacements.first?.range == SourceRange(line: 13, column: 1, endColumn: 4))
    }

    @Test func aSubheadingNamedLikeASectionUnderThatSectionIsFine() {
        let found = ContentCheck.findings("# T\n\n## Practice (30 min)\n\n### Practice\n\nDo it.\n\n## Homework (20 min)\n\nTry it.\n", frontMatter: Self.skillFrontMatter)
        #expect(!found.contains { $0.rule == SectionHeadingRule.wrongLevel.id })
    }

    @Test func aBlockNamedWithoutBracesIsAWarningWithTheBracesAsFix() throws {
        let found = ContentCheck.findings("# T\n\n## Discussion\n\n```checklist Things\nA\n```\n")
        let finding = try #require(found.first { $0.rule == FenceRule.noBraces.id })
        #expect(finding.severity == .warning)
        #expect(finding.fix?.replacements.map(\.text) == ["{checklist}"])
        #expect(finding.fix?.replacements.first?.range == SourceRange(line: 15, column: 4, endColumn: 13))
        // An ordinary code block is not a finding.
        #expect(!ContentCheck.findings("# T\n\n## Discussion\n\n```text\nA\n```\n").contains { $0.rule == FenceRule.noBraces.id })
    }

    @Test func rowsInWordsAreFixedToDigits() throws {
        let found = ContentCheck.findings("# T\n\n## Discussion\n\n```{log} L\ncolumns: Day | What\nrows: seven\n```\n")
        let finding = try #require(found.first { $0.rule == WidgetParser.syntax.id })
        #expect(finding.range == SourceRange(line: 17, column: 7, endColumn: 12))
        #expect(finding.fix?.replacements.map(\.text) == ["7"])
        // Row labels are still labels.
        #expect(!ContentCheck.findings("# T\n\n## Discussion\n\n```{log} L\ncolumns: Day | What\nrows: Mon | Tue\n```\n").contains { $0.rule == WidgetParser.syntax.id })
    }
}

/// Where a broken link or image most likely meant to point, as a path from the module's folder.
@Suite struct LinkSuggestionTests {
    @Test func relativePathsClimbOutOfTheModulesFolder() {
        #expect(LinkRule.relative(from: "modules/coping", to: "images/wave.png") == "../../images/wave.png")
        #expect(LinkRule.relative(from: "modules/triggers", to: "modules/coping/urge-surfing.md") == "../coping/urge-surfing.md")
        #expect(LinkRule.relative(from: "modules/coping", to: "modules/coping/anger.md") == "anger.md")
        #expect(LinkRule.relative(from: ".", to: "modules/a.md") == "modules/a.md")
    }

    @Test func aMisspeltModuleInAnotherFolderIsSuggested() throws {
        let report = CheckRun.run(paths: [Fixtures.path("mistakes")], today: Fixtures.today)
        #expect(report.diagnostics.contains { $0.rule == LinkRule.brokenLink.id && $0.fix?.summary.hasPrefix("did you mean 'breathing-basics.md'?") == true })
    }

    @Test func aBlockWithoutBracesInsideACalloutIsFoundToo() {
        let found = ContentCheck.findings("# T\n\n## Discussion\n\n````{callout} Note\n```checklist\nA\n```\n````\n")
        #expect(found.filter { $0.rule == FenceRule.noBraces.id }.map(\.range.start.line) == [16])
    }
}

/// The YAML parser's messages in plain words, with the text to type where it is sure.
@Suite struct PlainYAMLErrorTests {
    @Test func anUnclosedListOrQuoteGetsTheMarkToAddAtTheEndOfItsLine() throws {
        let (_, list) = Fixtures.module("---\nid: x\nobjectives: [coping, triggers\ntitle: T\n---\n")
        let finding = try #require(list.first)
        #expect(finding.range.start == SourceLocation(line: 3, column: 13))
        #expect(finding.message == "the list that starts with '[' here is never closed with ']'")
        #expect(finding.fix?.replacements == [Replacement(range: SourceRange(line: 3, column: 30, endColumn: 30), text: "]")])
        // The end of a list is not sure enough for --fix to close it unasked.
        #expect(finding.fix?.isAutomatic == false)
        let (_, quote) = Fixtures.module("---\nid: x\ntitle: \"Riding Out\ntopic: coping\n---\n")
        #expect(quote.first?.range.start == SourceLocation(line: 3, column: 8))
        #expect(quote.first?.fix?.replacements.map(\.text) == ["\""])
    }

    @Test func aFieldWithoutASpaceAfterItsColonIsFixedWithOne() throws {
        let (_, found) = Fixtures.module("---\nid: x\ntopic:coping\ngroup: support\n---\n")
        let finding = try #require(found.first)
        #expect(finding.range.start.line == 3)
        #expect(finding.fix?.isAutomatic == true)
        #expect(FixApplier.apply(finding.fix!.replacements, to: "---\nid: x\ntopic:coping\ngroup: support\n---\n").0 == "---\nid: x\ntopic: coping\ngroup: support\n---\n")
    }
}
