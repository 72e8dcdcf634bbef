/// `curriculum check` as a pure function of its inputs: load, check, apply settings, and
/// narrow the findings to the files the user named.
public enum CheckRun {
    /// Checks `paths`: nothing means `curriculum`, a folder is a curriculum, module files are
    /// checked within the curriculum they belong to (nearest `schema.yaml` upward) and only
    /// their own findings are reported.
    /// `cancellation` (Ctrl-C) stops the check between modules, rules and blocks of prose; the
    /// report then holds what was found so far and `wasCancelled`.
    public static func run(paths: [String], today: CalendarDate, fileSystem: any FileSystem = LocalFileSystem(),
                           cancellation: Cancellation? = nil) -> CheckReport {
        let shouldStop: @Sendable () -> Bool = { cancellation?.isCancelled ?? false }
        return runKeepingCurricula(paths: paths, today: today, fileSystem: fileSystem, shouldStop: shouldStop).report
    }

    /// `run`, also returning each curriculum it loaded, by its folder as given, and with
    /// `collectingFacts` what the check learned of each module (by path): `build` renders from
    /// these, so every module is read, parsed and its prose read once.
    package static func runKeepingCurricula(paths: [String], today: CalendarDate, fileSystem: any FileSystem,
                                            shouldStop: @escaping @Sendable () -> Bool = { false },
                                            collectingFacts: Bool = false)
                                            -> (report: CheckReport, curricula: [String: Curriculum], facts: [String: ModuleFacts]) {
        var curricula: [String: Curriculum] = [:]
        var facts: [String: ModuleFacts] = [:]
        let (roots, setupProblems) = resolveRoots(paths.isEmpty ? ["curriculum"] : paths, fileSystem: fileSystem)
        var diagnostics = setupProblems
        var fileCount = 0
        var skipped: [String: Int] = [:]
        for (root, files) in roots {
            let loaded = CurriculumLoader(fileSystem: fileSystem).load(root: root, extraFiles: files ?? [])
            var found = loaded.diagnostics
            if let curriculum = loaded.curriculum {
                curricula[root] = curriculum
                var context = CheckContext(curriculum: curriculum, fileSystem: fileSystem, today: today, rootPath: root)
                context.shouldStop = shouldStop
                let checked = Checker().run(context, collectingFacts: collectingFacts)
                found += checked.diagnostics
                facts.merge(checked.facts) { first, _ in first }
                found = DiagnosticEngine(schema: curriculum.schema).consume(found, suppressingIn: curriculum)
                let wanted = files.map { Set($0.map(displayKey)) }
                for (rule, count) in skippedRules(curriculum, only: wanted) { skipped[rule, default: 0] += count }
            }
            if let files {
                let wanted = Set(files.map(displayKey))
                found = found.filter { wanted.contains(displayKey($0.file)) || DiagnosticEngine.isSetup($0) }
                fileCount += files.count
            } else {
                fileCount += loaded.fileCount
            }
            diagnostics += found
        }
        var report = CheckReport(diagnostics: diagnostics, fileCount: fileCount)
        report.skipped = skipped
        report.wasCancelled = shouldStop()
        return (report, curricula, facts)
    }

    /// English-only rules (not switched off) and how many modules not in English they skip;
    /// `only` narrows the count to the files the user named.
    static func skippedRules(_ curriculum: Curriculum, only: Set<String>?) -> [String: Int] {
        let modules = curriculum.modules.filter { !$0.isEnglish && (only?.contains(displayKey($0.path)) ?? true) }
        guard !modules.isEmpty else { return [:] }
        var out: [String: Int] = [:]
        let engine = DiagnosticEngine(curriculum: curriculum)
        for rule in RuleCatalog.all where rule.languages != nil && engine.isEnabled(rule) {
            // person-first.term runs for a language whose pack lists terms.
            let count = modules.filter { !engine.isEnabled(rule, for: $0) }.count
            if count > 0 { out[rule.id.rawValue] = count }
        }
        return out
    }

    private static func displayKey(_ path: String) -> String {
        PathUtil.display(PathUtil.normalize(path).map { path.hasPrefix("/") ? "/" + $0 : $0 } ?? path)
    }

    /// Groups the arguments by curriculum folder. A folder maps to nil (check everything);
    /// files map to the list of files to report on.
    package static func resolveRoots(_ paths: [String], fileSystem: any FileSystem) -> ([(String, [String]?)], [Diagnostic]) {
        var roots: [(String, [String]?)] = []
        var problems: [Diagnostic] = []
        func add(_ root: String, _ file: String?) {
            if let index = roots.firstIndex(where: { displayKey($0.0) == displayKey(root) }) {
                guard let file else { roots[index].1 = nil; return }
                if roots[index].1 != nil { roots[index].1!.append(file) }
            } else {
                roots.append((root, file.map { [$0] }))
            }
        }
        for path in paths {
            switch fileSystem.isDirectory(path) {
            case true?:
                // A folder inside a curriculum (modules/coping): the curriculum above it is
                // loaded whole, and only the modules in the folder are reported on.
                if fileSystem.isDirectory(PathUtil.join(path, "schema.yaml")) == nil,
                   let root = schemaFolder(above: PathUtil.join(path, "module.md"), fileSystem: fileSystem) {
                    let modules = ((try? fileSystem.listRecursively(path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
                    if modules.isEmpty, !roots.contains(where: { displayKey($0.0) == displayKey(root) }) { roots.append((root, [])) }
                    for module in modules { add(root, PathUtil.join(path, module)) }
                } else {
                    add(path, nil)
                }
            case false?:
                if let what = notAModule(path) {
                    problems.append(SetupRules.folder.diagnostic(PathUtil.display(path), .at(line: 1),
                        "'\(PathUtil.display(path))' is \(what), not a module: `check` takes module files (.md) or a curriculum folder",
                        fix: Fix(summary: "to check the whole curriculum, this file included, give its folder: `curriculum check \(PathUtil.display(PathUtil.directory(of: path)))`")))
                } else if let root = schemaFolder(above: path, fileSystem: fileSystem) {
                    add(root, path)
                } else {
                    problems.append(SetupRules.folder.diagnostic(PathUtil.display(path), .at(line: 1),
                        "no schema.yaml was found in any folder above '\(PathUtil.display(path))', so it cannot be checked",
                        fix: Fix(summary: "keep modules inside a curriculum folder (one that holds schema.yaml), under modules/")))
                }
            case nil:
                // Let the loader report a missing folder in its own words.
                if path.hasSuffix(".md") {
                    problems.append(SetupRules.folder.diagnostic(PathUtil.display(path), .at(line: 1),
                        "there is no file '\(PathUtil.display(path))'", fix: Fix(summary: "check the path")))
                } else {
                    add(path, nil)
                }
            }
        }
        return (roots, problems)
    }

    /// What a file named on the command line is, when it is not a module (a Markdown file).
    static func notAModule(_ path: String) -> String? {
        let name = PathUtil.fileName(path)
        switch name {
        case "schema.yaml", "schema.yml": return "the curriculum's schema"
        case "program.yaml", "program.yml": return "the curriculum's program"
        case "glossary.yaml", "glossary.yml": return "the curriculum's glossary"
        case "module.schema.json": return "the front matter schema for editors"
        default: break
        }
        if name.lowercased().hasSuffix(".md") || name.lowercased().hasSuffix(".markdown") { return nil }
        let kind = name.split(separator: ".").count > 1 ? "a .\(name.split(separator: ".").last!) file" : "a file without the .md ending"
        return kind
    }

    /// The nearest folder above `file` that holds `schema.yaml`.
    package static func schemaFolder(above file: String, fileSystem: any FileSystem) -> String? {
        var folder = PathUtil.directory(of: file)
        for _ in 0..<64 {
            if fileSystem.isDirectory(PathUtil.join(folder, "schema.yaml")) == false { return folder }
            if fileSystem.resolvingSymlinks(folder) == "/" { return nil }
            if folder == "." { folder = ".." }
            else if PathUtil.fileName(folder) == ".." { folder += "/.." }
            else { folder = PathUtil.directory(of: folder) }
        }
        return nil
    }
}
