import Foundation

/// `curriculum build`: check, then render every handout, guide and the index as HTML, then
/// PDF. Writes are atomic, unchanged outputs are skipped (content-hash manifest), and the
/// manifest is written last.
public struct Builder: Sendable {
    public static let toolVersion = "0.1.0"

    public let fileSystem: any FileSystem
    /// nil when no PDF engine is installed.
    public let pdfEngine: (any PDFEngine)?
    /// Called with short progress messages ("rendering PDFs 3/72").
    public let progress: @Sendable (String) -> Void
    /// Set by Ctrl-C or SIGTERM: the build stops between files.
    public let cancellation: Cancellation?

    public init(fileSystem: any FileSystem = LocalFileSystem(), pdfEngine: (any PDFEngine)?,
                progress: @escaping @Sendable (String) -> Void = { _ in }, cancellation: Cancellation? = nil) {
        self.fileSystem = fileSystem
        self.pdfEngine = pdfEngine
        self.progress = progress
        self.cancellation = cancellation
    }

    var isCancelled: Bool { cancellation?.isCancelled ?? false }

    /// Locks the output folder and clears what an interrupted build left; nil with the failed
    /// result when another build holds the folder.
    func lockOutput(_ out: String, _ result: BuildResult) -> Result<BuildLock, BuildFailure> {
        let lock: BuildLock?
        do {
            lock = try BuildLock.acquire(folder: out)
        } catch {
            var failed = result
            failed.refused = true
            failed.report = CheckReport(diagnostics: result.report.diagnostics + [BuildRules.writeFailed.diagnostic(PathUtil.display(out), .at(line: 1),
                "the output folder cannot be created or written: \(FileError.describe(error))", fix: Fix(summary: "choose another folder with --out, or check its permissions"))],
                fileCount: result.report.fileCount)
            return .failure(BuildFailure(result: failed))
        }
        guard let lock else {
            var failed = result
            failed.refused = true
            failed.report = CheckReport(diagnostics: result.report.diagnostics + [BuildRules.locked.diagnostic(PathUtil.display(out), .at(line: 1),
                "another build is writing to '\(PathUtil.display(out))' right now",
                fix: Fix(summary: "wait for it to finish, or build into another folder with --out"))], fileCount: result.report.fileCount)
            return .failure(BuildFailure(result: failed))
        }
        AtomicWriter.removeLeftovers(in: out)
        return .success(lock)
    }

    /// One planned output: where it goes, the hash of what it is made from, how to make it.
    struct PlannedOutput: Sendable {
        let path: String
        let key: String
        let render: @Sendable () -> String
    }

    /// What every build step needs once the content passed its checks.
    struct Prepared {
        let curriculum: Curriculum
        let templates: TemplateSet
        let renderer: DocumentRenderer
        let modules: [Module]
        let sharedKey: String
        let checked: CheckReport
    }

    /// Checks, loads and reads the templates; a failure comes back as the result to return.
    func prepare(root: String, options: BuildOptions) -> Result<Prepared, BuildFailure> {
        // The check reads every module's prose; the words to know of each handout come from it.
        let wordsToKnow = Locked([String: [Glossary.Term]]())
        let (checked, loaded) = CheckRun.runKeepingCurricula(paths: [root], today: options.today, fileSystem: fileSystem,
                                                                   shouldStop: { [cancellation] in cancellation?.isCancelled ?? false }) { module, prose, context in
            let terms = context.curriculum.glossary.terms(usedIn: prose)
            wordsToKnow.withValue { $0[module.path] = terms }
        }
        var result = BuildResult(report: checked)
        result.refused = true
        guard checked.exitCode(strict: false) == 0 else { return .failure(BuildFailure(result: result)) }
        func fail(_ diagnostics: [Diagnostic]) -> Result<Prepared, BuildFailure> {
            var failed = result
            failed.report = CheckReport(diagnostics: checked.diagnostics + diagnostics, fileCount: checked.fileCount)
            return .failure(BuildFailure(result: failed))
        }
        // The curriculum the check loaded: the modules are parsed once per build.
        guard let curriculum = loaded[root] else {
            return fail([SetupRules.folder.diagnostic(PathUtil.display(root), .at(line: 1), "the curriculum could not be loaded")])
        }
        let templatesFolder = options.templates ?? locateTemplates(root: root)
        let templates: TemplateSet
        switch TemplateSet.load(folder: templatesFolder, fileSystem: fileSystem) {
        case .success(let set): templates = set
        case .failure(let failure): return fail(failure.diagnostics)
        }
        if options.pdf && pdfEngine == nil {
            return fail([WeasyPrintEngine.missing.diagnostic(PathUtil.display(options.out), .at(line: 1),
                "WeasyPrint, which makes the PDFs, is not installed",
                fix: Fix(summary: "install it with `sudo apt-get install weasyprint` (or `make deps`), or build HTML only with --no-pdf"))])
        }
        let programName = curriculum.program?.name ?? ProgramInfo.name(root: root, fileSystem: fileSystem)
        let renderer = DocumentRenderer(curriculum: curriculum, templates: templates, options: options.page, programName: programName)
        renderer.rememberWordsToKnow(wordsToKnow.current)
        let modules = curriculum.modules.filter { $0.id != nil }.sorted { $0.id!.value < $1.id!.value }
        var shared = ContentHasher()
        shared.add(Self.toolVersion)
        shared.add(templates.fingerprint)
        shared.add(options.page.key)
        shared.add(programName)
        shared.add(Self.fileBytes(PathUtil.join(root, "schema.yaml"), fileSystem))
        shared.add(Self.fileBytes(PathUtil.join(root, "glossary.yaml"), fileSystem))
        return .success(Prepared(curriculum: curriculum, templates: templates, renderer: renderer, modules: modules,
                                 sharedKey: shared.hexDigest, checked: checked))
    }

    public func build(root: String, options: BuildOptions) -> BuildResult {
        // Taken before anything is read; when it matches the last clean build's, that result stands.
        let stamp = options.pdf && pdfEngine == nil ? nil
            : BuildStamp.take(root: root, options: options, templatesFolder: options.templates ?? locateTemplates(root: root), fileSystem: fileSystem)
        if let stamp, let earlier = upToDate(stamp, out: options.out) { return earlier }
        let prepared: Prepared
        switch prepare(root: root, options: options) {
        case .success(let value): prepared = value
        case .failure(let failure): return failure.result
        }
        let curriculum = prepared.curriculum
        let templates = prepared.templates
        let renderer = prepared.renderer
        let modules = prepared.modules
        let sharedKey = prepared.sharedKey
        let checked = prepared.checked
        var result = BuildResult(report: checked)

        var plan: [PlannedOutput] = []
        for module in modules {
            let id = module.id!.value
            var hasher = ContentHasher()
            hasher.add(sharedKey)
            hasher.add(module.file.text)
            for required in module.requires { hasher.add(curriculum.module(required.value)?.title?.value ?? required.value) }
            let key = hasher.hexDigest
            plan.append(PlannedOutput(path: "handouts/\(id).html", key: ContentHasher.digest(key, "handout")) { renderer.handout(module) })
            plan.append(PlannedOutput(path: "guides/\(id).html", key: ContentHasher.digest(key, "guide")) { renderer.guide(module) })
        }
        var indexHasher = ContentHasher()
        indexHasher.add(sharedKey)
        indexHasher.add(options.pdf ? "pdf" : "html")
        for module in modules {
            for part in [module.id?.value, module.title?.value, module.topic?.value, module.group?.value, module.minutes.map { String($0.value) }] {
                indexHasher.add(part ?? "")
            }
        }
        plan.append(PlannedOutput(path: "index.html", key: indexHasher.hexDigest) { renderer.index(modules: modules, withPDF: options.pdf) })
        plan.append(PlannedOutput(path: "assets/print.css", key: ContentHasher.digest(templates.css)) { templates.css })
        if let program = curriculum.program {
            plan += programOutputs(program, prepared: prepared)
            result.packetCount = program.tracks.count * program.weekCount
        }

        let out = options.out
        let lock: BuildLock
        switch lockOutput(out, result) {
        case .success(let held): lock = held
        case .failure(let failure): return failure.result
        }
        defer { withExtendedLifetime(lock) {} }
        BuildStamp.remove(from: out)
        let old = BuildManifest.read(folder: out)
        var manifest = BuildManifest()
        var problems: [Diagnostic] = []

        // HTML, rendered and written in parallel (each file as soon as it is rendered, so
        // writing overlaps rendering and no page waits in memory), then recorded in plan order.
        let stale = plan.filter { old.outputs[$0.path] != $0.key || fileSystem.isDirectory(PathUtil.join(out, $0.path)) != false }
        let stalePaths = Set(stale.map(\.path))
        let written = Locked([String: String?]())  // path: nil when written, else why it could not be
        let staleItems = stale
        let cancellation = self.cancellation
        DispatchQueue.concurrentPerform(iterations: staleItems.count) { index in
            if cancellation?.isCancelled == true { return }
            let item = staleItems[index]
            let html = item.render()
            var failure: String?
            do {
                try AtomicWriter.write(html, to: PathUtil.join(out, item.path), durable: false)
            } catch {
                failure = FileError.describe(error)
            }
            written.withValue { $0[item.path] = .some(failure) }
        }
        let outcomes = written.current
        for output in plan {
            if stalePaths.contains(output.path) {
                guard let outcome = outcomes[output.path] else { continue }  // not reached: cancelled
                if let failure = outcome {
                    problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(PathUtil.join(out, output.path)), .at(line: 1),
                        "could not write the file: \(failure)", fix: Fix(summary: "check that the output folder is writable")))
                    continue
                }
                result.written.append(output.path)
            } else {
                if isCancelled { continue }
                result.unchanged += 1
            }
            manifest.outputs[output.path] = output.key
        }
        // Images and other files the modules link to, copied so the build prints offline.
        for relative in prepared.renderer.links.assets(of: modules) where relative != "print.css" {
            guard let bytes = try? fileSystem.readFile(PathUtil.join(root, relative)) else { continue }
            var hasher = ContentHasher()
            hasher.add(bytes)
            let path = "assets/" + relative
            let key = hasher.hexDigest
            if old.outputs[path] == key, fileSystem.isDirectory(PathUtil.join(out, path)) == false {
                result.unchanged += 1
            } else {
                do {
                    try AtomicWriter.write(bytes, to: PathUtil.join(out, path), durable: false)
                    result.written.append(path)
                } catch {
                    problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(PathUtil.join(out, path)), .at(line: 1),
                        "could not copy the file: \(FileError.describe(error))"))
                    continue
                }
            }
            manifest.outputs[path] = key
        }
        result.handoutCount = modules.count
        result.guideCount = modules.count

        // PDFs of handouts and guides, from the HTML just written.
        if options.pdf, let engine = pdfEngine, problems.isEmpty, !isCancelled {
            let absoluteOut = Self.absolute(out)
            var jobs: [PDFJob] = []
            var pdfKeys: [String: String] = [:]
            for output in plan where output.path.hasSuffix(".html") && output.path != "index.html" && output.path != "coverage.html" {
                let pdfPath = String(output.path.dropLast(5)) + ".pdf"
                let key = ContentHasher.digest(output.key, "pdf")
                pdfKeys[pdfPath] = key
                if old.outputs[pdfPath] == key, fileSystem.isDirectory(PathUtil.join(out, pdfPath)) == false {
                    manifest.outputs[pdfPath] = key
                    result.unchanged += 1
                    continue
                }
                let target = PathUtil.join(absoluteOut, pdfPath)
                jobs.append(PDFJob(html: PathUtil.join(absoluteOut, output.path), pdf: target, temporary: AtomicWriter.temporaryPath(for: target)))
            }
            if !jobs.isEmpty { progress("making \(jobs.count) PDFs with WeasyPrint") }
            let failures = engine.render(jobs, root: absoluteOut, jobsInParallel: options.jobs,
                                         sourceDateEpoch: Self.sourceDateEpoch(modules))
            let failed = Set(failures.filter { !$0.isWarning }.compactMap { $0.job?.pdf })
            for failure in failures where !isCancelled {
                let where_ = failure.job.map { PathUtil.display(Self.relative($0.pdf, to: absoluteOut, display: out)) } ?? PathUtil.display(out)
                if failure.isWarning {
                    problems += CheckReport.applying(curriculum.schema.severities, to: [BuildRules.pdfWarning.diagnostic(where_, .at(line: 1), failure.message,
                        fix: Fix(summary: "the PDF was written; look at it, and fix the template or print.css rule WeasyPrint names"))])
                } else {
                    problems.append(BuildRules.pdfFailed.diagnostic(where_, .at(line: 1), failure.message,
                        fix: Fix(summary: "the HTML version was written; see WeasyPrint's message above, or build with --no-pdf")))
                }
            }
            for job in jobs where !failed.contains(job.pdf) {
                let relative = Self.relative(job.pdf, to: absoluteOut, display: "")
                do {
                    try AtomicWriter.commit(job.temporary, to: job.pdf)
                    manifest.outputs[relative] = pdfKeys[relative]
                    result.written.append(relative)
                } catch {
                    problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(PathUtil.join(out, relative)), .at(line: 1),
                        "could not write the PDF: \(FileError.describe(error))"))
                }
            }
            result.pdfCount = manifest.outputs.keys.filter { $0.hasSuffix(".pdf") }.count
        }

        if isCancelled {
            // Files this build did not reach are still the earlier build's: keep their entries.
            for (path, key) in old.outputs where manifest.outputs[path] == nil && fileSystem.isDirectory(PathUtil.join(out, path)) == false {
                manifest.outputs[path] = key
            }
            AtomicWriter.removeLeftovers(in: out)
            result.interrupted = true
        } else {
            // Outputs of an earlier build that this one no longer makes (a removed module).
            for path in old.outputs.keys where manifest.outputs[path] == nil && !pathPlanned(path, plan, pdf: options.pdf) {
                try? FileManager.default.removeItem(atPath: PathUtil.join(out, path))
            }
        }
        // One flush for every file written above, before the manifest names them.
        if !result.written.isEmpty { AtomicWriter.flush() }
        do {
            try manifest.write(folder: out)
        } catch {
            problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(PathUtil.join(out, BuildManifest.fileName)), .at(line: 1),
                "could not write the build manifest: \(FileError.describe(error))"))
        }
        if !problems.isEmpty {
            result.report = CheckReport(diagnostics: checked.diagnostics + problems, fileCount: checked.fileCount)
        } else if !result.interrupted, let stamp {
            try? stamp.write(result, outputs: Array(manifest.outputs.keys), in: out)
        }
        return result
    }

    /// The last build's result when its stamp matches `stamp` and its outputs are all there.
    func upToDate(_ stamp: BuildStamp, out: String) -> BuildResult? {
        guard access(PathUtil.join(out, BuildStamp.fileName), F_OK) == 0,
              case .success(let lock) = lockOutput(out, BuildResult(report: CheckReport(diagnostics: [], fileCount: 0))) else { return nil }
        defer { lock.release() }
        return stamp.earlierResult(in: out)
    }

    /// Weekly packets and session plans of every track and week, and the coverage report.
    func programOutputs(_ program: Program, prepared: Prepared) -> [PlannedOutput] {
        let curriculum = prepared.curriculum
        let packets = PacketRenderer(documents: prepared.renderer, program: program)
        var outputs: [PlannedOutput] = []
        var programHasher = ContentHasher()
        programHasher.add(prepared.sharedKey)
        programHasher.add(program.file.text)
        let programKey = programHasher.hexDigest
        for track in program.tracks {
            let schedule = TrackSchedule.resolve(track, in: program)
            for week in 1...max(program.weekCount, 1) {
                var hasher = ContentHasher()
                hasher.add(programKey)
                hasher.add(track.id)
                hasher.add(String(week))
                for module in packets.modules(of: schedule, week: week) { hasher.add(module.file.text) }
                let key = hasher.hexDigest
                let name = "week-\(week < 10 ? "0" : "")\(week)"
                outputs.append(PlannedOutput(path: "packets/\(track.id)/\(name).html", key: ContentHasher.digest(key, "packet")) {
                    packets.packet(track: track, week: week, start: nil)
                })
                outputs.append(PlannedOutput(path: "plans/\(track.id)/\(name).html", key: ContentHasher.digest(key, "plan")) {
                    packets.sessionPlan(track: track, week: week, start: nil)
                })
            }
        }
        var coverageHasher = ContentHasher()
        coverageHasher.add(programKey)
        for module in prepared.modules {
            coverageHasher.add(module.id?.value ?? "")
            for objective in module.objectives { coverageHasher.add(objective.value) }
        }
        let report = CoverageReport(curriculum: curriculum, program: program)
        let renderer = prepared.renderer
        outputs.append(PlannedOutput(path: "coverage.html", key: ContentHasher.digest(coverageHasher.hexDigest, "html")) {
            renderer.coveragePage(report)
        })
        outputs.append(PlannedOutput(path: "coverage.csv", key: ContentHasher.digest(coverageHasher.hexDigest, "csv")) { report.csv() })
        return outputs
    }

    private func pathPlanned(_ path: String, _ plan: [PlannedOutput], pdf: Bool) -> Bool {
        plan.contains { $0.path == path || (pdf && String($0.path.dropLast(5)) + ".pdf" == path) }
    }

    /// `templates/` beside the curriculum folder (the repository layout), else inside it, else
    /// in the current folder.
    func locateTemplates(root: String) -> String {
        TemplateSet.locate(root: root, fileSystem: fileSystem)
    }

    /// A fixed timestamp for WeasyPrint (its PDFs are then byte-identical): the newest review date.
    static func sourceDateEpoch(_ modules: [Module]) -> Int {
        let newest = modules.compactMap { $0.reviewed?.value }.max() ?? CalendarDate(year: 2026, month: 1, day: 1)!
        return newest.daysSinceEpoch * 86_400
    }

    static func fileBytes(_ path: String, _ fileSystem: any FileSystem) -> [UInt8] {
        (try? fileSystem.readFile(path)) ?? []
    }

    static func absolute(_ path: String) -> String {
        let joined = path.hasPrefix("/") ? path : PathUtil.join(FileManager.default.currentDirectoryPath, path)
        return "/" + (PathUtil.normalize(joined) ?? joined)
    }

    static func relative(_ path: String, to root: String, display: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let tail = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        return display.isEmpty ? tail : PathUtil.join(display, tail)
    }
}
