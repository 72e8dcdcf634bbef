import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// Positions from cmark, moved into the file the user wrote: lines after the front matter,
/// columns in code points, lazy continuation lines corrected.
@Suite struct ParserPositionTests {
    let frontMatter = "---\nid: x\ntitle: X\n---\n"

    func nodes(_ body: String, where match: (MarkdownNode) -> Bool) -> [MarkdownNode] {
        let (module, _) = Fixtures.module(frontMatter + body)
        var found: [MarkdownNode] = []
        module?.body.walk { node in
            if match(node) { found.append(node) }
            return true
        }
        return found
    }

    func links(_ body: String) -> [CurriculumKit.SourceLocation] {
        nodes(body) {
            if case .link = $0.kind { return true }
            if case .image = $0.kind { return true }
            return false
        }.map(\.range.start)
    }

    @Test func bodyLinesCountFromTheTopOfTheFile() {
        let headings = nodes("\n# Title\n\n## Practice\n") { if case .heading = $0.kind { return true } else { return false } }
        #expect(headings.map(\.range.start) == [CurriculumKit.SourceLocation(line: 6, column: 1), CurriculumKit.SourceLocation(line: 8, column: 1)])
    }

    @Test func columnsCountCodePointsNotBytes() {
        // "Café — ünï " is 11 code points but 16 bytes.
        #expect(links("Café — ünï [a](b.md)\n") == [CurriculumKit.SourceLocation(line: 5, column: 12)])
        // An emoji outside the BMP is one code point (four bytes, two UTF-16 units).
        #expect(links("🙂 [a](b.md)\n") == [CurriculumKit.SourceLocation(line: 5, column: 3)])
    }

    @Test func endColumnIsExclusive() {
        let link = nodes("[ab](c)\n") { if case .link = $0.kind { return true } else { return false } }.first!
        #expect(link.range.end == CurriculumKit.SourceLocation(line: 5, column: 8))
    }

    @Test func lazyContinuationLinesInAQuote() {
        let body = "> first line\nlazy ü [x](y.md)\n> back [z](w.md)\n"
        #expect(links(body) == [CurriculumKit.SourceLocation(line: 6, column: 8), CurriculumKit.SourceLocation(line: 7, column: 8)])
    }

    @Test func continuationLinesInListItems() {
        let body = "- item one\n  next [x](y.md)\n\n   1. deep\n      deeper [z](w.md)\n"
        #expect(links(body) == [CurriculumKit.SourceLocation(line: 6, column: 8), CurriculumKit.SourceLocation(line: 9, column: 14)])
    }

    @Test func entitiesCountAsTheirSourceText() {
        // `&amp;` is five characters in the file although it reads as one.
        #expect(links("a &amp; b &#233; [x](y.md)\n") == [CurriculumKit.SourceLocation(line: 5, column: 18)])
    }

    @Test func tabsAreOneColumn() {
        #expect(links("\ta\t[x](y.md)\n").isEmpty)  // an indented code block: no link
        #expect(links("a\t[x](y.md)\n") == [CurriculumKit.SourceLocation(line: 5, column: 3)])
    }

    @Test func crlfLineEndings() {
        let (module, diagnostics) = Fixtures.module("---\r\nid: x\r\n---\r\n\r\nSee [x](y.md)\r\n")
        #expect(diagnostics.allSatisfy { $0.rule != "front-matter.unclosed" })
        var found: [CurriculumKit.SourceLocation] = []
        module?.body.walk { if case .link = $0.kind { found.append($0.range.start) }; return true }
        #expect(found == [CurriculumKit.SourceLocation(line: 5, column: 5)])
    }

    @Test func sectionsSplitAtLevelTwoHeadings() {
        let (module, _) = Fixtures.module(frontMatter + "# T\n\nIntro.\n\n## Key Points (15 min)\n\n- a\n\n## homework\n\nDo it.\n")
        let sections = module!.sections
        #expect(sections.map(\.name) == ["", "key points", "homework"])
        #expect(sections[1].minutes == 15)
        #expect(sections[1].title == "Key Points")
        #expect(module!.section("Homework") != nil)
    }

    @Test func referenceRendererIsCmarkSafeMode() {
        #expect(CmarkParser.referenceHTML("<b>x</b> *y*\n") == "<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --> <em>y</em></p>\n")
    }
}

/// Deep nesting neither crashes the conversion (no recursion, structure kept to
/// `CmarkParser.maxDepth` levels, text kept below) nor takes quadratic time.
@Suite struct DeepNestingTests {
    @Test func tenThousandNestedListsParse() {
        let body = String(repeating: "- ", count: 10_000) + "item\n"
        let file = SourceFile(path: "deep.md", text: body)
        let document = CmarkParser.parse(body: body, firstLine: 1, in: file)
        var depth = 0
        var node = document
        while let first = node.children.first { depth += 1; node = first }
        #expect(depth <= CmarkParser.maxDepth + 3)  // bounded, whatever the input depth
        #expect(document.plainText == "item")
        #expect(HTMLRenderer().render(document).hasSuffix("</ul>\n"))
    }

    @Test func nestingBelowTheLimitKeepsPositions() {
        let body = String(repeating: ">", count: 50) + " é [link](x.md)\n"
        let file = SourceFile(path: "deep.md", text: body)
        var links: [CurriculumKit.SourceLocation] = []
        CmarkParser.parse(body: body, firstLine: 1, in: file).walk { node in
            if case .link = node.kind { links.append(node.range.start) }
            return true
        }
        #expect(links == [CurriculumKit.SourceLocation(line: 1, column: 54)])
    }

    @Test func tenThousandNestedQuotesOnOneLineKeepTheirText() {
        let body = String(repeating: ">", count: 10_000) + " é [link](x.md)\n"
        let file = SourceFile(path: "deep.md", text: body)
        #expect(CmarkParser.parse(body: body, firstLine: 1, in: file).plainText == "é link")
    }
}
