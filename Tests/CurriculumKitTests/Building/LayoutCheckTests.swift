import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumBuild

/// The layout check and the tagged PDFs, with the real WeasyPrint (Debian's 57.2) on a fixture
/// made to break badly: a long log at the bottom of a page, a heading at a page end, a log wider
/// than the page, and a packet cover that spills onto page 2 (templates and print.css of its own,
/// in Fixtures/layout-templates, so the sample's look can change without moving these breaks).
@Suite(.serialized) struct LayoutCheckTests {
    static let curriculum = Fixtures.path("layout")
    static let templates = Fixtures.path("layout-templates")
    static let module = "modules/breaks.md"

    static func engine() throws -> WeasyPrintEngine {
        let engine = WeasyPrintEngine.locate(timeoutPerDocument: 120)
        try #require(engine != nil && engine?.setupProblem == nil, "WeasyPrint is not installed (make deps)")
        return engine!
    }

    static func build(out: String, strict: Bool = false) throws -> BuildResult {
        let options = BuildOptions(out: out, pdf: true, jobs: 2, page: PageOptions(), templates: templates, today: Fixtures.today)
        return Builder(pdfEngine: try engine()).build(root: curriculum, options: options)
    }

    /// "file:line rule document" of every layout finding, sorted.
    static func layout(_ result: BuildResult, out: String) -> [String] {
        result.report.diagnostics.filter { $0.rule.hasPrefix("layout.") }.map { diagnostic in
            let file = diagnostic.file.replacingOccurrences(of: curriculum + "/", with: "").replacingOccurrences(of: templates + "/", with: "templates/")
            let document = diagnostic.message.split(separator: ":").first.map { String($0).replacingOccurrences(of: out + "/", with: "") } ?? ""
            return "\(file):\(diagnostic.range.start.line) \(diagnostic.rule) \(document)"
        }.sorted()
    }

    @Test func findingsPointAtTheModuleOrTemplateLineThatMadeTheElementAndComeBackOnEveryRun() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/out"
        let result = try Self.build(out: out)
        let found = Self.layout(result, out: out)
        #expect(found == [
            "modules/breaks.md:30 layout.split-block guides/breaks.pdf",
            "modules/breaks.md:30 layout.split-block handouts/breaks.pdf",
            "modules/breaks.md:30 layout.split-block packets/evening/week-01.pdf",
            "modules/breaks.md:39 layout.sparse-page guides/breaks.pdf",
            "modules/breaks.md:39 layout.sparse-page handouts/breaks.pdf",
            "modules/breaks.md:39 layout.split-block guides/breaks.pdf",
            "modules/breaks.md:39 layout.split-block handouts/breaks.pdf",
            "modules/breaks.md:45 layout.overflow guides/breaks.pdf",
            "modules/breaks.md:45 layout.overflow handouts/breaks.pdf",
            "modules/breaks.md:45 layout.overflow packets/evening/week-01.pdf",
            "templates/packet.mustache:5 layout.sparse-page packets/evening/week-01.pdf",
        ], "\(result.report.diagnostics.map { "\($0.file):\($0.range.start.line) \($0.message)" })")
        let messages = result.report.diagnostics.filter { $0.rule.hasPrefix("layout.") }.map(\.message)
        #expect(messages.contains { $0.contains("handouts/breaks.pdf: the log “My long log” is split across pages 1-2 although it fits on one page (") && $0.hasSuffix(" of the page's 9.0 in)") })
        #expect(messages.contains { $0.hasSuffix("handouts/breaks.pdf: the heading “Stranded” is the last thing on page 3; what it introduces starts on page 4") })
        #expect(messages.contains { $0.contains("packets/evening/week-01.pdf: page 2 of 6 is nearly empty") && $0.contains("call 911") })
        #expect(messages.contains { $0.contains("on page 5, the log “A very wide log” is") && $0.hasSuffix("wider than the page body") })
        // Warnings: the PDFs are written, and --strict fails.
        #expect(result.report.diagnostics.filter { $0.rule.hasPrefix("layout.") }.allSatisfy { $0.severity == .warning })
        #expect(result.exitCode(strict: false) == 0)
        #expect(result.exitCode(strict: true) == 1)
        #expect(FileManager.default.fileExists(atPath: out + "/handouts/breaks.pdf"))

        // A plain re-run makes no PDF again, and reports the same findings (issue 13, failure 9).
        for stamp in [true, false] {
            if !stamp { try FileManager.default.removeItem(atPath: out + "/" + BuildStamp.fileName) }
            let again = try Self.build(out: out)
            #expect(again.written.isEmpty)
            #expect(Self.layout(again, out: out) == found)
            #expect(again.exitCode(strict: true) == 1)
        }
    }

    /// Every PDF is tagged (PDF/UA-1) with its title and language; running headers, footers and
    /// page numbers are artifacts; header cells have their scope; a scale reads "0 to 10". Two
    /// builds give byte-identical PDFs.
    @Test func pdfsAreTaggedWithArtifactsScopesAndScaleTextAndReproducible() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try Self.build(out: folder + "/a")
        _ = try Self.build(out: folder + "/b")
        let documents = ["handouts/breaks.pdf", "guides/breaks.pdf", "packets/evening/week-01.pdf", "plans/evening/week-01.pdf"]
        for document in documents {
            let info = try Self.run("/usr/bin/env", ["pdfinfo", folder + "/a/" + document])
            #expect(info.contains("Tagged:          yes"), "\(document): \(info)")
            let a = FileManager.default.contents(atPath: folder + "/a/" + document)
            #expect(a != nil && a == FileManager.default.contents(atPath: folder + "/b/" + document), "\(document) differs between builds")
        }
        let report = try Self.run(try Self.engine().python, ["-c", Self.inspect, folder + "/a/handouts/breaks.pdf"])
        let facts = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any], "\(report)")
        #expect(facts["title"] as? String == "Page Breaks | Layout Fixture Program")
        #expect(facts["lang"] as? String == "en")
        // Every page has its header, footer and page number as artifacts, none of them in the
        // structure tree.
        let artifacts = facts["artifacts"] as? [Int] ?? []
        #expect(artifacts.count == 5 && artifacts.allSatisfy { $0 >= 3 }, "\(artifacts)")
        #expect(facts["structureText"] as? [String] == [], "empty structure elements left: \(facts)")
        #expect((facts["scopes"] as? [String] ?? []).sorted() == Array(repeating: "/Column", count: 6))
        #expect(facts["actualText"] as? [String] == ["0 to 10"])
        #expect(facts["figures"] as? [String] == ["A calm lake at dawn"])
    }

    /// What the tests read from a PDF with pikepdf: title, language, artifacts per page, the
    /// scopes of header cells, the ActualText values, and whether marked content of the running
    /// header or footer ("Layout Fixture Program", "Page N") is still in the structure tree.
    static let inspect = #"""
    import json, re, sys, pikepdf
    pdf = pikepdf.open(sys.argv[1])
    facts = {"title": str(pdf.docinfo.get("/Title", "")), "lang": str(pdf.Root.get("/Lang", "")),
             "artifacts": [], "scopes": [], "actualText": [], "figures": [], "structureText": []}
    for page in pdf.pages:
        facts["artifacts"].append(page.Contents.read_bytes().count(b"/Artifact"))
    def walk(element):
        if isinstance(element, pikepdf.Array):
            for kid in element: walk(kid)
        if isinstance(element, pikepdf.Dictionary) and "/S" in element:
            if "/Scope" in element: facts["scopes"].append(str(element.Scope))
            if "/ActualText" in element: facts["actualText"].append(str(element.ActualText))
            if element.S == "/Figure": facts["figures"].append(str(element.get("/Alt", "")))
            kids = element.get("/K")
            for kid in (kids if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []):
                walk(kid)
    walk(pdf.Root.StructTreeRoot.K)
    # Structure elements emptied by taking the artifacts out are gone from the tree.
    def empty(element):
        if isinstance(element, pikepdf.Dictionary) and "/S" in element:
            kids = element.get("/K")
            if isinstance(kids, pikepdf.Array):
                if len(kids) == 0: facts["structureText"].append(str(element.S))
                for kid in kids: empty(kid)
    empty(pdf.Root.StructTreeRoot.K)
    print(json.dumps(facts))
    """#

    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// The layout check reads WeasyPrint's laid-out boxes through `Page._page_box`, and the
    /// tagging hooks WeasyPrint's PDF/UA step: both are WeasyPrint internals. This fails, saying
    /// which, when a WeasyPrint upgrade moves them.
    @Test func theWeasyPrintInternalsTheCheckUsesAreThere() throws {
        let output = try Self.run(try Self.engine().python, ["-c", WeasyPrintEngine.script, "--self-test"])
        let answer = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "no answer: \(output)")
        #expect(answer["problems"] as? [String] == [],
                "WeasyPrint changed under the layout check or the tagging (Page._page_box, weasyprint.pdf.VARIANTS['pdf/ua-1'], stream.marked): \(output)")
    }
}
