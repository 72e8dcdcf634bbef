import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumRender

/// What a person holding the printed page sees (issue 14): log columns sized by their content,
/// scales with their end labels, Name and Date lines, the facilitator band on guides only.
@Suite struct PrintLayoutTests {
    /// The HTML of the first worksheet block in `markdown`, for `audience`.
    func widgetHTML(_ markdown: String, audience: Audience = .participant) throws -> String {
        let file = SourceFile(path: "m.md", text: markdown)
        let document = CmarkParser.parse(body: markdown, firstLine: 1, in: file)
        let block = try #require(document.children.first { if case .codeBlock = $0.kind { return true } else { return false } })
        let (widget, diagnostics) = try #require(WidgetParser.parse(block, in: file))
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return WidgetRenderer(audience: audience).render(try #require(widget))
    }

    /// The heading cells of the log in `html`: (width class, text).
    func headings(_ html: String) -> [(String, String)] {
        let pattern = #"<th scope="col" class="col-([a-z]+)">([^<]*)</th>"#
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { match in
            (String(html[Range(match.range(at: 1), in: html)!]), String(html[Range(match.range(at: 2), in: html)!]))
        }
    }

    @Test func logColumnsTakeTheWidthTheWriterSets() throws {
        let html = try widgetHTML("""
            ```{log} Craving log
            columns: Day (narrow) | What happened | Who I was with (medium) | Urge 0-10 (narrow) | Notes (wide)
            rows: 7
            ```
            """)
        let cells = headings(html)
        #expect(cells.map(\.0) == ["narrow", "wide", "medium", "narrow", "wide"])
        // The width word is not printed.
        #expect(cells.map(\.1) == ["Day", "What happened", "Who I was with", "Urge 0-10", "Notes"])
        #expect(!html.contains("(narrow)"))
        // A page the log goes on to repeats its title.
        #expect(html.contains("data-continued=\"Craving log (continued)\""))
    }

    @Test func logColumnsAreSizedByWhatGoesInThemByDefault() throws {
        let html = try widgetHTML("""
            ```{log} Week
            columns: Day | Time of day | What set it off | Strength 0-10 | How it went (0-10) | Did I keep it? | Would I go back? (yes/no)
            rows: Mon | Tue
            ```
            """)
        #expect(headings(html).map(\.0) == ["narrow", "narrow", "wide", "narrow", "narrow", "narrow", "narrow"])
        // Words in parentheses that are not a width stay in the heading.
        #expect(headings(html).last?.1 == "Would I go back? (yes/no)")
    }

    @Test func scalesCarryTheirEndLabelsAndCircleOne() throws {
        let html = try widgetHTML("""
            ```{worksheet} Rate it
            scale 0-10: How strong was the urge?
            ends: none | strongest
            scale 1-5: How calm do I feel?
            ```
            """)
        #expect(html.contains("<span class=\"scale-low\">0 = none</span><span class=\"scale-high\">10 = strongest</span>"))
        // Without an ends: line, the default labels.
        #expect(html.contains("<span class=\"scale-low\">1 = not at all</span><span class=\"scale-high\">5 = very much</span>"))
        #expect(html.components(separatedBy: "(circle one)").count == 3)
    }

    @Test func linesWithoutANumberGetTheDefaultAndOneMoreInLargePrint() throws {
        let html = try widgetHTML("""
            ```{worksheet}
            lines: What helped?
            lines 2: What did not?
            ```
            """)
        let parts = html.components(separatedBy: "What did not?")
        #expect(parts[0].components(separatedBy: "<div class=\"write-line\"></div>").count - 1 == WorksheetItem.defaultLines)
        #expect(parts[0].contains("<div class=\"write-line large-print-only\"></div>"))
        #expect(parts[1].components(separatedBy: "<div class=\"write-line\"></div>").count - 1 == 2)
        #expect(!parts[1].contains("large-print-only"))
    }

    @Test func newWorksheetSyntaxIsCheckedAtTheLineAndColumn() {
        let markdown = """
            ```{worksheet} W
            check: Done
            ends: none | strongest
            scale 0-10: How strong?
            ends: only one
            ```

            ```{log} L
            columns: Day (narow) | What
            rows: 7
            ```

            ```{log} N
            columns: Day (narrow) | Time (narrow)
            rows: 2
            ```
            """
        let file = SourceFile(path: "m.md", text: markdown)
        let document = CmarkParser.parse(body: markdown, firstLine: 1, in: file)
        var found: [String] = []
        for block in document.children {
            guard let (_, diagnostics) = WidgetParser.parse(block, in: file) else { continue }
            found += diagnostics.map { "\($0.rule) \($0.range.start.line):\($0.range.start.column) \($0.message)" }
        }
        #expect(found.count == 4, "\(found)")
        #expect(found.contains { $0.hasPrefix("widgets.syntax 3:1 an 'ends:' line must follow the scale") })
        #expect(found.contains { $0.hasPrefix("widgets.syntax 5:1 'ends:' needs") })
        #expect(found.contains { $0.hasPrefix("widgets.syntax 9:10 '(narow)' is not a column width") })
        #expect(found.contains { $0.hasPrefix("widgets.syntax 14:1 every column of this log is narrow") })
    }

    func options(_ out: String) -> BuildOptions {
        BuildOptions(out: out, pdf: false, jobs: 2, page: PageOptions(), templates: Fixtures.packageRoot + "/templates", today: Fixtures.today)
    }

    @Test func handoutsAndPacketsHaveNameAndDateLinesAndGuidesTheFacilitatorBand() throws {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let result = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: options(out))
        #expect(result.exitCode(strict: false) == 0)
        let handout = try String(contentsOfFile: out + "/handouts/skills.html", encoding: .utf8)
        let guide = try String(contentsOfFile: out + "/guides/skills.html", encoding: .utf8)
        let packet = try String(contentsOfFile: out + "/packets/evening/week-01.html", encoding: .utf8)
        let plan = try String(contentsOfFile: out + "/plans/evening/week-01.html", encoding: .utf8)
        let band = "<div class=\"facilitator-band\">Facilitator guide - not for participants</div>"

        // Name and date: first name or initials only, on handouts and packets.
        for page in [handout, packet] {
            #expect(page.contains("<p class=\"name-date\"><span class=\"fill-label\">Name (first name or initials)</span>"))
            #expect(page.contains("<span class=\"fill-label\">Date</span>"))
            #expect(!page.contains("facilitator-band"))
        }
        #expect(!guide.contains("name-date"))

        // The band is in the running header, so it prints on every page of the guide.
        #expect(guide.contains("<div class=\"running-header\">" + band))
        #expect(plan.contains("<div class=\"facilitator-band\">Facilitator session plan - not for participants</div>"))

        // The PDF title (<title>) tells the two apart.
        func title(_ html: String) -> String? {
            html.range(of: "<title>").flatMap { start in html.range(of: "</title>").map { String(html[start.upperBound..<$0.lowerBound]) } }
        }
        #expect(title(guide)?.hasPrefix("Facilitator guide: ") == true)
        #expect(title(handout) != title(guide))
        #expect(title(handout)?.contains("Facilitator") == false)

        // The fixture's log: Day and Urge 0-10 narrow, What I did wide.
        #expect(handout.contains("<th scope=\"col\" class=\"col-narrow\">Day</th><th scope=\"col\" class=\"col-narrow\">Urge 0-10</th><th scope=\"col\" class=\"col-wide\">What I did</th>"))
        #expect(handout.contains("<span class=\"scale-low\">0 = not at all</span>"))
        // The disclaimer once.
        #expect(handout.components(separatedBy: "does not replace advice").count == 2)
        #expect(packet.components(separatedBy: "does not replace advice").count == 2)
    }

    /// A worksheet of `count` two-line prompts (0.36 in + 2 writing lines each, with the frame).
    func worksheet(prompts count: Int) -> String {
        "```{worksheet} Plan\n" + (1...count).map { "lines 2: Prompt \($0)\n" }.joined() + "```\n"
    }

    func classes(_ html: String) -> Set<String> {
        guard let start = html.range(of: "class=\""), let end = html[start.upperBound...].firstIndex(of: "\"") else { return [] }
        return Set(html[start.upperBound..<end].split(separator: " ").map(String.init))
    }

    @Test func onlyAWorksheetTallerThanThePageMayBreak() throws {
        // Six two-line prompts: about 8 in at the normal size, which fits a letter or A4 page,
        // so it is kept whole (it used to be marked tall at 7.6 in and broke); large print no.
        let six = classes(try widgetHTML(worksheet(prompts: 6)))
        #expect(six == ["worksheet", "ws-tall-large"], "\(six)")
        // Seven: about 9.4 in, taller than a letter page body (8.9 in) and within the estimate's
        // margin of an A4 one (9.55 in), so it may break at both sizes.
        let seven = classes(try widgetHTML(worksheet(prompts: 7)))
        #expect(seven == ["worksheet", "ws-tall", "ws-tall-a4", "ws-tall-large"], "\(seven)")
        // Ten: taller than any page.
        let ten = classes(try widgetHTML(worksheet(prompts: 10)))
        #expect(ten == ["worksheet", "ws-tall", "ws-tall-a4", "ws-tall-large"], "\(ten)")
        // Three: whole at every size.
        #expect(classes(try widgetHTML(worksheet(prompts: 3))) == ["worksheet"])
        // The guide prints shorter writing lines: seven prompts fit its page.
        #expect(classes(try widgetHTML(worksheet(prompts: 7), audience: .facilitator)) == ["worksheet", "ws-tall-large"])
    }

    @Test func aSessionWithoutAnAgendaPrintsANoteNotAnEmptyTable() throws {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let result = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: options(out))
        #expect(result.exitCode(strict: false) == 0)
        let plan = try String(contentsOfFile: out + "/plans/evening/week-01.html", encoding: .utf8)
        let counseling = try #require(plan.range(of: "Individual counseling</h2>"))
        let rest = plan[counseling.upperBound...]
        let end = rest.range(of: "</section>")?.lowerBound ?? rest.endIndex
        #expect(rest[..<end].contains("No group agenda: a one-to-one session."))
        #expect(!rest[..<end].contains("<table"))
    }

    @Test func theDisclaimerAModuleWritesIsNotPrintedTwice() throws {
        let (module, _) = Fixtures.module("""
            ---
            id: m
            title: M
            ---

            # M

            This handout is for learning. It does not replace advice from your own doctor or counselor.

            ## Key points

            - Sleep helps.
            - This handout is for learning. It does not replace advice from your own doctor or counselor.

            Keep this: it does not replace advice, but it is not the disclaimer paragraph.
            """)
        let body = ModuleRenderer(audience: .participant).body(try #require(module), dropDisclaimer: true)
        #expect(!body.contains("This handout is for learning"))
        #expect(body.contains("Sleep helps."))
        #expect(body.contains("Keep this"))
        // Without the option (the facilitator guide), the module's text is printed as written.
        #expect(ModuleRenderer(audience: .participant).body(module!).components(separatedBy: "This handout is for learning").count == 3)
    }
}
