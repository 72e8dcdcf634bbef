import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumRender

/// HTML escaping of values, located parse errors, and how `TemplateSet` reports them.
@Suite struct TemplateEngineTests {
    func render(_ template: String, _ data: [String: TemplateValue], escapeHTML: Bool = true) throws -> String {
        try CompiledTemplate(template).render(data, escapeHTML: escapeHTML)
    }

    func syntaxError(_ template: String) -> TemplateSyntaxError? {
        do {
            _ = try CompiledTemplate(template)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Escaping

    @Test(arguments: [("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ("\"", "&quot;"), ("'", "&#39;")])
    func eachSpecialCharacterIsEscaped(_ character: String, _ entity: String) throws {
        #expect(try render("{{v}}", ["v": .string(character)]) == entity)
        #expect(try render("{{v}}", ["v": .string("a\(character)b")]) == "a\(entity)b")
        #expect(try render("{{v}}", ["v": .string("\(character)\(character)")]) == entity + entity)
        #expect(try render("{{{v}}}", ["v": .string(character)]) == character)
    }

    @Test func textWithoutSpecialCharactersIsCopiedWhole() throws {
        let long = String(repeating: "Plain text, numbers 0-9; (ok) = [fine] ~ ü · 😀 ", count: 200)
        #expect(try render("{{v}}", ["v": .string(long)]) == long)
        #expect(try render("{{v}}", ["v": ""]) == "")
    }

    @Test func escapingKeepsMultibyteCharactersAroundSpecialOnes() throws {
        #expect(try render("{{v}}", ["v": "é<ü>&😀\"'·"]) == "é&lt;ü&gt;&amp;😀&quot;&#39;·")
        // A combining mark after '<' does not hide it from the escaper (bytes, not Characters).
        #expect(try render("{{v}}", ["v": "<\u{301}"]) == "&lt;\u{301}")
    }

    @Test func templateTextIsNeverEscaped() throws {
        #expect(try render("<p class=\"a\">&amp; {{v}}</p>", ["v": "&"]) == "<p class=\"a\">&amp; &amp;</p>")
    }

    @Test func withoutHTMLEscapingValuesAreInsertedAsWritten() throws {
        #expect(try render("title: {{t}}", ["t": "Tom & Jerry's <Plan> \"x\""], escapeHTML: false) == "title: Tom & Jerry's <Plan> \"x\"")
    }

    @Test func utf8ValuesRenderLikeStrings() throws {
        let bytes: TemplateValue = .utf8(Array("<b>café & co</b>".utf8))
        #expect(try render("{{v}}|{{{v}}}|{{#v}}shown{{/v}}|{{^v}}hidden{{/v}}", ["v": bytes]) == "&lt;b&gt;café &amp; co&lt;/b&gt;|<b>café & co</b>|shown|")
    }

    @Test func listsAndObjectsPrintNothingAsVariables() throws {
        #expect(try render("[{{l}}|{{o}}]", ["l": ["a"], "o": ["k": "v"]]) == "[|]")
    }

    // MARK: - Parse errors

    // MARK: - Hostile templates (an edited templates folder in a pull request)

    @Test func sectionsNestedTooDeepAreRefusedWhereTheyGoTooDeep() throws {
        let depth = TemplateParser.maximumNesting + 50
        let template = String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        let error = try #require(syntaxError(template))
        #expect(error.line == 1 && error.column == TemplateParser.maximumNesting * 6 + 1)
        #expect(error.message.contains("nested more than \(TemplateParser.maximumNesting) deep"))
    }

    @Test func aPartialThatIncludesItselfTwiceStopsAtABudget() throws {
        let library = TemplateLibrary(["p": try CompiledTemplate("x{{>p}}{{>p}}"), "page": try CompiledTemplate("{{>p}}")])
        let out = try #require(library.render("page", [:]))
        #expect(out.count == TemplateRenderer.maximumPartialExpansions)
        #expect(out.allSatisfy { $0 == "x" })
    }

    @Test func anUnclosedSectionPointsAtItsOpeningTag() throws {
        let error = try #require(syntaxError("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n</ul>\n"))
        #expect(error.line == 2 && error.column == 3)
        #expect(error.message == "the section {{#items}} is never closed")
        #expect(error.fix == "add {{/items}} where the section ends")
    }

    @Test func aMismatchedCloseNamesBothTags() throws {
        let error = try #require(syntaxError("{{#a}}\n{{^b}}x\n{{/a}}\n{{/b}}\n"))
        #expect(error.line == 3 && error.column == 1)
        #expect(error.message == "{{/a}} does not match the open section {{^b}} (line 2, column 1)")
        #expect(error.fix.contains("{{/b}}"))
    }

    @Test func aCloseWithoutAnOpenIsAnError() throws {
        let error = try #require(syntaxError("text\nmore {{/done}}"))
        #expect(error.line == 2 && error.column == 6)
        #expect(error.message == "{{/done}} closes a section that was never opened")
    }

    @Test func anUnclosedTagPointsAtItsStart() throws {
        let error = try #require(syntaxError("é {{title\n<p>\n"))
        #expect(error.line == 1 && error.column == 3, "columns count code points, so é is one")
        #expect(error.message == "the tag opened here is never closed with }}")
        let triple = try #require(syntaxError("{{{body}}\n"))
        #expect(triple.message == "the tag opened here is never closed with }}}")
        let comment = try #require(syntaxError("a\n{{! note"))
        #expect(comment.line == 2 && comment.column == 1)
    }

    @Test func otherMistakesAreLocated() throws {
        let cases: [(String, String)] = [
            ("{{first name}}", "the tag name 'first name' has a space in it"),
            ("{{}}", "the tag has no name"),
            ("{{ #a}}{{/a}}", "the tag '#a' has a space before its '#'"),
            ("{{uppercased(title)}}", "'uppercased(title)' is a transform, which these templates do not support"),
            ("{{a..b}}", "the name 'a..b' has an empty part between its dots"),
            ("{{=<%=}}", "the delimiter tag {{=<%=}} should hold two delimiters separated by a space"),
            ("{{% CONTENT_TYPE: TEXT }}", "{{% CONTENT_TYPE: TEXT }} is a pragma, which these templates do not support"),
            ("{{<parent}}{{/parent}}", "{{<parent}} is template inheritance, which these templates do not support"),
        ]
        for (template, message) in cases {
            let error = try #require(syntaxError("ok\n  " + template))
            #expect(error.message == message, "\(template)")
            #expect(error.line == 2 && error.column == 3, "\(template)")
        }
    }

    @Test func aBrokenTemplateIsALocatedSetupDiagnostic() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: Fixtures.packageRoot + "/templates", toPath: folder + "/templates")
        let handout = folder + "/templates/handout.mustache"
        let text = try String(contentsOfFile: handout, encoding: .utf8)
        try text.replacingOccurrences(of: "{{/hasWordsToKnow}}", with: "").write(toFile: handout, atomically: true, encoding: .utf8)
        guard case .failure(let failure) = TemplateSet.load(folder: folder + "/templates", fileSystem: LocalFileSystem()) else {
            Issue.record("the broken template should not load")
            return
        }
        let diagnostic = try #require(failure.diagnostics.first)
        #expect(diagnostic.rule == "setup.templates")
        #expect(diagnostic.file.hasSuffix("templates/handout.mustache"))
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("{{#hasWordsToKnow}}") }! + 1
        #expect(diagnostic.range.start.line == line && diagnostic.range.start.column == 3)
        #expect(diagnostic.message == "the template cannot be parsed: the section {{#hasWordsToKnow}} is never closed")
        #expect(diagnostic.fix?.summary == "add {{/hasWordsToKnow}} where the section ends")
    }

    @Test func theProjectTemplatesParse() {
        guard case .success(let set) = TemplateSet.load(folder: Fixtures.packageRoot + "/templates", fileSystem: LocalFileSystem()) else {
            Issue.record("the project's templates should load")
            return
        }
        for name in ["page", "handout", "guide", "index", "packet", "session-plan", "coverage", "running-header", "help-lines"] {
            #expect(set.has(name), "\(name)")
        }
    }
}
