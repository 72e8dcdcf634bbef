import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumRender

/// Our `HTMLRenderer` against cmark's own HTML renderer (safe mode, default options) on every
/// example of the CommonMark 0.30 spec, the version of the libcmark we link (0.30.2).
@Suite struct CommonMarkParityTests {
    struct Example: Decodable {
        let markdown: String
        let html: String
        let example: Int
        let section: String
    }

    /// Examples whose output may differ from cmark's, each with the reason. Empty: every
    /// example matches byte for byte.
    static let departures: [Int: String] = [:]

    static let examples: [Example] = {
        let path = Fixtures.path("reference/commonmark-spec-0.30.json")
        let data = try! Data(contentsOf: URL(fileURLWithPath: path))
        return try! JSONDecoder().decode([Example].self, from: data)
    }()

    static func ours(_ markdown: String) -> String {
        let file = SourceFile(path: "x.md", text: markdown)
        return HTMLRenderer().render(CmarkParser.parse(body: markdown, firstLine: 1, in: file))
    }

    @Test func theFixtureHoldsAllSpecExamples() {
        #expect(Self.examples.count == 652)
        #expect(Self.examples.map(\.example) == Array(1...652))
    }

    @Test func everySpecExampleRendersAsCmarkDoes() {
        var matched = 0
        for example in Self.examples where Self.departures[example.example] == nil {
            let ours = Self.ours(example.markdown)
            let reference = CmarkParser.referenceHTML(example.markdown)
            #expect(ours == reference, "example \(example.example) (\(example.section))")
            if ours == reference { matched += 1 }
        }
        #expect(matched == Self.examples.count - Self.departures.count)
    }

    /// Every example again inside a block quote, a bullet item and a loose ordered item, where
    /// tightness, `cr` newlines and nesting all change.
    @Test func everySpecExampleRendersAsCmarkDoesWhenNested() {
        for example in Self.examples where Self.departures[example.example] == nil {
            let lines = example.markdown.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            let quoted = lines.map { "> " + $0 }.joined(separator: "\n") + "\n"
            let bulleted = "-" + lines.map { "  " + $0 }.joined(separator: "\n").dropFirst() + "\n- b\n"
            let numbered = "1. a\n\n" + lines.map { "   " + $0 }.joined(separator: "\n") + "\n"
            for markdown in [quoted, bulleted, numbered] {
                #expect(Self.ours(markdown) == CmarkParser.referenceHTML(markdown), "example \(example.example) nested: \(markdown)")
            }
        }
    }

    /// Keeps the list of departures honest: an example listed there must still differ.
    @Test func listedDeparturesStillDiffer() {
        for example in Self.examples where Self.departures[example.example] != nil {
            #expect(Self.ours(example.markdown) != CmarkParser.referenceHTML(example.markdown),
                    "example \(example.example) now matches; remove it from the departures")
        }
    }

    /// Where the spec's own answer has no raw HTML and no URL that safe mode drops, safe-mode
    /// cmark gives exactly the spec's answer; so do we.
    @Test func examplesWithoutRawHTMLMatchTheSpec() {
        var compared = 0
        for example in Self.examples where Self.departures[example.example] == nil {
            let reference = CmarkParser.referenceHTML(example.markdown)
            guard !reference.contains("<!-- raw HTML omitted -->"), reference == example.html else { continue }
            #expect(Self.ours(example.markdown) == example.html, "example \(example.example)")
            compared += 1
        }
        #expect(compared > 550)
    }
}
