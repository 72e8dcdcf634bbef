import Testing
@testable import CurriculumParse
@testable import CurriculumKit
@testable import CurriculumCheck

@Suite struct FrontMatterTests {
    @Test func splitKeepsLineNumbers() throws {
        let file = SourceFile(path: "m.md", text: "---\na: 1\nb: 2\n---\nbody\n")
        let parts = try FrontMatterSplitter.split(file).get()
        #expect(parts.yaml == "a: 1\nb: 2\n")
        #expect(parts.yamlFirstLine == 2)
        #expect(parts.body == "body\n")
        #expect(parts.bodyFirstLine == 5)
    }

    @Test func missingAndUnclosed() {
        #expect(throws: FrontMatterSplitter.Problem.missing) { try FrontMatterSplitter.split(SourceFile(path: "m", text: "# Title\n")).get() }
        #expect(throws: FrontMatterSplitter.Problem.unclosed) { try FrontMatterSplitter.split(SourceFile(path: "m", text: "---\na: 1\n")).get() }
    }

    @Test func yamlValuesKeepTheirCodePointColumns() throws {
        let file = SourceFile(path: "m.md", text: "---\ntitle: Café — ok\nlist: [ünï, b]\n---\n")
        let parts = try FrontMatterSplitter.split(file).get()
        let root = try #require(try YAMLReader().read(parts.yaml, firstLine: parts.yamlFirstLine, in: file))
        #expect(root["title"]?.range == SourceRange(line: 2, column: 8, endColumn: 17))
        let items = try #require(root["list"]?.sequence)
        #expect(items.map(\.range.start) == [CurriculumKit.SourceLocation(line: 3, column: 8), CurriculumKit.SourceLocation(line: 3, column: 13)])
    }

    @Test func aliasesAreRefusedBeforeExpansion() {
        // Nine levels of a "billion laughs": refused at the first anchor, without composing.
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let file = SourceFile(path: "m.md", text: yaml)
        #expect {
            _ = try YAMLReader(allowAliases: false).read(yaml, firstLine: 1, in: file)
        } throws: { error in
            let failure = error as! YAMLReader.Failure
            return failure.kind == .alias && failure.range.start == CurriculumKit.SourceLocation(line: 1, column: 5)
        }
    }

    @Test func aliasScannerIgnoresAmpersandsInText() {
        let yaml = "title: Drugs & alcohol *really*\nnote: 'a & *b'\ntext: |\n  &not an anchor\nlist: [one, two & three]\n"
        #expect(YAMLAliasScanner.firstAnchorOrAlias(in: yaml) == nil)
        #expect(YAMLAliasScanner.firstAnchorOrAlias(in: "list: [one, *two]\n")?.column == 13)
        #expect(YAMLAliasScanner.firstAnchorOrAlias(in: "- &x a\n")?.column == 3)
    }

    @Test func aliasBudgetBoundsAllowedAliases() {
        var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...7 {
            yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let file = SourceFile(path: "p.yaml", text: yaml)
        #expect {
            _ = try YAMLReader(allowAliases: true, nodeBudget: 10_000).read(yaml, firstLine: 1, in: file)
        } throws: { error in
            (error as! YAMLReader.Failure).kind == .tooLarge
        }
    }

    @Test func syntaxErrorsPointAtTheProblem() {
        let text = "---\nid: x\ntitle: Coping: a plan\n---\n"
        let (_, diagnostics) = Fixtures.module(text)
        #expect(diagnostics.map(\.rule) == ["front-matter.yaml-syntax"])
        #expect(diagnostics.first?.range.start == CurriculumKit.SourceLocation(line: 3, column: 14))
        #expect(diagnostics.first?.fix?.summary.contains("quotes") == true)
    }

    @Test func tabsInIndentationGetAHint() {
        let (_, diagnostics) = Fixtures.module("---\nid: x\noutcomes:\n\t- Name one\n---\n")
        #expect(diagnostics.first?.rule == "front-matter.yaml-syntax")
        #expect(diagnostics.first?.range.start.line == 4)
        #expect(diagnostics.first?.fix?.summary.contains("tabs") == true)
    }

    @Test func listWrittenAsTextGetsABracketFix() {
        let (_, diagnostics) = Fixtures.module("---\nobjectives: coping\n---\n")
        let d = diagnostics.first { $0.rule == "front-matter.wrong-type" }
        #expect(d?.fix?.replacements.first?.text == "[coping]")
    }

    @Test func calendarDates() {
        #expect(CalendarDate("2026-02-30") == nil)
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2026-1-01") == nil)
        #expect(CalendarDate("2026-11-29")!.adding(months: 3) == CalendarDate("2027-02-28"))
        #expect(CalendarDate("2026-11-30")!.weekdayIndex == 0)  // a Monday
        let day = CalendarDate("2026-12-31")!
        #expect(CalendarDate(daysSinceEpoch: day.daysSinceEpoch) == day)
        #expect(day.adding(days: 1) == CalendarDate("2027-01-01"))
    }
}
