import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumBuild

/// A PDF engine whose every document fails, so a build ends with problems.
private struct FailingPDFEngine: PDFEngine {
    func render(_ jobs: [PDFJob], root: String, jobsInParallel: Int, sourceDateEpoch: Int) -> [PDFFailure] {
        jobs.map { PDFFailure(job: $0, message: "no") }
    }
}

/// The stamp lets a build with nothing to do return the last build's result without checking
/// or rendering; anything that changed means a full build.
@Suite struct BuildStampTests {
    let templates = Fixtures.packageRoot + "/templates"

    func options(_ out: String) -> BuildOptions {
        BuildOptions(out: out, pdf: true, jobs: 1, page: PageOptions(), templates: templates, today: Fixtures.today)
    }

    /// The last build's result, if the stamp in `out` still vouches for it.
    func stampedResult(_ root: String, _ out: String, _ options: BuildOptions? = nil) -> BuildResult? {
        BuildStamp.take(root: root, options: options ?? self.options(out), templatesFolder: templates, fileSystem: LocalFileSystem())?
            .earlierResult(in: out)
    }

    /// A copy of the build fixture with a writing hint in it, so the build has a warning to repeat.
    func curriculum() throws -> (root: String, out: String) {
        let root = Fixtures.copy("build")
        let module = root + "/modules/basics.md"
        let text = try String(contentsOfFile: module, encoding: .utf8)
        try (text + "\nTODO: say what to bring.\n").write(toFile: module, atomically: true, encoding: .utf8)
        return (root, PathUtil.directory(of: root) + "/out")
    }

    @Test func nothingChangedGivesTheSameResultWithoutRendering() throws {
        let (root, out) = try curriculum()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let engine = CopyingPDFEngine()
        let first = Builder(pdfEngine: engine).build(root: root, options: options(out))
        #expect(first.exitCode(strict: false) == 0, "\(first.report.diagnostics)")
        #expect(first.report.warningCount > 0)
        #expect(FileManager.default.fileExists(atPath: out + "/" + BuildStamp.fileName))
        let pdfs = engine.calls.current
        #expect(stampedResult(root, out) != nil)

        let second = Builder(pdfEngine: engine).build(root: root, options: options(out))
        #expect(second.written.isEmpty)
        #expect(engine.calls.current == pdfs)

        // The same build without the stamp goes the long way and must print the same.
        BuildStamp.remove(from: out)
        let full = Builder(pdfEngine: engine).build(root: root, options: options(out))
        #expect(full.written.isEmpty)
        #expect(second.report.diagnostics == full.report.diagnostics)
        #expect(second.report.fileCount == full.report.fileCount)
        #expect(second.report.skipped == full.report.skipped)
        #expect(second.summaryLine == full.summaryLine)
        #expect(second.exitCode(strict: true) == full.exitCode(strict: true))
    }

    @Test func aChangedModuleOrAMissingOutputIsBuiltAgain() throws {
        let (root, out) = try curriculum()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let builder = Builder(pdfEngine: CopyingPDFEngine())
        _ = builder.build(root: root, options: options(out))

        #expect(stampedResult(root, out) != nil)
        try FileManager.default.removeItem(atPath: out + "/handouts/skills.html")
        #expect(stampedResult(root, out) == nil)
        let afterDelete = builder.build(root: root, options: options(out))
        #expect(afterDelete.written.contains("handouts/skills.html"))

        let module = root + "/modules/basics.md"
        try (try String(contentsOfFile: module, encoding: .utf8) + "\nOne more line.\n").write(toFile: module, atomically: true, encoding: .utf8)
        #expect(stampedResult(root, out) == nil)
        let afterEdit = builder.build(root: root, options: options(out))
        #expect(afterEdit.written.contains("handouts/basics.html"))
        #expect(!afterEdit.written.contains("handouts/skills.html"))

        let otherOptions = BuildOptions(out: out, pdf: true, jobs: 1, page: PageOptions(paper: .a4), templates: templates, today: Fixtures.today)
        #expect(stampedResult(root, out) != nil)
        #expect(stampedResult(root, out, otherOptions) == nil)
        #expect(!builder.build(root: root, options: otherOptions).written.isEmpty)
    }

    @Test func aBuildWithProblemsLeavesNoStamp() throws {
        let (root, out) = try curriculum()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        _ = Builder(pdfEngine: CopyingPDFEngine()).build(root: root, options: options(out))
        #expect(FileManager.default.fileExists(atPath: out + "/" + BuildStamp.fileName))
        for path in (try FileManager.default.subpathsOfDirectory(atPath: out)) where path.hasSuffix(".pdf") {
            try FileManager.default.removeItem(atPath: out + "/" + path)
        }
        let failed = Builder(pdfEngine: FailingPDFEngine()).build(root: root, options: options(out))
        #expect(failed.exitCode(strict: false) != 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/" + BuildStamp.fileName))
    }
}
