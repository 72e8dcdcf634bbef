import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumBuild

/// A PDF engine for tests: copies the HTML into the PDF's place, so the build's bookkeeping
/// can be tested without WeasyPrint (the CLI tests run the real one).
struct CopyingPDFEngine: PDFEngine {
    let calls = Locked(0)

    func render(_ jobs: [PDFJob], root: String, jobsInParallel: Int, sourceDateEpoch: Int) -> [PDFFailure] {
        calls.withValue { $0 += jobs.count }
        for job in jobs { try? FileManager.default.copyItem(atPath: job.html, toPath: job.temporary) }
        return []
    }
}

@Suite struct BuildTests {
    let templates = Fixtures.packageRoot + "/templates"

    func options(_ out: String, pdf: Bool = false) -> BuildOptions {
        BuildOptions(out: out, pdf: pdf, jobs: 2, page: PageOptions(), templates: templates, today: Fixtures.today)
    }

    func files(in folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for path in (try? FileManager.default.subpathsOfDirectory(atPath: folder)) ?? [] {
            if let data = FileManager.default.contents(atPath: folder + "/" + path), FileManager.default.fileExists(atPath: folder + "/" + path) {
                var isDir: ObjCBool = false
                FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDir)
                if !isDir.boolValue { out[path] = data }
            }
        }
        return out
    }

    @Test func buildWritesTheLayout() throws {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let result = Builder(pdfEngine: CopyingPDFEngine()).build(root: Fixtures.path("build"), options: options(out, pdf: true))
        #expect(result.exitCode(strict: false) == 0, "\(result.report.diagnostics)")
        let written = Set(files(in: out).keys)
        for expected in ["handouts/skills.html", "handouts/skills.pdf", "guides/skills.html", "guides/skills.pdf",
                         "handouts/basics.html", "guides/basics.pdf", "index.html", "assets/print.css", BuildManifest.fileName] {
            #expect(written.contains(expected), "missing \(expected)")
        }
        #expect(!written.contains { $0.contains(AtomicWriter.temporaryMarker) }, "temporary files left behind")
        // Images are copied into the build and links between modules go to their handouts.
        #expect(written.contains("assets/images/calm lake.png"))
        let basics = String(decoding: files(in: out)["handouts/basics.html"]!, as: UTF8.self)
        #expect(basics.contains("<img src=\"../assets/images/calm%20lake.png\" alt=\"A calm lake at dawn\" />"))
        #expect(basics.contains("<a href=\"../handouts/skills.html#practice\">"))
        // Glossary terms the handout uses get a "Words to know" box; others are left out.
        #expect(basics.contains("<div class=\"term\"><dt>recovery</dt> <dd>A process of change toward better health and a life you choose.</dd></div>"))
        #expect(!basics.contains("naloxone"))
        let skills = String(decoding: files(in: out)["handouts/skills.html"]!, as: UTF8.self)
        #expect(!skills.contains("Words to know"))
        let index = String(decoding: files(in: out)["index.html"]!, as: UTF8.self)
        #expect(index.contains("Fixture Evening Program"))
        #expect(index.contains("href=\"handouts/basics.pdf\""))
    }

    @Test func everyTemplateValueIsEscaped() throws {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        _ = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: options(out))
        for document in ["handouts/skills.html", "guides/skills.html", "index.html", "packets/evening/week-01.html",
                         "plans/evening/week-01.html", "coverage.html"] {
            let html = try String(contentsOfFile: out + "/" + document, encoding: .utf8)
            #expect(!html.contains("<script"), "\(document) has a script tag")
            let tags = FacilitatorText.tags(in: html)
            #expect(!tags.contains { $0.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) != nil }, "\(document) has an event handler")
            #expect(!tags.contains { $0.contains("javascript:") }, "\(document) has a javascript: URL")
            #expect(!tags.contains { $0.hasPrefix("<img") && !$0.contains("assets/images/calm%20lake.png") },
                    "\(document) has an image the modules did not ask for")
        }
        let handout = try String(contentsOfFile: out + "/handouts/skills.html", encoding: .utf8)
        #expect(handout.contains("Coping &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Quotes&quot;"))
        #expect(handout.contains("Try it &lt;now&gt;"))
        #expect(handout.contains("Name two &lt;b&gt;ways&lt;/b&gt; to cope"))
        let guide = try String(contentsOfFile: out + "/guides/skills.html", encoding: .utf8)
        #expect(guide.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    @Test func facilitatorContentNeverReachesParticipants() throws {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let result = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: options(out))
        #expect(result.exitCode(strict: false) == 0)
        let handout = try String(contentsOfFile: out + "/handouts/skills.html", encoding: .utf8)
        let guide = try String(contentsOfFile: out + "/guides/skills.html", encoding: .utf8)
        for marker in ["FACILITATOR-ANSWER-ALPHA", "FACILITATOR-BLOCK-BETA", "FACILITATOR-NOTES-GAMMA"] {
            #expect(!handout.contains(marker), "\(marker) leaked into the participant handout")
            #expect(guide.contains(marker), "\(marker) missing from the facilitator guide")
        }
        let basics = try String(contentsOfFile: out + "/handouts/basics.html", encoding: .utf8)
        #expect(!basics.contains("FACILITATOR-BLOCK-DELTA"))
        // Participant content is all in the handout.
        #expect(handout.contains("What helps me &lt;most&gt;?"))
        #expect(handout.contains("I practiced breathing"))
        #expect(handout.contains("<th scope=\"row\">Sun</th>"))
    }

    @Test func sampleCurriculumKeepsFacilitatorTextOutOfHandouts() throws {
        let root = Fixtures.packageRoot + "/curriculum"
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let result = Builder(pdfEngine: nil).build(root: root, options: options(out))
        #expect(result.exitCode(strict: false) == 0, "\(result.report.diagnostics.prefix(3))")
        let curriculum = try #require(CurriculumLoader().load(root: root).curriculum)
        var checked = 0
        for module in curriculum.modules {
            let handout = FacilitatorText.visibleText(ofHTML: try String(contentsOfFile: out + "/handouts/\(module.id!.value).html", encoding: .utf8))
            for fragment in FacilitatorText.fragments(of: module) {
                #expect(!handout.contains(fragment), "\(module.path): facilitator text in the handout: \(fragment)")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func rebuildsAreByteIdentical() throws {
        let first = Fixtures.temporaryFolder() + "/a"
        let second = Fixtures.temporaryFolder() + "/b"
        defer {
            try? FileManager.default.removeItem(atPath: PathUtil.directory(of: first))
            try? FileManager.default.removeItem(atPath: PathUtil.directory(of: second))
        }
        _ = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: options(first))
        _ = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: options(second))
        // Every output is identical; the build's own bookkeeping files (.curriculum-*) may differ.
        let a = files(in: first).filter { !$0.key.hasPrefix(".") }, b = files(in: second).filter { !$0.key.hasPrefix(".") }
        #expect(a.count > 5)
        #expect(a == b)
    }

    @Test func unchangedModulesAreNotRenderedAgain() throws {
        let root = Fixtures.copy("build")
        let out = PathUtil.directory(of: root) + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let engine = CopyingPDFEngine()
        let first = Builder(pdfEngine: engine).build(root: root, options: options(out, pdf: true))
        // 2 modules x (handout, guide) + index + stylesheet + 2 weeks x (packet, plan, group notes,
        // sign-in sheets) + coverage HTML and CSV, an image, and a PDF of each handout, guide,
        // packet, plan, group notes and sign-in sheets (no family module: no family packet).
        #expect(first.written.count == 29)
        let pdfsAfterFirst = engine.calls.current
        #expect(pdfsAfterFirst == 12)

        let second = Builder(pdfEngine: engine).build(root: root, options: options(out, pdf: true))
        #expect(second.written == [])
        #expect(second.unchanged == 29)
        #expect(engine.calls.current == pdfsAfterFirst)

        // Change one module: only its handout and guide, and the packets, plans and group notes
        // of the weeks that teach it (with their PDFs), are made again; not the sign-in sheets.
        let path = root + "/modules/basics.md"
        let text = try String(contentsOfFile: path, encoding: .utf8).replacingOccurrences(of: "Treatment works.", with: "Treatment works for many people.")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let third = Builder(pdfEngine: engine).build(root: root, options: options(out, pdf: true))
        let weekly = ["packets/evening/week-01", "packets/evening/week-02", "plans/evening/week-01", "plans/evening/week-02",
                      "notes/evening/week-01", "notes/evening/week-02"]
        let expected = ["handouts/basics", "guides/basics"] + weekly
        #expect(Set(third.written) == Set(expected.flatMap { [$0 + ".html", $0 + ".pdf"] }))

        // Another paper size is another set of outputs: the cache keys on the options.
        var a4 = options(out, pdf: true)
        a4.page = PageOptions(paper: .a4, largePrint: false)
        let fourth = Builder(pdfEngine: engine).build(root: root, options: a4)
        #expect(fourth.written.count == 27)  // everything but the stylesheet and the image
        let handout = try String(contentsOfFile: out + "/handouts/basics.html", encoding: .utf8)
        #expect(handout.contains("size: A4"))
    }

    @Test func aChangedTemplateRendersEverythingAgain() throws {
        let root = Fixtures.copy("build")
        let folder = PathUtil.directory(of: root)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: templates, toPath: folder + "/templates")
        var opts = options(folder + "/out")
        opts.templates = folder + "/templates"
        _ = Builder(pdfEngine: nil).build(root: root, options: opts)
        let guideTemplate = folder + "/templates/guide.mustache"
        let text = try String(contentsOfFile: guideTemplate, encoding: .utf8).replacingOccurrences(of: "{{label.at-a-glance}}", with: "Overview")
        try text.write(toFile: guideTemplate, atomically: true, encoding: .utf8)
        let second = Builder(pdfEngine: nil).build(root: root, options: opts)
        #expect(second.written.contains("guides/skills.html"))
        #expect(try String(contentsOfFile: folder + "/out/guides/skills.html", encoding: .utf8).contains("Overview"))
    }

    @Test func errorsMeanNothingIsWritten() throws {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let result = Builder(pdfEngine: nil).build(root: Fixtures.path("rules"), options: options(out))
        #expect(result.refused)
        #expect(result.exitCode(strict: false) == 1)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func missingPDFEngineIsASetupError() throws {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let result = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: options(out, pdf: true))
        #expect(result.exitCode(strict: false) == 2)
        #expect(result.report.diagnostics.contains { $0.rule == "setup.pdf-engine" && $0.fix?.summary.contains("--no-pdf") == true })
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func missingTemplateIsASetupError() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var opts = options(folder + "/out")
        opts.templates = folder + "/no-templates"
        let result = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: opts)
        #expect(result.exitCode(strict: false) == 2)
        #expect(result.report.diagnostics.contains { $0.rule == "setup.templates" })
    }

    @Test func largePrintMarksThePage() throws {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        var opts = options(out)
        opts.page = PageOptions(paper: .letter, largePrint: true)
        _ = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: opts)
        let html = try String(contentsOfFile: out + "/handouts/basics.html", encoding: .utf8)
        #expect(html.contains("<html lang=\"en\" class=\"large-print paper-letter\">"))
    }

    @Test func atomicWriterReplacesWholeFiles() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/deep/file.txt"
        try AtomicWriter.write("old", to: path)
        try AtomicWriter.write("new content", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new content")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/deep") == ["file.txt"])
    }
}

/// Facilitator-only text of a module, and the visible text of rendered HTML, for leak tests.
enum FacilitatorText {
    /// Fragments (whole lines of 24 characters or more) of the facilitator notes,
    /// `{facilitator}` blocks and worksheet answers.
    static func fragments(of module: Module) -> [String] {
        var texts: [String] = []
        for section in module.sections where ModuleRenderer.facilitatorSections.contains(section.name) {
            for block in section.blocks { texts.append(block.plainText) }
        }
        module.body.walk { node in
            if case .codeBlock(let info, let literal, _) = node.kind, let (name, _) = WidgetParser.directive(of: info) {
                if name == "facilitator" { texts.append(literal) }
                if name == "worksheet" {
                    for line in literal.split(separator: "\n") where line.trimmingWhitespace().hasPrefix("answer:") {
                        texts.append(String(line.trimmingWhitespace().dropFirst("answer:".count)))
                    }
                }
            }
            return true
        }
        return texts.flatMap { $0.split(separator: "\n") }
            .map { normalize(String($0)) }
            .filter { $0.count >= 24 }
    }

    static func normalize(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
            .replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "`", with: "")
    }

    /// Every tag of an HTML text, lowercased (`<a href="...">`).
    static func tags(in html: String) -> [String] {
        var tags: [String] = []
        var current: String?
        for c in html.lowercased() {
            if c == "<" { current = "<"; continue }
            if c == ">", let tag = current { tags.append(tag + ">"); current = nil; continue }
            current?.append(c)
        }
        return tags
    }

    /// HTML with tags removed and the common entities decoded.
    static func visibleText(ofHTML html: String) -> String {
        var out = ""
        var inTag = false
        for c in html {
            if c == "<" { inTag = true; out += " "; continue }
            if c == ">" { inTag = false; continue }
            if !inTag { out.append(c) }
        }
        for (entity, value) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#x27;", "'"), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: value)
        }
        return normalize(out)
    }
}

@Suite struct BuildSafetyTests {
    let templates = Fixtures.packageRoot + "/templates"

    @Test func aSecondBuildIntoTheSameFolderFailsFast() throws {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let held = try #require(try BuildLock.acquire(folder: out))
        let options = BuildOptions(out: out, pdf: false, page: PageOptions(), templates: templates, today: Fixtures.today)
        let blocked = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: options)
        #expect(blocked.exitCode(strict: false) == 2)
        #expect(blocked.report.diagnostics.contains { $0.rule == "build.locked" })
        #expect(!FileManager.default.fileExists(atPath: out + "/index.html"))
        held.release()
        let after = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: options)
        #expect(after.exitCode(strict: false) == 0)
    }

    /// A file where an output folder should be: each output there fails with the system's
    /// reason and its path, never Foundation's "The operation could not be completed".
    @Test func aWriteThatFailsSaysWhyAndWhere() throws {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try "not a folder".write(toFile: out + "/handouts", atomically: true, encoding: .utf8)
        let options = BuildOptions(out: out, pdf: false, jobs: 2, page: PageOptions(), templates: Fixtures.packageRoot + "/templates", today: Fixtures.today)
        let result = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: options)
        let failures = result.report.diagnostics.filter { $0.rule == BuildRules.writeFailed.id }
        #expect(!failures.isEmpty)
        #expect(result.exitCode(strict: false) == 2)
        for failure in failures {
            #expect(!failure.message.contains("could not be completed"), "\(failure.message)")
            #expect(failure.message.contains("Not a directory") || failure.message.contains("File exists"), "\(failure.message)")
            #expect(failure.message.contains("handouts/"), "\(failure.message)")
        }
        #expect(try String(contentsOfFile: out + "/handouts", encoding: .utf8) == "not a folder")
    }

    @Test func aCancelledBuildKeepsOnlyWhatItFinished() throws {
        let root = Fixtures.copy("build")
        let out = PathUtil.directory(of: root) + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let options = BuildOptions(out: out, pdf: false, page: PageOptions(), templates: templates, today: Fixtures.today)
        _ = Builder(pdfEngine: nil).build(root: root, options: options)
        let before = BuildManifest.read(folder: out)

        // Change a module, then build with a cancellation that is already set: nothing new is
        // written and the earlier build stays whole and claimed.
        let path = root + "/modules/basics.md"
        try (try String(contentsOfFile: path, encoding: .utf8) + "\nOne more line.\n").write(toFile: path, atomically: true, encoding: .utf8)
        let cancellation = Cancellation()
        cancellation.cancel()
        let stopped = Builder(pdfEngine: nil, cancellation: cancellation).build(root: root, options: options)
        #expect(stopped.interrupted)
        #expect(stopped.exitCode(strict: false) == 130)
        #expect(BuildManifest.read(folder: out) == before)
        for path in before.outputs.keys { #expect(FileManager.default.fileExists(atPath: out + "/" + path)) }

        let finished = Builder(pdfEngine: nil).build(root: root, options: options)
        #expect(finished.written.contains("handouts/basics.html"))
    }

    @Test func leftoverTemporaryFilesAreRemoved() throws {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        try FileManager.default.createDirectory(atPath: out + "/handouts", withIntermediateDirectories: true)
        let leftover = AtomicWriter.temporaryPath(for: out + "/handouts/x.html")
        try "half a page".write(toFile: leftover, atomically: false, encoding: .utf8)
        let options = BuildOptions(out: out, pdf: false, page: PageOptions(), templates: templates, today: Fixtures.today)
        _ = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: options)
        #expect(!FileManager.default.fileExists(atPath: leftover))
    }
}
