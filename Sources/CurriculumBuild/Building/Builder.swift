import Foundation

/// `curriculum build`: check, then render every handout, guide and the index as HTML, then
/// PDF. Writes are atomic, unchanged outputs are skipped (content-hash manifest), and the
/// manifest is written last.
public struct Builder: Sendable {
    public static let toolVersion = ToolVersion.current

    public let fileSystem: any FileSystem
    /// nil when no PDF engine is installed.
    public let pdfEngine: (any PDFEngine)?
    /// Called with short progress messages ("rendering PDFs 3/72").
    public let progress: @Sendable (String) -> Void
    /// Set by Ctrl-C or SIGTERM: the build stops between files.
    public let cancellation: Cancellation?
    /// Writes one output file (atomically); tests replace it to make writes fail.
    var writeFile: @Sendable ([UInt8], String) throws -> Void = { bytes, path in try AtomicWriter.write(bytes, to: path, durable: false) }

    public init(fileSystem: any FileSystem = LocalFileSystem(), pdfEngine: (any PDFEngine)?,
                progress: @escaping @Sendable (String) -> Void = { _ in }, cancellation: Cancellation? = nil) {
        self.fileSystem = fileSystem
        self.pdfEngine = pdfEngine
        self.progress = progress
        self.cancellation = cancellation
    }

    var isCancelled: Bool { cancellation?.isCancelled ?? false }

    /// The build refused before anything is read or written, when `--out` is a folder a build
    /// must not write in (`/`, the home folder, inside the curriculum or templates folder).
    func refuseOutputFolder(root: String, options: BuildOptions) -> BuildResult? {
        guard let problem = OutputFolder.problem(out: options.out, root: root, templates: options.templates ?? locateTemplates(root: root)) else { return nil }
        var refused = BuildResult(report: CheckReport(diagnostics: [problem], fileCount: 0))
        refused.refused = true
        return refused
    }

    /// The folders a build never removes anything from.
    func protectedFolders(root: String, options: BuildOptions) -> [String] {
        OutputFolder.protected(root: root, templates: options.templates ?? locateTemplates(root: root))
    }

    /// `result`, refused with `problem` added.
    static func refusing(_ result: BuildResult, _ problem: Diagnostic) -> BuildResult {
        var failed = result
        failed.refused = true
        failed.report = CheckReport(diagnostics: result.report.diagnostics + [problem], fileCount: result.report.fileCount)
        return failed
    }

    /// Locks the output folder and clears what an interrupted build left; nil with the failed
    /// result when another build holds the folder.
    func lockOutput(_ out: String, _ result: BuildResult, protected: [String]) -> Result<BuildLock, BuildFailure> {
        let lock: BuildLock?
        do {
            lock = try BuildLock.acquire(folder: out)
        } catch {
            let lockPath = PathUtil.join(out, BuildLock.fileName)
            if OutputFolder.symbolicLink(on: BuildLock.fileName, in: out, includingFile: true) != nil {
                return .failure(BuildFailure(result: Self.refusing(result, OutputFolder.unusable.diagnostic(PathUtil.display(lockPath), .at(line: 1),
                    "the build's lock file is a symbolic link (to \(RealPath.of(lockPath) ?? "nothing")); a build never writes through one",
                    fix: Fix(summary: "remove the link (rm \(PathUtil.display(lockPath))), or build into another folder with --out")))))
            }
            return .failure(BuildFailure(result: Self.refusing(result, BuildRules.writeFailed.diagnostic(PathUtil.display(out), .at(line: 1),
                "the output folder cannot be created or written: \(FileError.describe(error))", fix: Fix(summary: "choose another folder with --out, or check its permissions")))))
        }
        guard let lock else {
            var failed = result
            failed.refused = true
            failed.report = CheckReport(diagnostics: result.report.diagnostics + [BuildRules.locked.diagnostic(PathUtil.display(out), .at(line: 1),
                "another build is writing to '\(PathUtil.display(out))' right now",
                fix: Fix(summary: "wait for it to finish, or build into another folder with --out"))], fileCount: result.report.fileCount)
            return .failure(BuildFailure(result: failed))
        }
        OutputFolder.removeLeftovers(in: out, protected: protected)
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
        // The check reads every module's prose once; the words to know of each handout come from it.
        let (checked, loaded, facts) = CheckRun.runKeepingCurricula(paths: [root], today: options.today, fileSystem: fileSystem,
                                                                    shouldStop: { [cancellation] in cancellation?.isCancelled ?? false },
                                                                    collectingFacts: true)
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
        if options.requireReview {
            let refused = Self.unreviewed(curriculum.modules)
            if !refused.isEmpty { return fail(refused) }
        }
        let templatesFolder = options.templates ?? locateTemplates(root: root)
        let templates: TemplateSet
        switch TemplateSet.load(folder: templatesFolder, fileSystem: fileSystem) {
        case .success(let set): templates = set
        case .failure(let failure): return fail(failure.diagnostics)
        }
        if options.pdf, let problem = pdfEngine?.setupProblem {
            return fail([WeasyPrintEngine.missing.diagnostic(PathUtil.display(options.out), .at(line: 1), problem,
                fix: Fix(summary: "install Debian's WeasyPrint (`sudo apt-get install weasyprint`, or `make deps`) or set \(WeasyPrintEngine.pythonVariable); --no-pdf builds HTML only"))])
        }
        if options.pdf && pdfEngine == nil {
            return fail([WeasyPrintEngine.missing.diagnostic(PathUtil.display(options.out), .at(line: 1),
                "WeasyPrint, which makes the PDFs, is not installed",
                fix: Fix(summary: "install it with `sudo apt-get install weasyprint` (or `make deps`), or build HTML only with --no-pdf"))])
        }
        let programName = curriculum.program?.name ?? ProgramInfo.name(root: root, fileSystem: fileSystem)
        let renderer = DocumentRenderer(curriculum: curriculum, templates: templates, options: options.page, programName: programName,
                                        facts: facts)
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
        if let refused = refuseOutputFolder(root: root, options: options) { return refused }
        let protected = protectedFolders(root: root, options: options)
        // Taken before anything is read; when it matches the last clean build's, that result stands.
        // --require-review looks at every module's front matter, so it never takes the shortcut.
        let stamp = (options.pdf && pdfEngine == nil) || options.requireReview ? nil
            : BuildStamp.take(root: root, options: options, templatesFolder: options.templates ?? locateTemplates(root: root), fileSystem: fileSystem)
        if let stamp, let earlier = upToDate(stamp, out: options.out, protected: protected) { return earlier }
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
        if let dated = options.dated {
            // Dated packets come from the program's calendar: without it there is nothing to date.
            guard let program = curriculum.program else {
                return Self.refusing(result, Self.noProgram.diagnostic(PathUtil.display(PathUtil.join(root, "program.yaml")), .at(line: 1),
                    "--from needs program.yaml, and the curriculum has none", fix: Fix(summary: "add program.yaml with the program's tracks and cycle-start")))
            }
            guard let calendar = ProgramCalendar(program: program) else {
                return Self.refusing(result, ProgramCalendar.missingCycleStart(program, today: options.today))
            }
            let outputs = datedPacketOutputs(calendar, dated, prepared: prepared)
            plan += outputs
            result.datedPacketCount = outputs.count
        }

        // Images the modules show, copied so the build prints offline: only the image types a
        // handout needs, and SVG only without script or references to other files.
        var assets: [(path: String, key: String, bytes: [UInt8])] = []
        for relative in prepared.renderer.links.assets(of: modules) where relative != "print.css" {
            let source = PathUtil.join(root, relative)
            guard (fileSystem.fileSize(source) ?? 0) <= ImageFile.maxBytes,
                  let bytes = try? fileSystem.readFile(source), ImageFile.mayCopy(relative, bytes) else { continue }
            var hasher = ContentHasher()
            hasher.add(bytes)
            assets.append(("assets/" + relative, hasher.hexDigest, bytes))
        }

        let out = options.out
        let lock: BuildLock
        switch lockOutput(out, result, protected: protected) {
        case .success(let held): lock = held
        case .failure(let failure): return failure.result
        }
        defer { withExtendedLifetime(lock) {} }
        var planned = Set(plan.map(\.path) + assets.map(\.path))
        if options.pdf {
            for output in plan where Self.makesPDF(output.path) { planned.insert(String(output.path.dropLast(5)) + ".pdf") }
        }
        // Never through a symbolic link: a planted `handouts` link would send the files elsewhere.
        if let problem = OutputFolder.symbolicLinkProblem(planned.sorted(), in: out) { return Self.refusing(result, problem) }
        BuildStamp.remove(from: out)
        let old = BuildManifest.read(folder: out)
        var manifest = BuildManifest()
        var problems: [Diagnostic] = []

        // HTML, rendered and written in parallel (each file as soon as it is rendered, so
        // writing overlaps rendering and no page waits in memory), then recorded in plan order.
        // An output is unchanged only when the file on disk is the one its manifest entry was
        // made for (the entry holds a digest of the file's bytes).
        let outcomes = Locked([String: OutputOutcome]())
        let cancellation = self.cancellation
        let writeFile = self.writeFile
        let items = plan
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            if cancellation?.isCancelled == true { return }
            let item = items[index]
            if let recorded = old.outputs[item.path], OutputFolder.entryOnDisk(key: item.key, item.path, in: out) == recorded {
                outcomes.withValue { $0[item.path] = .unchanged(recorded) }
                return
            }
            let html = Array(item.render().utf8)
            let outcome: OutputOutcome
            do {
                try writeFile(html, PathUtil.join(out, item.path))
                outcome = .written(OutputFolder.entry(key: item.key, bytes: html))
            } catch {
                outcome = .failed(FileError.describe(error))
            }
            outcomes.withValue { $0[item.path] = outcome }
        }
        let reached = outcomes.current
        for output in plan {
            switch reached[output.path] {
            case nil:
                continue  // not reached: cancelled
            case .unchanged(let entry):
                result.unchanged += 1
                manifest.outputs[output.path] = entry
            case .written(let entry):
                result.written.append(output.path)
                manifest.outputs[output.path] = entry
            case .failed(let failure):
                problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(PathUtil.join(out, output.path)), .at(line: 1),
                    "could not write the file: \(failure)", fix: Fix(summary: "check that the output folder is writable")))
            }
        }
        for asset in assets where !isCancelled {
            if let recorded = old.outputs[asset.path], OutputFolder.entryOnDisk(key: asset.key, asset.path, in: out) == recorded {
                result.unchanged += 1
                manifest.outputs[asset.path] = recorded
                continue
            }
            do {
                try writeFile(asset.bytes, PathUtil.join(out, asset.path))
                result.written.append(asset.path)
                manifest.outputs[asset.path] = OutputFolder.entry(key: asset.key, bytes: asset.bytes)
            } catch {
                problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(PathUtil.join(out, asset.path)), .at(line: 1),
                    "could not copy the file: \(FileError.describe(error))"))
            }
        }
        result.handoutCount = modules.count
        result.guideCount = modules.count

        // PDFs of handouts and guides, from the HTML just written.
        if options.pdf, let engine = pdfEngine, problems.isEmpty, !isCancelled {
            let absoluteOut = RealPath.absolute(out)
            var jobs: [PDFJob] = []
            var pdfKeys: [String: String] = [:]
            let pdfNotes = PDFNotes(curriculum: curriculum, templatesFolder: templates.folder, out: out, fileSystem: fileSystem)
            var findings: [String: [BuildManifest.Finding]] = [:]
            for output in plan where Self.makesPDF(output.path) {
                let pdfPath = String(output.path.dropLast(5)) + ".pdf"
                let key = ContentHasher.digest(output.key, "pdf")
                pdfKeys[pdfPath] = key
                if let recorded = old.outputs[pdfPath], OutputFolder.entryOnDisk(key: key, pdfPath, in: out) == recorded {
                    manifest.outputs[pdfPath] = recorded
                    result.unchanged += 1
                    // The findings of a PDF that is not made again are reported again, every time.
                    if let kept = old.findings[pdfPath], !kept.isEmpty {
                        manifest.findings[pdfPath] = kept
                        problems += kept.compactMap { pdfNotes.diagnostic($0, pdf: pdfPath) }
                    }
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
                if failure.isWarning, let job = failure.job {
                    // Kept with the PDF's manifest entry, so a build that skips it reports it again.
                    let pdfPath = Self.relative(job.pdf, to: absoluteOut, display: "")
                    let finding = pdfNotes.finding(failure, pdf: pdfPath)
                    findings[pdfPath, default: []].append(finding)
                    if let diagnostic = pdfNotes.diagnostic(finding, pdf: pdfPath) { problems.append(diagnostic) }
                } else if failure.isWarning {
                    problems += DiagnosticEngine(schema: curriculum.schema).applyingSeverities(to: [BuildRules.pdfWarning.diagnostic(where_, .at(line: 1), failure.message,
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
                    manifest.outputs[relative] = pdfKeys[relative].flatMap { OutputFolder.entryOnDisk(key: $0, relative, in: out) }
                    if let found = findings[relative] { manifest.findings[relative] = found }
                    result.written.append(relative)
                } catch {
                    problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(PathUtil.join(out, relative)), .at(line: 1),
                        "could not write the PDF: \(FileError.describe(error))"))
                }
            }
            result.pdfCount = manifest.outputs.keys.filter { $0.hasSuffix(".pdf") }.count
        }

        // Files this build did not reach or could not replace (cancelled, disk full, a failed
        // PDF stage) are still the earlier build's, and their entries still describe them: keep
        // them. Dated packets (`build --from`) are a record of what was handed out: kept too.
        // Outputs of an earlier build that this one no longer makes (a removed module) are
        // removed, when they are this tool's regular files inside --out.
        for (path, entry) in old.outputs where manifest.outputs[path] == nil {
            if isCancelled || planned.contains(path) || OutputPaths.isDatedPacket(path) {
                if OutputFolder.holdsFile(path, in: out) {
                    manifest.outputs[path] = entry
                    if let kept = old.findings[path] { manifest.findings[path] = kept }
                }
            } else {
                OutputFolder.removeOutput(path, in: out, protected: protected)
            }
        }
        if isCancelled {
            OutputFolder.removeLeftovers(in: out, protected: protected)
            result.interrupted = true
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
        }
        // A build whose only problems are findings kept with their PDFs (WeasyPrint's warnings,
        // the layout check's) leaves a stamp too: the next build with nothing changed prints them
        // again from it, as it prints the check's findings.
        if !result.interrupted, let stamp, problems.allSatisfy({ Self.keptRules.contains($0.rule) }) {
            try? stamp.write(result, outputs: Array(manifest.outputs.keys), in: out)
        }
        return result
    }

    /// Rules of the findings a PDF's manifest entry keeps.
    static let keptRules = Set([BuildRules.pdfWarning.id] + LayoutRules.all.map(\.id))

    /// The last build's result when its stamp matches `stamp` and its outputs are all there.
    func upToDate(_ stamp: BuildStamp, out: String, protected: [String]) -> BuildResult? {
        guard access(PathUtil.join(out, BuildStamp.fileName), F_OK) == 0,
              case .success(let lock) = lockOutput(out, BuildResult(report: CheckReport(diagnostics: [], fileCount: 0)), protected: protected) else { return nil }
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
                outputs.append(PlannedOutput(path: OutputPaths.packet(track: track.id, week: week) + ".html", key: ContentHasher.digest(key, "packet")) {
                    packets.packet(track: track, week: week, start: nil)
                })
                outputs.append(PlannedOutput(path: OutputPaths.sessionPlan(track: track.id, week: week) + ".html", key: ContentHasher.digest(key, "plan")) {
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

    /// The dated packets of `dated`'s weeks for every track (`build --from DATE --weeks N`):
    /// each is the packet of the cycle week that holds its Monday, dated from that Monday.
    func datedPacketOutputs(_ calendar: ProgramCalendar, _ dated: DatedWeeks, prepared: Prepared) -> [PlannedOutput] {
        let program = calendar.program
        let packets = PacketRenderer(documents: prepared.renderer, program: program)
        var outputs: [PlannedOutput] = []
        for track in program.tracks {
            let schedule = TrackSchedule.resolve(track, in: program)
            for index in 0..<dated.count {
                let monday = ProgramCalendar.monday(of: dated.from).adding(days: 7 * index)
                let week = calendar.cycleWeek(of: monday)
                var hasher = ContentHasher()
                hasher.add(prepared.sharedKey)
                hasher.add(program.file.text)
                hasher.add(track.id)
                hasher.add("\(week) \(monday)")
                let holidays = WeekCalendar(start: monday, holidays: program.holidays)
                for module in packets.modules(of: schedule, week: week, calendar: holidays) { hasher.add(module.file.text) }
                outputs.append(PlannedOutput(path: OutputPaths.datedPacket(track: track.id, start: monday) + ".html",
                                             key: ContentHasher.digest(hasher.hexDigest, "dated-packet")) {
                    packets.packet(track: track, week: week, start: monday)
                })
            }
        }
        return outputs
    }

    /// True for the HTML outputs that get a PDF (handouts, guides, packets, plans).
    static func makesPDF(_ path: String) -> Bool {
        path.hasSuffix(".html") && path != "index.html" && path != "coverage.html"
    }

    /// What became of one planned output.
    enum OutputOutcome: Sendable {
        /// The file on disk is the one its manifest entry describes.
        case unchanged(String)
        /// Written, with its new manifest entry.
        case written(String)
        /// Could not be written, and why.
        case failed(String)
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

    static func relative(_ path: String, to root: String, display: String) -> String {
        let prefix = root.hasSuffix("/") ? root : root + "/"
        let tail = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
        return display.isEmpty ? tail : PathUtil.join(display, tail)
    }
}
