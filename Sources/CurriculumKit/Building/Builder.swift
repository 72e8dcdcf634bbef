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

    public init(fileSystem: any FileSystem = LocalFileSystem(), pdfEngine: (any PDFEngine)?,
                progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.fileSystem = fileSystem
        self.pdfEngine = pdfEngine
        self.progress = progress
    }

    /// One planned output: where it goes, the hash of what it is made from, how to make it.
    struct PlannedOutput: Sendable {
        let path: String
        let key: String
        let render: @Sendable () -> String
    }

    public func build(root: String, options: BuildOptions) -> BuildResult {
        let checked = CheckRun.run(paths: [root], today: options.today, fileSystem: fileSystem)
        var result = BuildResult(report: checked)
        guard checked.exitCode(strict: false) == 0 else {
            result.refused = true
            return result
        }
        func fail(_ diagnostics: [Diagnostic]) -> BuildResult {
            var failed = result
            failed.report = CheckReport(diagnostics: checked.diagnostics + diagnostics, fileCount: checked.fileCount)
            failed.refused = true
            return failed
        }
        guard let curriculum = CurriculumLoader(fileSystem: fileSystem).load(root: root).curriculum else {
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

        let programName = ProgramInfo.name(root: root, fileSystem: fileSystem)
        let renderer = DocumentRenderer(curriculum: curriculum, templates: templates, options: options.page, programName: programName)
        let modules = curriculum.modules.filter { $0.id != nil }.sorted { $0.id!.value < $1.id!.value }

        // Inputs every document depends on.
        var shared = ContentHasher()
        shared.add(Self.toolVersion)
        shared.add(templates.fingerprint)
        shared.add(options.page.key)
        shared.add(programName)
        shared.add(Self.fileBytes(PathUtil.join(root, "schema.yaml"), fileSystem))
        shared.add(Self.fileBytes(PathUtil.join(root, "glossary.yaml"), fileSystem))
        let sharedKey = shared.hexDigest

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

        let out = options.out
        let old = BuildManifest.read(folder: out)
        var manifest = BuildManifest()
        var problems: [Diagnostic] = []

        // HTML, rendered in parallel, written in plan order.
        let stale = plan.filter { old.outputs[$0.path] != $0.key || fileSystem.isDirectory(PathUtil.join(out, $0.path)) != false }
        let rendered = Locked([String: String]())
        let staleItems = stale
        DispatchQueue.concurrentPerform(iterations: staleItems.count) { index in
            let html = staleItems[index].render()
            rendered.withValue { $0[staleItems[index].path] = html }
        }
        let htmlByPath = rendered.current
        for output in plan {
            if let html = htmlByPath[output.path] {
                do {
                    try AtomicWriter.write(html, to: PathUtil.join(out, output.path))
                    result.written.append(output.path)
                } catch {
                    problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(PathUtil.join(out, output.path)), .at(line: 1),
                        "could not write the file: \(error.localizedDescription)", fix: Fix(summary: "check that the output folder is writable")))
                    continue
                }
            } else {
                result.unchanged += 1
            }
            manifest.outputs[output.path] = output.key
        }
        result.handoutCount = modules.count
        result.guideCount = modules.count

        // PDFs of handouts and guides, from the HTML just written.
        if options.pdf, let engine = pdfEngine, problems.isEmpty {
            let absoluteOut = Self.absolute(out)
            var jobs: [PDFJob] = []
            var pdfKeys: [String: String] = [:]
            for output in plan where output.path.hasSuffix(".html") && output.path != "index.html" {
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
            let failed = Set(failures.compactMap { $0.job?.pdf })
            for failure in failures {
                let where_ = failure.job.map { PathUtil.display(Self.relative($0.pdf, to: absoluteOut, display: out)) } ?? PathUtil.display(out)
                problems.append(BuildRules.pdfFailed.diagnostic(where_, .at(line: 1), failure.message,
                    fix: Fix(summary: "the HTML version was written; see WeasyPrint's message above, or build with --no-pdf")))
            }
            for job in jobs where !failed.contains(job.pdf) {
                let relative = Self.relative(job.pdf, to: absoluteOut, display: "")
                do {
                    try AtomicWriter.commit(job.temporary, to: job.pdf)
                    manifest.outputs[relative] = pdfKeys[relative]
                    result.written.append(relative)
                } catch {
                    problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(PathUtil.join(out, relative)), .at(line: 1),
                        "could not write the PDF: \(error.localizedDescription)"))
                }
            }
            result.pdfCount = manifest.outputs.keys.filter { $0.hasSuffix(".pdf") }.count
        }

        // Outputs of an earlier build that this one no longer makes (a removed module).
        for path in old.outputs.keys where manifest.outputs[path] == nil && !pathPlanned(path, plan, pdf: options.pdf) {
            try? FileManager.default.removeItem(atPath: PathUtil.join(out, path))
        }
        do {
            try manifest.write(folder: out)
        } catch {
            problems.append(BuildRules.writeFailed.diagnostic(PathUtil.display(PathUtil.join(out, BuildManifest.fileName)), .at(line: 1),
                "could not write the build manifest: \(error.localizedDescription)"))
        }
        if !problems.isEmpty {
            result.report = CheckReport(diagnostics: checked.diagnostics + problems, fileCount: checked.fileCount)
        }
        return result
    }

    private func pathPlanned(_ path: String, _ plan: [PlannedOutput], pdf: Bool) -> Bool {
        plan.contains { $0.path == path || (pdf && String($0.path.dropLast(5)) + ".pdf" == path) }
    }

    /// `templates/` beside the curriculum folder (the repository layout), else inside it.
    func locateTemplates(root: String) -> String {
        let parent = PathUtil.directory(of: PathUtil.display(root))
        let beside = PathUtil.join(parent == "." ? "" : parent, "templates")
        if fileSystem.isDirectory(beside.isEmpty ? "templates" : beside) == true { return beside.isEmpty ? "templates" : beside }
        return PathUtil.join(root, "templates")
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
