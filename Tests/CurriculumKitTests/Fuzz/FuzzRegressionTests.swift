import Foundation
import Testing
@testable import CurriculumCore
@testable import CurriculumParse
@testable import CurriculumKit
@testable import CurriculumBuild
@testable import CurriculumRender

/// What the fuzzers (Fuzz/, `make fuzz`) found, one test per finding, with the input as a
/// fixture in Fixtures/fuzz (or generated here when it is only repetition). docs/security.md
/// lists the findings and their fixes.
@Suite struct FuzzRegressionTests {
    static func module(_ fixture: String) throws -> Module {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("fuzz/" + fixture))))
        return try #require(ModuleLoader.load(path: "curriculum/modules/fuzz/" + fixture, bytes: bytes).0)
    }

    static func module(body: String) -> Module {
        ContentCheck.module(body)
    }

    /// How many levels the tree nests, counted without recursion.
    static func depth(of root: MarkdownNode) -> Int {
        var deepest = 0
        var stack = [(root, 1)]
        while let (node, depth) = stack.popLast() {
            deepest = max(deepest, depth)
            stack += node.children.map { ($0, depth + 1) }
        }
        return deepest
    }

    // MARK: - Two misspellings of one field (ModuleFuzzer, after the writer-message merge)

    /// `ti[le:` and `titld:` both suggest `title`, and --fix renamed both: the module then had
    /// `title` twice and no longer loaded. A rename is automatic only for the one misspelling of
    /// a field; both are still reported with the suggestion.
    @Test func twoMisspellingsOfOneFieldAreNotBothRenamed() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("fuzz/two-misspellings-of-one-field.md"))))
        let (_, found) = ModuleLoader.load(path: "m.md", bytes: bytes)
        let renames = found.filter { $0.fix?.replacements.contains { $0.text == "title" } == true }
        #expect(renames.count == 2)
        #expect(renames.allSatisfy { $0.fix?.isAutomatic == false })
    }

    /// `outcomes: thing]` got the fix `[thing]]`, which is not a list either: brackets are added
    /// only around a value that holds none of its own.
    /// `requires: !!str brain-and-reward` got brackets over the wrong columns (the tag's): a value
    /// gets the bracket fix only when it is written plainly, as its text.
    @Test func aTaggedListValueGetsNoBracketFix() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("fuzz/list-value-with-a-tag.md"))))
        let (_, found) = ModuleLoader.load(path: "m.md", bytes: bytes)
        #expect(!found.contains { $0.fix?.isAutomatic == true && $0.fix?.replacements.contains { $0.text == "[brain-and-reward]" } == true })
    }

    @Test func aListValueWithABracketGetsNoBracketFix() throws {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("fuzz/list-value-with-a-bracket.md"))))
        let (_, found) = ModuleLoader.load(path: "m.md", bytes: bytes)
        let outcomes = try #require(found.first { $0.rule == "front-matter.wrong-type" && $0.range.start.line == 7 })
        #expect(outcomes.fix?.replacements.isEmpty == true && outcomes.fix?.isAutomatic == false)
        let (_, plain) = ModuleLoader.load(path: "m.md", bytes: Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "thing]", with: "thing").utf8))
        #expect(plain.first { $0.range.start.line == 7 }?.fix?.replacements.map(\.text) == ["[thing]"])
    }

    // MARK: - Section minutes past Int's range (ModuleFuzzer, first run)

    /// `## Practice (9223372036854775807 min)` was read as minutes, and the facilitator
    /// guide's agenda added it to a running clock: an arithmetic overflow trap. A heading now
    /// gives minutes only from 0 to a day; anything else stays part of its title.
    @Test func sectionMinutesAreBoundedToADay() throws {
        let module = try Self.module("section-minutes-overflow.md")
        #expect(module.sections.map(\.minutes) == [nil, 1, nil, nil, 1440])
        #expect(module.sections.map(\.title) == ["Practice (9223372036854775807 min)", "Homework", "Discussion (-5 min)",
                                                  "Wrap-up (1441 min)", "Check-in"])
        let agenda = DocumentRenderer.agenda(module)
        #expect(agenda.map { $0["end"] } == [.string("0:01"), .string("24:01")])
        let sums = ContentCheck.findings(module).filter { $0.rule == SectionMinutesRule.sum.id }
        #expect(sums.count == 1)
        #expect(sums.first?.message.contains("add up to 1441 minutes") == true)
    }

    @Test func splitMinutesReadsOnlyADaysWorth() {
        for (heading, minutes) in [("A (0 min)", 0), ("A (20 min)", 20), ("A (1440 minutes)", 1440), ("A (+5 mins)", 5)] {
            #expect(Section.splitMinutes(heading).1 == minutes, "\(heading)")
        }
        for heading in ["A (1441 min)", "A (-1 min)", "A (99999999999999999999 min)", "A (9223372036854775807 min)", "A (x min)"] {
            #expect(Section.splitMinutes(heading).1 == nil, "\(heading)")
            #expect(Section.splitMinutes(heading).0 == heading)
        }
    }

    // MARK: - Deep nesting (ModuleFuzzer probes)

    /// 30,000 nested quotes, list items or emphasis markers overflowed the stack: the prose
    /// extraction (and the release of the nested values) recursed once per level. The parsed
    /// tree now stops nesting at `CmarkParser.maxDepth`; the text below that depth stays, so
    /// it is still checked and printed.
    @Test(arguments: ["quotes", "lists", "emphasis", "links"])
    func deepNestingIsFlattenedBelowTheLimit(kind: String) {
        let (open, close) = [
            "quotes": ("> ", ""), "lists": ("- ", ""), "emphasis": ("*", "*"), "links": ("[", "](x.md)"),
        ][kind]!
        let body = String(repeating: open, count: 30_000) + "deep text" + String(repeating: close, count: 30_000) + "\n"
        let module = Self.module(body: body)
        #expect(Self.depth(of: module.body) <= CmarkParser.maxDepth + 2)
        #expect(module.body.plainText.contains("deep text"))
        #expect(ModuleProse(module).runs.contains { $0.text.contains("deep text") })
        _ = ContentCheck.findings(module)
        #expect(ModuleRenderer(audience: .participant).body(module).contains("deep text"))
    }

    @Test func nestingWithinTheLimitKeepsItsStructure() {
        let levels = CmarkParser.maxDepth - 2  // the document and the paragraph take a level each
        let document = CmarkParser.parse(body: String(repeating: ">", count: levels) + " x\n", firstLine: 1,
                                         in: SourceFile(path: "m.md", text: String(repeating: ">", count: levels) + " x\n"))
        var quotes = 0
        document.walk { node in
            if case .blockQuote = node.kind { quotes += 1 }
            return true
        }
        #expect(quotes == levels)
    }

    /// Below the limit the leaves keep their place in the file.
    @Test func flattenedLeavesKeepTheirPositions() {
        let body = String(repeating: ">", count: 10_000) + " é [link](x.md)\n"
        var texts: [(String, CurriculumKit.SourceLocation)] = []
        CmarkParser.parse(body: body, firstLine: 1, in: SourceFile(path: "deep.md", text: body)).walk { node in
            if case .text(let text) = node.kind { texts.append((text, node.range.start)) }
            return true
        }
        #expect(texts.map(\.0) == ["é ", "link"])
        #expect(texts.map(\.1) == [CurriculumKit.SourceLocation(line: 1, column: 10_002), CurriculumKit.SourceLocation(line: 1, column: 10_005)])
    }

    // MARK: - Facilitator notes inside a callout (ModuleFuzzer invariant)

    /// A `{facilitator}` block inside a `{callout}` reached the participant handout as a code
    /// block: the callout's Markdown was rendered without the module's block rules. It now
    /// goes through the same renderer as the rest of the body.
    @Test func facilitatorBlockInACalloutStaysOutOfTheHandout() throws {
        let module = try Self.module("facilitator-in-callout.md")
        let participant = ModuleRenderer(audience: .participant).body(module)
        #expect(participant.contains("Everyone reads this callout."))
        #expect(!participant.contains("Only the facilitator"))
        #expect(!participant.contains("{facilitator}"))
        #expect(!participant.contains("onclick"))
        let facilitator = ModuleRenderer(audience: .facilitator).body(module)
        #expect(facilitator.contains("<aside class=\"facilitator-block\""))
        #expect(facilitator.contains("Only the facilitator reads this note."))
    }

    /// A `{facilitator}` block opened in a nested quote (`>> ````) whose next lines have one `>`:
    /// CommonMark ends the inner quote there, so the block is empty and the note is an ordinary
    /// paragraph of the outer quote. The fuzzer's own idea of the block's lines took the note
    /// as hidden; the tool prints it, and `check` now says why instead of claiming the rest of
    /// the module is read into the block (and a build refuses the module until it is fixed).
    @Test func aFacilitatorBlockCutOffByItsQuoteIsAnErrorThatSaysSo() {
        let body = "> Before.\n>> ```{facilitator}\n> Only the facilitator reads this.\n> ```\n\nAfter.\n"
        let module = Self.module(body: body)
        let unclosed = ContentCheck.findings(module).filter { $0.rule == WidgetParser.unclosed.id }
        #expect(unclosed.count == 1)
        #expect(unclosed.first?.range.start == CurriculumKit.SourceLocation(line: module.frontMatterRange.end.line + 2, column: 4))
        #expect(unclosed.first?.message.contains("never closed inside its quote or list item") == true)
        #expect(ModuleRenderer(audience: .participant).body(module).contains("<p>Only the facilitator reads this.</p>"))
        // Written with the same prefix on every line, the block is whole and stays hidden.
        let fixed = Self.module(body: "> Before.\n>> ```{facilitator}\n>> Only the facilitator reads this.\n>> ```\n\nAfter.\n")
        #expect(ContentCheck.findings(fixed).filter { $0.rule == WidgetParser.unclosed.id }.isEmpty)
        #expect(!ModuleRenderer(audience: .participant).body(fixed).contains("Only the facilitator"))
        #expect(ModuleRenderer(audience: .facilitator).body(fixed).contains("Only the facilitator reads this."))
    }

    /// Blocks inside a callout are now printed as blocks, so `check` reads them as well.
    @Test func blocksInsideACalloutAreChecked() {
        let module = Self.module(body: "````{callout} Tip\n```{worksheeet}\nlines 2: x\n```\n\n```{log}\nrows: 99\n```\n````\n")
        let found = ContentCheck.findings(module).filter { WidgetParser.descriptors.map(\.id).contains($0.rule) }
        #expect(found.map(\.rule) == [WidgetParser.unknown.id, WidgetParser.syntax.id])
        #expect(found.map(\.range.start.line) == [12, 17])
        #expect(!ModuleRenderer(audience: .participant).body(module).contains("worksheeet"))
    }

    // MARK: - Minutes and limits near Int's limits (ConfigFuzzer harness)

    static func file(_ fixture: String) throws -> SourceFile {
        SourceFile(path: fixture, text: try String(contentsOfFile: Fixtures.path("fuzz/" + fixture), encoding: .utf8))
    }

    /// Segment and weekly minutes near Int's limits overflowed the agenda's sum and the weekly
    /// hours (ProgramIntensityRule) and the session clock (TrackSchedule). A segment now lasts
    /// 1 minute to a day and another session at most a week; the rest is reported and left out.
    @Test func programMinutesAreBoundedToADayAndAWeek() throws {
        let (program, findings) = ProgramLoader.load(try Self.file("program-minutes-overflow.yaml"))
        let loaded = try #require(program)
        #expect(loaded.agendas[0].segments.map(\.minutes) == [180])
        #expect(loaded.tracks[0].otherSessions.map(\.minutesPerWeek) == [10_080])
        let messages = findings.map(\.message)
        #expect(messages.contains("a segment of 9223372036854775807 minutes is longer than a day"))
        #expect(messages.contains("a segment needs a positive number of minutes"))
        #expect(messages.filter { $0.hasSuffix("minutes a week, more than a week has") }.count == 2)
        #expect(findings.allSatisfy { $0.rule == ProgramFileRules.invalid.id })

        let schedule = TrackSchedule.resolve(loaded.tracks[0], in: loaded)
        #expect(schedule.weeks.count == 2)
        // The track has mistakes in the file, so the weekly checks wait for them to be fixed; the
        // same track without them is summed without overflow.
        #expect(loaded.tracks[0].hasFileErrors)
        let track = loaded.tracks[0]
        var fixed = loaded
        fixed.tracks = [Track(id: track.id, name: track.name, meetings: track.meetings, otherSessions: track.otherSessions,
                              rotation: track.rotation, plan: track.plan, range: track.range)]
        let curriculum = Curriculum(root: ".", schema: ContentCheck.schema(), modules: [], program: fixed)
        let context = CheckContext(curriculum: curriculum, fileSystem: LocalFileSystem(), today: Fixtures.today, rootPath: ".")
        let hours = ProgramIntensityRule().check(context).filter { $0.rule == ProgramIntensityRule.hours.id }
        #expect(hours.first?.message.contains("adds up to 177 hours a week") == true)
    }

    /// `program-limits` near Int's limits overflowed when the program rules turned hours into
    /// minutes. Each limit now has a ceiling (a week's hours, a day's hours).
    @Test func programLimitsHaveACeiling() throws {
        let (schema, findings) = SchemaLoader.load(try Self.file("schema-limits-overflow.yaml"), knownRules: RuleCatalog.ids)
        #expect(schema == nil)
        #expect(findings.map(\.message) == ["'hours-per-week' should be two whole numbers from 0 to 168, lowest then highest",
                                             "'sessions-per-week' should be two whole numbers from 0 to 168, lowest then highest"])
        #expect(findings.map(\.range.start.line) == [7, 8])
    }

    // MARK: - Lone carriage returns (ModuleFuzzer invariant)

    /// cmark and Yams end a line at a lone "\r" (old Mac files); `SourceFile` did not, so a
    /// finding in such a file pointed at line 15 of a 1-line file. A lone "\r" now ends a line
    /// everywhere, and the front matter between its `---` lines is read.
    @Test func loneCarriageReturnsEndLines() throws {
        let module = try Self.module("carriage-return-lines.md")
        #expect(module.file.lineCount == 16)
        #expect(module.hasFrontMatter)
        #expect(module.id?.value == "carriage-returns")
        let findings = ContentCheck.findings(module).filter { $0.rule == PersonFirstRule.term.id }
        #expect(findings.map(\.range.start) == [CurriculumKit.SourceLocation(line: 15, column: 10)])
        #expect(module.file.line(15) == "He is an alcoholic.")

        let program = SourceFile(path: "program.yaml", text: "name: x\rweeks: [1,\r")
        let (_, syntax) = ProgramLoader.load(program)
        #expect(syntax.count == 1)
        #expect(syntax.allSatisfy { $0.range.start.line <= program.lineCount })
        #expect(SourceFile(path: "a", text: "a\r\nb\rc\n").lineCount == 4)
        #expect(SourceFile(path: "a", text: "a\r\nb\rc\n").line(1) == "a")
    }

    // MARK: - An alias as a mapping key (ConfigFuzzer probe of alias expansion)

    /// A mapping key that is an alias of a list of lists doubled forty times hung Yams's
    /// composer, which hashes every key in full to find duplicates, long before the node
    /// budget of the conversion applied. The expansion is now counted from libyaml's events
    /// before Yams composes, for schema.yaml and program.yaml alike.
    @Test(.timeLimit(.minutes(1))) func aliasBombAsAMappingKeyIsRefusedBeforeComposing() throws {
        let file = try Self.file("alias-key-bomb.yaml")
        let (program, programFindings) = ProgramLoader.load(file)
        #expect(program == nil)
        #expect(programFindings.map(\.rule) == [ProgramFileRules.yamlSyntax.id])
        #expect(programFindings.first?.message == "the YAML expands to too many values (more than the limit of the file)")
        #expect((3...42).contains(programFindings.first?.range.start.line ?? 0))
        let (schema, schemaFindings) = SchemaLoader.load(file, knownRules: RuleCatalog.ids)
        #expect(schema == nil)
        #expect(schemaFindings.map(\.rule) == [SetupRules.schemaSyntax.id])
    }

    @Test func aliasesWithinTheBudgetStillLoad() throws {
        let yaml = "a: &a [x, y]\nb: *a\n? *a\n: z\n"
        let node = try YAMLReader(allowAliases: true, nodeBudget: 50).read(yaml, firstLine: 1, in: SourceFile(path: "p.yaml", text: yaml))
        #expect(node?.mapping?.count == 3)
        #expect(YAMLExpansion.firstExcess(in: yaml, budget: 13) == nil)
        #expect(YAMLExpansion.firstExcess(in: yaml, budget: 12) != nil)
    }

    /// `review-months` and `max-module-kb` near Int's limits overflowed when months were added
    /// to a review date (ReviewDateRule) and kilobytes turned into bytes (CurriculumLoader).
    /// Both now have a ceiling: 100 years, and 1 GB.
    @Test func contentSettingsHaveACeiling() throws {
        let (schema, findings) = SchemaLoader.load(try Self.file("schema-settings-overflow.yaml"), knownRules: RuleCatalog.ids)
        #expect(schema == nil)
        #expect(findings.map(\.message) == ["'review-months' should be a number of months from 1 to 1200",
                                             "'max-module-kb' should be a size in kilobytes from 1 to 1048576 (1 GB)"])
        #expect(findings.map(\.range.start.line) == [8, 9])

        var settings = ContentCheck.schema()
        settings.content.reviewMonths = 1200
        let module = ContentCheck.module("Text.\n", frontMatter: ContentCheck.frontMatter.replacingOccurrences(of: "2026-10-01", with: "0001-01-01"))
        let stale = ContentCheck.findings(module, schema: settings).filter { $0.rule == ReviewDateRule.stale.id }
        #expect(stale.first?.message.contains("it was due by 0101-01-01") == true)
    }
}
