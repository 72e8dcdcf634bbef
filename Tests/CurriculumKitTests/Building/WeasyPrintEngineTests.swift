import Foundation
import Testing
@testable import CurriculumKit

/// The real engine's process handling, driven by a stand-in for WeasyPrint's Python: it speaks
/// the engine's line protocol and misbehaves on documents whose names ask it to.
@Suite struct WeasyPrintEngineTests {
    /// Hangs on `hang*`, kills itself on `crash*`, reports a Python error on `broken*`, warns on
    /// `warn*` and otherwise writes a small file. Each start is counted in `starts`.
    static let fakeWeasyPrint = #"""
    #!/usr/bin/env python3
    import json, os, sys, time
    with open(os.path.join(sys.argv[-1], "starts"), "a") as log:
        log.write("start\n")
    for line in sys.stdin:
        job = json.loads(line)
        name = os.path.basename(job["html"])
        if name.startswith("hang"):
            time.sleep(120)
        if name.startswith("crash"):
            os.kill(os.getpid(), 9)
        if name.startswith("broken"):
            print(json.dumps({"failed": job["pdf"], "message": "ValueError: no usable font"}), flush=True)
            continue
        with open(job["temporary"], "w") as pdf:
            pdf.write("%PDF-1.7 made by the stand-in")
        warnings = ["Ignored `colr: red` at 3:1, unknown property.", "Ignored `colr: red` at 3:1, unknown property."] if name.startswith("warn") else []
        print(json.dumps({"done": job["pdf"], "warnings": warnings}), flush=True)
    """#

    /// A WeasyPrint that cannot import itself, as after a broken upgrade.
    static let brokenInstall = #"""
    #!/usr/bin/env python3
    import os, sys
    with open(os.path.join(sys.argv[-1], "starts"), "a") as log:
        log.write("start\n")
    sys.stderr.write("ModuleNotFoundError: No module named 'weasyprint'\n")
    sys.exit(1)
    """#

    struct Setup {
        let root: String
        let engine: WeasyPrintEngine
        let jobs: [PDFJob]

        init(script: String, documents: [String], timeout: Double = 1) throws {
            root = Fixtures.temporaryFolder()
            let fake = root + "/fake-python"
            try script.write(toFile: fake, atomically: true, encoding: .utf8)
            chmod(fake, 0o755)
            engine = WeasyPrintEngine(python: fake, timeoutPerDocument: timeout)
            var jobs: [PDFJob] = []
            for name in documents {
                let html = root + "/" + name + ".html"
                try "<p>\(name)</p>".write(toFile: html, atomically: true, encoding: .utf8)
                let pdf = root + "/" + name + ".pdf"
                jobs.append(PDFJob(html: html, pdf: pdf, temporary: AtomicWriter.temporaryPath(for: pdf)))
            }
            self.jobs = jobs
        }

        var starts: Int {
            ((try? String(contentsOfFile: root + "/starts", encoding: .utf8)) ?? "").split(separator: "\n").count
        }

        func temporaryFiles() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { $0.contains(AtomicWriter.temporaryMarker) }
        }
    }

    @Test func aHangingOrCrashingDocumentFailsAloneAndTheOthersAreMade() throws {
        let setup = try Setup(script: Self.fakeWeasyPrint, documents: ["first", "hang", "second", "crash", "third", "broken", "warn"])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let found = setup.engine.render(setup.jobs, root: setup.root, jobsInParallel: 1, sourceDateEpoch: 0)

        let failures = found.filter { !$0.isWarning }
        let byName = Dictionary(uniqueKeysWithValues: failures.map { (PathUtil.fileName($0.job?.pdf ?? ""), $0.message) })
        #expect(byName.keys.sorted() == ["broken.pdf", "crash.pdf", "hang.pdf"])
        #expect(byName["hang.pdf"] == "WeasyPrint took longer than 1 s on this document and was stopped")
        #expect(byName["crash.pdf"]?.hasPrefix("WeasyPrint crashed on this document") == true)
        #expect(byName["broken.pdf"] == "WeasyPrint said: ValueError: no usable font")
        // Each document after a stuck one got a new process; the documents themselves were made.
        #expect(setup.starts == 3)
        for name in ["first", "second", "third", "warn"] {
            #expect(setup.jobs.first { $0.pdf.hasSuffix("/\(name).pdf") }.map { FileManager.default.fileExists(atPath: $0.temporary) } == true)
        }
        // Nothing is left half-written for the documents that failed.
        for name in ["hang", "crash", "broken"] {
            #expect(setup.jobs.first { $0.pdf.hasSuffix("/\(name).pdf") }.map { FileManager.default.fileExists(atPath: $0.temporary) } == false)
        }
        // WeasyPrint's warning is passed on once, in its own words, for the document it concerns.
        let warnings = found.filter(\.isWarning)
        #expect(warnings.map(\.message) == ["WeasyPrint warned: Ignored `colr: red` at 3:1, unknown property."])
        #expect(warnings.first?.job?.pdf.hasSuffix("/warn.pdf") == true)
    }

    @Test func aBrokenInstallFailsEveryDocumentWithItsOwnWordsWithoutRetryingEach() throws {
        let setup = try Setup(script: Self.brokenInstall, documents: ["a", "b", "c", "d", "e", "f"])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let found = setup.engine.render(setup.jobs, root: setup.root, jobsInParallel: 1, sourceDateEpoch: 0)
        #expect(found.count == 6)
        #expect(found.allSatisfy { $0.message.contains("ModuleNotFoundError: No module named 'weasyprint'") })
        #expect(setup.starts == 2)
        #expect(setup.temporaryFiles().isEmpty)
    }

    /// More jobs than a pipe holds, to a WeasyPrint that dies without reading them: the engine's
    /// write fails (SIGPIPE), which must not end the process running the build.
    @Test func aWeasyPrintThatDiesUnreadDoesNotTakeTheBuildDown() throws {
        let name = String(repeating: "a-long-module-name-", count: 12)
        let setup = try Setup(script: Self.brokenInstall, documents: (0..<400).map { "\(name)\($0)" })
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let found = setup.engine.render(setup.jobs, root: setup.root, jobsInParallel: 1, sourceDateEpoch: 0)
        #expect(found.count == 400)
        #expect(setup.starts == 2)
    }

    @Test func aBuildKeepsAWarnedPDFAndReportsTheWarningAgainstIt() throws {
        let setup = try Setup(script: Self.fakeWeasyPrint, documents: [])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        // The stand-in warns about documents named "warn…": every document of the build is.
        let out = setup.root + "/out"
        let options = BuildOptions(out: out, pdf: true, jobs: 1, page: PageOptions(), templates: Fixtures.packageRoot + "/templates", today: Fixtures.today)
        let result = Builder(pdfEngine: WarningEngine(inner: setup.engine)).build(root: Fixtures.path("build"), options: options)
        let warned = result.report.diagnostics.filter { $0.rule == BuildRules.pdfWarning.id }
        #expect(!warned.isEmpty)
        #expect(warned.allSatisfy { $0.file.hasSuffix(".pdf") && $0.message.hasPrefix("WeasyPrint warned:") })
        #expect(result.exitCode(strict: false) == 0)
        #expect(result.exitCode(strict: true) == 1)
        for diagnostic in warned {
            #expect(FileManager.default.fileExists(atPath: PathUtil.join(out, String(diagnostic.file.dropFirst(out.count + 1)))))
        }
    }

    /// The engine's own Python script, run with a stand-in `weasyprint` module: it hangs, warns
    /// through WeasyPrint's logger or fetches a file as the page's text asks.
    static let stubModule = #"""
    import logging, time
    LOGGER = logging.getLogger("weasyprint")
    def default_url_fetcher(url, timeout=10, ssl_context=None):
        return {"string": b"", "mime_type": "text/plain"}
    class HTML:
        def __init__(self, string, base_url, url_fetcher):
            self.string, self.fetch = string, url_fetcher
            self.pages = []
        def render(self):
            return self
        def write_pdf(self, target, variant=None):
            if "hang" in self.string:
                time.sleep(120)
            if "warn" in self.string:
                LOGGER.warning("Ignored `colr: red` at 3:1, unknown property.")
            if "secret" in self.string:
                self.fetch("file:///etc/passwd")
            with open(target, "w") as pdf:
                pdf.write("%PDF-1.7 stub")
    """#

    static func stubbedEngine(in root: String, timeout: Double) throws -> WeasyPrintEngine {
        try FileManager.default.createDirectory(atPath: root + "/stub/weasyprint", withIntermediateDirectories: true)
        try stubModule.write(toFile: root + "/stub/weasyprint/__init__.py", atomically: true, encoding: .utf8)
        try "VARIANTS = {\"pdf/ua-1\": (lambda *arguments: None, {})}\n".write(toFile: root + "/stub/weasyprint/pdf.py", atomically: true, encoding: .utf8)
        let python = root + "/python"
        try "#!/bin/sh\nPYTHONPATH='\(root)/stub' exec python3 \"$@\"\n".write(toFile: python, atomically: true, encoding: .utf8)
        chmod(python, 0o755)
        return WeasyPrintEngine(python: python, timeoutPerDocument: timeout)
    }

    @Test func theEnginesScriptPassesWarningsOnAndBlocksFilesOutsideTheBuild() throws {
        let setup = try Setup(script: "", documents: ["warn", "secret", "plain"])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        for job in setup.jobs { try PathUtil.fileName(job.html).write(toFile: job.html, atomically: true, encoding: .utf8) }
        let engine = try Self.stubbedEngine(in: setup.root, timeout: 30)
        let found = engine.render(setup.jobs, root: setup.root, jobsInParallel: 1, sourceDateEpoch: 0)
        #expect(found.filter(\.isWarning).map(\.message) == ["WeasyPrint warned: Ignored `colr: red` at 3:1, unknown property."])
        let failed = found.filter { !$0.isWarning }
        #expect(failed.count == 1)
        #expect(failed.first?.job?.pdf.hasSuffix("/secret.pdf") == true)
        #expect(failed.first?.message == "WeasyPrint said: ValueError: blocked a file outside the build: /etc/passwd")
    }

    /// The build ignores SIGINT and SIGTERM and starts WeasyPrint from threads that block every
    /// signal; the script must still stop at once when the build is interrupted.
    @Test func anInterruptedBuildStopsWeasyPrintAtOnce() throws {
        let setup = try Setup(script: "", documents: ["hang", "after"])
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        for job in setup.jobs { try PathUtil.fileName(job.html).write(toFile: job.html, atomically: true, encoding: .utf8) }
        var engine = try Self.stubbedEngine(in: setup.root, timeout: 100)
        let cancellation = Cancellation()
        engine.cancellation = cancellation
        let stopped = engine
        let started = Date()
        let finished = DispatchSemaphore(value: 0)
        let found = Locked([PDFFailure]())
        DispatchQueue.global().async {
            let result = stopped.render(setup.jobs, root: setup.root, jobsInParallel: 1, sourceDateEpoch: 0)
            found.withValue { $0 = result }
            finished.signal()
        }
        Thread.sleep(forTimeInterval: 1.5)
        cancellation.cancel()
        #expect(finished.wait(timeout: .now() + 20) == .success, "WeasyPrint went on after the build was interrupted")
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(found.current.count == 2)
        #expect(setup.temporaryFiles().isEmpty)
    }

    /// Renames every job's HTML to start with "warn" in the stand-in's eyes.
    struct WarningEngine: PDFEngine {
        let inner: WeasyPrintEngine
        func render(_ jobs: [PDFJob], root: String, jobsInParallel: Int, sourceDateEpoch: Int) -> [PDFFailure] {
            let renamed = jobs.map { job -> PDFJob in
                let copy = PathUtil.directory(of: job.html) + "/warn-" + PathUtil.fileName(job.html)
                try? FileManager.default.removeItem(atPath: copy)
                try? FileManager.default.copyItem(atPath: job.html, toPath: copy)
                return PDFJob(html: copy, pdf: job.pdf, temporary: job.temporary)
            }
            defer { for job in renamed { try? FileManager.default.removeItem(atPath: job.html) } }
            return inner.render(renamed, root: root, jobsInParallel: jobsInParallel, sourceDateEpoch: sourceDateEpoch)
        }
    }
}
