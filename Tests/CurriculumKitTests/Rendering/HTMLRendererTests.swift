import Testing
@testable import CurriculumKit
@testable import CurriculumRender

/// Safety, escaping, deep nesting and the block override of `HTMLRenderer`.
@Suite struct HTMLRendererTests {
    func parse(_ markdown: String) -> MarkdownNode {
        CmarkParser.parse(body: markdown, firstLine: 1, in: SourceFile(path: "x.md", text: markdown))
    }

    func render(_ markdown: String, _ renderer: HTMLRenderer = HTMLRenderer()) -> String {
        renderer.render(parse(markdown))
    }

    @Test func scriptInTextIsEscapedOrOmitted() {
        // An inline tag is raw HTML: omitted. Escaped angle brackets print as text.
        #expect(render("a <script>alert(1)</script> b\n") == "<p>a <!-- raw HTML omitted -->alert(1)<!-- raw HTML omitted --> b</p>\n")
        #expect(render("\\<script>alert(\"x\") & co\n") == "<p>&lt;script&gt;alert(&quot;x&quot;) &amp; co</p>\n")
        #expect(render("<script>\nalert(1)\n</script>\n") == "<!-- raw HTML omitted -->\n")
        #expect(render("`<script>`\n") == "<p><code>&lt;script&gt;</code></p>\n")
    }

    @Test func scriptInTitleIsEscaped() {
        let markdown = "[a](/u \"<script>alert('x')</script>\") ![i](/p.png \"<b>&\")\n"
        let html = render(markdown)
        #expect(html == "<p><a href=\"/u\" title=\"&lt;script&gt;alert('x')&lt;/script&gt;\">a</a> <img src=\"/p.png\" alt=\"i\" title=\"&lt;b&gt;&amp;\" /></p>\n")
        #expect(html == CmarkParser.referenceHTML(markdown))
    }

    @Test func scriptInHeadingAndAltTextIsEscaped() {
        let markdown = "# \\<script> &amp; \\\"\n\n![<em>x</em> `<y>`](a.png)\n"
        #expect(render(markdown) == "<h1>&lt;script&gt; &amp; &quot;</h1>\n<p><img src=\"a.png\" alt=\"&lt;em&gt;x&lt;/em&gt; &lt;y&gt;\" /></p>\n")
        #expect(render(markdown) == CmarkParser.referenceHTML(markdown))
    }

    @Test func dangerousURLsGetAnEmptyTarget() {
        #expect(render("[x](javascript:alert(1))\n") == "<p><a href=\"\">x</a></p>\n")
        #expect(render("[x](JaVaScRiPt:alert(1) \"t\")\n") == "<p><a href=\"\" title=\"t\">x</a></p>\n")
        #expect(render("<vbscript:x>\n") == "<p><a href=\"\">vbscript:x</a></p>\n")
        #expect(render("![x](file:///etc/passwd)\n") == "<p><img src=\"\" alt=\"x\" /></p>\n")
        #expect(render("![x](data:text/html,hi)\n") == "<p><img src=\"\" alt=\"x\" /></p>\n")
        #expect(render("![x](DATA:image/PNG;base64,AA==)\n") == "<p><img src=\"DATA:image/PNG;base64,AA==\" alt=\"x\" /></p>\n")
    }

    @Test func isSafeURLFollowsCmarksRule() {
        for url in ["javascript:x", "JAVASCRIPT:x", "vbscript:", "file:/a", "data:", "data:text/plain,x", "data:image/svg+xml,x", "data:image/pn"] {
            #expect(!HTMLRenderer.isSafeURL(url), "\(url)")
        }
        for url in ["", "https://x.org", "/a/b", "javascript", " javascript:x", "data:image/png", "data:image/gif;x", "Data:Image/Jpeg,x", "data:image/webp", "mailto:a@b"] {
            #expect(HTMLRenderer.isSafeURL(url), "\(url)")
        }
    }

    @Test func escapersMatchHoudini() {
        #expect(HTMLRenderer.escapeText("a & b < c > d \"e\" 'f' /g é") == "a &amp; b &lt; c &gt; d &quot;e&quot; 'f' /g é")
        #expect(HTMLRenderer.escapeText("") == "")
        #expect(HTMLRenderer.escapeHref("/a b?x=1&y='2'#z") == "/a%20b?x=1&amp;y=&#x27;2&#x27;#z")
        #expect(HTMLRenderer.escapeHref("ä[]{}|\\^`<>\"\t") == "%C3%A4%5B%5D%7B%7D%7C%5C%5E%60%3C%3E%22%09")
        #expect(HTMLRenderer.escapeHref("-_.+!*(),%#@?=;:/$~azAZ09") == "-_.+!*(),%#@?=;:/$~azAZ09")
    }

    @Test func everyASCIIByteEscapesAsCmarkDoes() {
        for byte in UInt8(1)...UInt8(127) where byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\r") {
            let c = String(UnicodeScalar(byte))
            for markdown in ["a\\\(c)b [l](u\\\(c)v \"t\\\(c)\")\n", "```x\\\(c)y z\n\(c)\n```\n"] {
                #expect(render(markdown) == CmarkParser.referenceHTML(markdown), "byte \(byte)")
            }
        }
    }

    @Test func tenThousandNestedBlockQuotesRender() {
        // The parser keeps `CmarkParser.maxDepth` levels of structure and flattens what is
        // deeper, keeping its text: the quote renders, bounded, with its words.
        let depth = 10_000
        let markdown = String(repeating: ">", count: depth) + " deep\n"
        let html = render(markdown)
        let opened = html.components(separatedBy: "<blockquote>").count - 1
        #expect(opened >= CmarkParser.maxDepth - 2 && opened <= CmarkParser.maxDepth)
        #expect(opened == html.components(separatedBy: "</blockquote>").count - 1)
        #expect(html.contains("deep"))
    }

    /// 10,000 nested lists make a tree 20,000 levels deep. The tree is built by hand: this
    /// tests the renderer, and `CmarkParser`'s recursive conversion does not reach that depth.
    @Test func tenThousandNestedListsRender() {
        let depth = 10_000
        let here = SourceRange.at(line: 1)
        var node = MarkdownNode(kind: .paragraph, range: here, children: [MarkdownNode(kind: .text("x"), range: here)])
        for _ in 0..<depth {
            let item = MarkdownNode(kind: .item, range: here, children: [node])
            node = MarkdownNode(kind: .list(ordered: false, start: 0, tight: true, delimiter: "."), range: here, children: [item])
        }
        let html = HTMLRenderer().render(MarkdownNode(kind: .document, range: here, children: [node]))
        #expect(html.hasPrefix("<ul>\n<li>\n<ul>\n<li>"))
        #expect(html == CmarkParser.referenceHTML(String(repeating: "- ", count: depth) + "x\n"))
    }

    @Test func blockOverrideReplacesAWorksheetBlock() {
        let markdown = "Intro\n\n```{worksheet} Fractions\nlines: What is 1/2 + 1/4?\n```\n\n```swift\nlet a = 1\n```\n"
        let renderer = HTMLRenderer { node in
            guard case .codeBlock(let info, let literal, _) = node.kind,
                  WidgetParser.directive(of: info)?.name == "worksheet" else { return nil }
            return "<section class=\"worksheet\">" + HTMLRenderer.escapeText(literal) + "</section>\n"
        }
        #expect(render(markdown, renderer) == """
            <p>Intro</p>
            <section class="worksheet">lines: What is 1/2 + 1/4?
            </section>
            <pre><code class="language-swift">let a = 1
            </code></pre>

            """)
    }

    @Test func blockOverrideCanDropAContainerWithItsChildren() {
        let markdown = "- one\n- > facilitator only\n- three\n"
        let renderer = HTMLRenderer { node in
            if case .blockQuote = node.kind { return "" }
            return nil
        }
        #expect(render(markdown, renderer) == "<ul>\n<li>one</li>\n<li></li>\n<li>three</li>\n</ul>\n")
        #expect(render(markdown) == CmarkParser.referenceHTML(markdown))
    }

    @Test func renderChildrenOmitsTheNodesOwnMarkup() {
        let document = parse("> *a* b\n")
        let quote = document.children[0]
        #expect(HTMLRenderer().renderChildren(quote) == "<p><em>a</em> b</p>\n")
        #expect(HTMLRenderer().renderChildren(quote.children[0]) == "<em>a</em> b")
        #expect(HTMLRenderer().render(quote.children[0].children[0]) == "<em>a</em>")
        #expect(HTMLRenderer().renderChildren(document) == HTMLRenderer().render(document))
    }

    @Test func tightAndLooseListsAndStartNumbers() {
        for markdown in ["3. a\n4. b\n", "0. a\n\n   b\n", "- a\n\n- b\n", "1) x\n   - y\n\n     z\n"] {
            #expect(render(markdown) == CmarkParser.referenceHTML(markdown), "\(markdown)")
        }
        #expect(render("3. a\n4. b\n") == "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n")
    }
}
