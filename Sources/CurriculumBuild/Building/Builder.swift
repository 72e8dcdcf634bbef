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
        // The stamp is a cache around the whole build: taken before anything is read, and when
        // it matches the last clean build's, that result stands. --require-review looks at every
        // module's front matter, so it never takes the shortcut.
        let stamp = (options.pdf && pdfEngine == nil) || options.requireReview ? nil
            : BuildStamp.take(root: root, options: options, templatesFolder: options.templates ?? locateTemplates(root: root), fileSystem: fileSystem)
        if let stamp, let earlier = upToDate(stamp, out: options.out, protected: protected) { return earlier }
        let prepared: Prepared
        switch prepare(root: root, options: options) {
        case .success(let value): prepared = value
        case .failure(let failure): return failure.result
        }
        var result = BuildResult(report: prepared.checked)
        let plan: BuildPlan
        switch self.plan(prepared, root: root, options: options) {
        case .success(let value): plan = value
        case .failure(let refusal): return Self.refusing(result, refusal.diagnostic)
        }
        result.packetCount = plan.packetCount
        result.datedPacketCount = plan.datedPacketCount
        let out = options.out
        let lock: BuildLock
        switch lockOutput(out, result, protected: protected) {
        case .success(let held): lock = held
        case .failure(let failure): return failure.result
        }
        defer { withExtendedLifetime(lock) {} }
        // Never through a symbolic link: a planted `handouts` link would send the files elsewhere.
        if let problem = OutputFolder.symbolicLinkProblem(plan.paths.sorted(), in: out) { return Self.refusing(result, problem) }
        BuildStamp.remove(from: out)
        let (problems, manifest) = write(plan, prepared: prepared, options: options,
                                         into: DiskOutputStore(folder: out, protected: protected, writeFile: writeFile), result: &result)
        // A build whose only problems are findings kept with their PDFs (WeasyPrint's warnings,
        // the layout check's) leaves a stamp too: the next build with nothing changed prints them
        // again from it, as it prints the check's findings.
        if !result.interrupted, let stamp, problems.allSatisfy({ Self.keptRules.contains($0.rule) }) {
            try? stamp.write(result, outputs: Array(manifest.outputs.keys), in: out)
        }
        return result
    }

    /// A build of the HTML pages into `store` (no lock, stamp or PDFs unless the store is on
    /// disk): what a preview or a test needs.
    package func build(root: String, options: BuildOptions, into store: any OutputStore) -> BuildResult {
        let prepared: Prepared
        switch prepare(root: root, options: options) {
        case .success(let value): prepared = value
        case .failure(let failure): return failure.result
        }
        var result = BuildResult(report: prepared.checked)
        switch plan(prepared, root: root, options: options) {
        case .success(let plan):
            result.packetCount = plan.packetCount
            result.datedPacketCount = plan.datedPacketCount
            _ = write(plan, prepared: prepared, options: options, into: store, result: &result)
        case .failure(let refusal): return Self.refusing(result, refusal.diagnostic)
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
