import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumBuild

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
        // Nothing changed: no PDF is made again, and the warnings are reported again (issue 13,
        // failure 9), so --strict still fails.
        for stamp in [true, false] {
            // With the stamp the earlier result is printed again; without it (a file touched) the
            // unchanged PDFs are skipped and their warnings come from the manifest.
            if !stamp { try FileManager.default.removeItem(atPath: out + "/" + BuildStamp.fileName) }
            let again = Builder(pdfEngine: WarningEngine(inner: setup.engine)).build(root: Fixtures.path("build"), options: options)
            #expect(again.written.isEmpty)
            #expect(again.report.diagnostics.filter { $0.rule == BuildRules.pdfWarning.id }.map { "\($0.file) \($0.message)" }
                    == warned.map { "\($0.file) \($0.message)" })
            #expect(again.exitCode(strict: true) == 1)
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
            if variant == "pdf/ua-1":
                LOGGER.warning("PDF/UA support is experimental, generated PDF files are not guaranteed to be valid.")
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

    /// A WeasyPrint that hangs on its first document after starting a process of its own that
    /// holds the error output open (issue 13, failure 8): the whole process group is stopped and
    /// the build goes on after about the time-out, not after the grandchild's hour.
    static let hangingWithGrandchild = #"""
    #!/usr/bin/env python3
    import json, os, subprocess, sys, time
    print(json.dumps({"ready": True}), flush=True)
    child = subprocess.Popen(["sleep", "3600"])
    with open(os.path.join(sys.argv[-1], "grandchild"), "w") as note:
        note.write(str(child.pid))
    for line in sys.stdin:
        time.sleep(3600)
    """#

    @Test func aHungWeasyPrintIsStoppedWithWhatItStartedAfterTheTimeOut() throws {
        let setup = try Setup(script: Self.hangingWithGrandchild, documents: ["stuck"], timeout: 1)
        defer { try? FileManager.default.removeItem(atPath: setup.root) }
        let finished = DispatchSemaphore(value: 0)
        let found = Locked([PDFFailure]())
        let engine = setup.engine
        DispatchQueue.global().async {
            let result = engine.render(setup.jobs, root: setup.root, jobsInParallel: 1, sourceDateEpoch: 0)
            found.withValue { $0 = result }
            finished.signal()
        }
        // Good behaviour takes about a second; the old one waited for the grandchild (an hour).
        #expect(finished.wait(timeout: .now() + 20) == .success, "the build waited for WeasyPrint's grandchild")
        #expect(found.current.map(\.message) == ["WeasyPrint took longer than 1 s on this document and was stopped"])
        let pid = try #require(Int32((try? String(contentsOfFile: setup.root + "/grandchild", encoding: .utf8)) ?? ""))
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.split(separator: " ").dropFirst(2).first
        #expect(state == nil || state == "Z", "the process WeasyPrint started is still running")
    }

    /// A `weasyprint` that is a shell wrapper is not run as `sh -c <python source>`: the engine
    /// finds only a real Python interpreter, and says what to do otherwise.
    @Test func aWeasyPrintWrapperIsASetupErrorUnlessItsPythonIsNamed() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let wrapper = folder + "/weasyprint"
        try "#!/bin/sh\nexec /opt/weasyprint/bin/python -m weasyprint \"$@\"\n".write(toFile: wrapper, atomically: true, encoding: .utf8)
        chmod(wrapper, 0o755)
        let engine = try #require(WeasyPrintEngine.locate(environment: ["PATH": folder]))
        #expect(engine.setupProblem?.contains("the `weasyprint` command at \(wrapper) is not a Python script (it starts with `#!/bin/sh`)") == true)
        #expect(engine.python != "/bin/sh")
        // The build stops before anything is written, with the setup error and its fix.
        let out = folder + "/out"
        let options = BuildOptions(out: out, pdf: true, jobs: 1, page: PageOptions(), templates: Fixtures.packageRoot + "/templates", today: Fixtures.today)
        let result = Builder(pdfEngine: engine).build(root: Fixtures.path("build"), options: options)
        #expect(result.exitCode(strict: false) == 2)
        #expect(result.report.diagnostics.contains { $0.rule == WeasyPrintEngine.missing.id && $0.message.contains("CURRICULUM_WEASYPRINT_PYTHON") })
        #expect(!FileManager.default.fileExists(atPath: out + "/handouts"))
        // Naming the Python works; so does a script run through `env -S python3 -u`.
        let named = try #require(WeasyPrintEngine.locate(environment: ["PATH": folder, WeasyPrintEngine.pythonVariable: "/usr/bin/python3"]))
        #expect(named.python == "/usr/bin/python3" && named.setupProblem == nil)
        try "#!/usr/bin/env -S PYTHONUNBUFFERED=1 python3 -u\nimport weasyprint\n".write(toFile: wrapper, atomically: true, encoding: .utf8)
        let viaEnv = try #require(WeasyPrintEngine.locate(environment: ["PATH": folder + ":/usr/bin:/bin"]))
        #expect(viaEnv.setupProblem == nil && viaEnv.python.hasSuffix("/python3"))
    }

    /// Layout findings reported by the engine point at the module line, or at the template line
    /// that wrote the element, take their severity from schema.yaml, and are reported again when
    /// the PDF is skipped as unchanged.
    @Test func layoutFindingsAreLocatedTakeTheSchemaSeverityAndAreKept() throws {
        let root = Fixtures.copy("layout")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let schema = root + "/schema.yaml"
        let text = try String(contentsOfFile: schema, encoding: .utf8)
        try text.replacingOccurrences(of: "rules:\n", with: "rules:\n  layout.overflow: error\n  layout.split-block: off\n")
            .write(toFile: schema, atomically: true, encoding: .utf8)
        let out = PathUtil.directory(of: root) + "/out"
        let options = BuildOptions(out: out, pdf: true, jobs: 1, page: PageOptions(), templates: Fixtures.path("layout-templates"), today: Fixtures.today)
        let engine = LayoutEngine()
        let first = Builder(pdfEngine: engine).build(root: root, options: options)
        func summary(_ result: BuildResult) -> [String] {
            result.report.diagnostics.filter { $0.rule.hasPrefix("layout.") }.map {
                "\(PathUtil.fileName($0.file)):\($0.range.start.line) \($0.rule) \($0.severity.rawValue)"
            }.sorted()
        }
        #expect(summary(first) == ["breaks.md:45 layout.overflow error", "breaks.md:45 layout.overflow error", "packet.mustache:5 layout.sparse-page warning"])
        #expect(first.exitCode(strict: false) == 1)
        #expect(engine.calls.current == 4)
        let second = Builder(pdfEngine: engine).build(root: root, options: options)
        #expect(engine.calls.current == 4, "an unchanged PDF was made again")
        #expect(summary(second) == summary(first))
        #expect(second.exitCode(strict: false) == 1)
        // Without the stamp (any file touched), the build checks and plans again, skips the
        // unchanged PDFs and reports their findings from the manifest.
        try FileManager.default.removeItem(atPath: out + "/" + BuildStamp.fileName)
        let third = Builder(pdfEngine: engine).build(root: root, options: options)
        #expect(engine.calls.current == 4, "an unchanged PDF was made again")
        #expect(third.unchanged > 0 && third.written.isEmpty)
        #expect(summary(third) == summary(first))
        #expect(third.exitCode(strict: false) == 1)
    }

    /// Makes every PDF and reports, for each, an overflow at line 43 of the module, a split log
    /// (which the schema turns off) and, for packets, the sparse page the long cover makes.
    final class LayoutEngine: PDFEngine, @unchecked Sendable {
        let calls = Locked(0)
        func render(_ jobs: [PDFJob], root: String, jobsInParallel: Int, sourceDateEpoch: Int) -> [PDFFailure] {
            var found: [PDFFailure] = []
            for job in jobs {
                calls.withValue { $0 += 1 }
                FileManager.default.createFile(atPath: job.temporary, contents: Data("%PDF-1.7".utf8))
                guard !job.pdf.contains("/plans/") else { continue }
                let findings = [
                    LayoutFinding(rule: "layout.overflow", page: 5, message: "on page 5, the log is wider than the page body", origin: .module(id: "breaks", line: 45)),
                    LayoutFinding(rule: "layout.split-block", page: 1, message: "the log is split", origin: .module(id: "breaks", line: 28)),
                ]
                found += findings.filter { _ in !job.pdf.contains("/packets/") }.map { PDFFailure(job: job, message: $0.message, isWarning: true, layout: $0) }
                if job.pdf.contains("/packets/") {
                    let cover = LayoutFinding(rule: "layout.sparse-page", page: 2, message: "page 2 of 6 is nearly empty", origin:
                        .template(tag: "p", classes: "cover-emergency", text: "If you are in danger right now, call 911 or go to the neare\u{2026}"))
                    found.append(PDFFailure(job: job, message: cover.message, isWarning: true, layout: cover))
                }
            }
            return found
        }
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
