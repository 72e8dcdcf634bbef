/// Finds and reads a curriculum folder: `schema.yaml`, then every `modules/**/*.md`.
/// A broken module never stops the others from loading.
public struct CurriculumLoader: Sendable {
    public let fileSystem: any FileSystem
    /// The ids of every rule the tool knows: the schema warns about severities set for others
    /// (`schema.unknown-rule`). The rule catalog is a later stage, so it passes them in.
    public let knownRules: Set<String>

    public init(fileSystem: any FileSystem = LocalFileSystem(), knownRules: Set<String>) {
        self.fileSystem = fileSystem
        self.knownRules = knownRules
    }

    public struct Result: Sendable {
        public var curriculum: Curriculum?
        public var diagnostics: [Diagnostic]
        /// How many files were read (schema and modules).
        public var fileCount: Int
    }

    /// Loads the curriculum in `root`. `extraFiles` are module files (paths as the user wrote
    /// them) to load even if they are not under `modules/`.
    public func load(root: String, extraFiles: [String] = []) -> Result {
        let rootDisplay = PathUtil.display(root)
        guard fileSystem.isDirectory(root) == true else {
            let exists = fileSystem.isDirectory(root) != nil
            return Result(curriculum: nil, diagnostics: [SetupRules.folder.diagnostic(rootDisplay, .at(line: 1),
                exists ? "'\(rootDisplay)' is a file, not a curriculum folder" : "there is no curriculum folder '\(rootDisplay)'",
                fix: Fix(summary: "give the folder that holds schema.yaml, for example `curriculum check curriculum`"))], fileCount: 0)
        }
        let schemaPath = PathUtil.join(root, "schema.yaml")
        let schemaDisplay = PathUtil.display(schemaPath)
        var diagnostics: [Diagnostic] = []
        let schemaBytes: [UInt8]
        if fileSystem.isDirectory(schemaPath) == false, !fileSystem.isInside(schemaPath, root: root) {
            return Result(curriculum: nil, diagnostics: [Self.outsideDiagnostic(schemaDisplay, root: rootDisplay, what: "schema.yaml", setup: true)], fileCount: 0)
        }
        do {
            guard fileSystem.isDirectory(schemaPath) == false else { throw LoadError.missing }
            schemaBytes = try fileSystem.readFile(schemaPath, maxBytes: Self.maxSettingsBytes)
        } catch {
            return Result(curriculum: nil, diagnostics: [SetupRules.folder.diagnostic(schemaDisplay, .at(line: 1),
                "'\(rootDisplay)' has no readable schema.yaml, so the modules cannot be checked",
                fix: Fix(summary: "give the curriculum folder that holds schema.yaml, or copy the sample curriculum's schema.yaml"))], fileCount: 0)
        }
        guard let schemaText = String(validating: schemaBytes, as: UTF8.self) else {
            let (line, column) = ModuleLoader.firstInvalidUTF8(schemaBytes)
            return Result(curriculum: nil, diagnostics: [SetupRules.schemaSyntax.diagnostic(schemaDisplay, .at(line: line, column: column),
                "schema.yaml is not UTF-8 text", fix: Fix(summary: "save it as UTF-8"))], fileCount: 1)
        }
        let (schema, schemaDiagnostics) = SchemaLoader.load(SourceFile(path: schemaDisplay, text: schemaText), knownRules: knownRules)
        diagnostics += schemaDiagnostics
        guard let schema else {
            return Result(curriculum: nil, diagnostics: diagnostics, fileCount: 1)
        }

        var modulePaths: [String] = []
        let modulesFolder = PathUtil.join(root, "modules")
        if fileSystem.isDirectory(modulesFolder) == true {
            do {
                let listing = try fileSystem.listRecursivelyNotingUnreadable(modulesFolder)
                modulePaths = listing.entries
                    .filter { $0.hasSuffix(".md") }
                    .map { PathUtil.join(modulesFolder, $0) }
                for folder in listing.unreadable {
                    let display = PathUtil.display(PathUtil.join(modulesFolder, folder))
                    diagnostics.append(SetupRules.folder.diagnostic(display, .at(line: 1),
                        "the folder '\(display)' cannot be read, so the modules in it were not checked",
                        fix: Fix(summary: "let everyone who checks the curriculum read the folder (chmod a+rx '\(display)'), or move it out of modules/")))
                }
            } catch {
                diagnostics.append(SetupRules.folder.diagnostic(PathUtil.display(modulesFolder), .at(line: 1),
                    "the modules folder cannot be read", fix: Fix(summary: "check the folder's permissions")))
            }
        }
        // A file the user named is reported under the path they wrote, even when it is also found
        // under modules/ by another spelling (../modules/a.md, an absolute path, ...).
        var displayPaths = modulePaths.map { PathUtil.display($0) }
        let canonical = extraFiles.isEmpty ? [] : modulePaths.map { fileSystem.resolvingSymlinks($0) }
        for extra in extraFiles {
            if let index = canonical.firstIndex(of: fileSystem.resolvingSymlinks(extra)) {
                displayPaths[index] = PathUtil.display(extra)
            } else {
                modulePaths.append(extra)
                displayPaths.append(PathUtil.display(extra))
            }
        }

        // Modules are read and parsed on every core; they and their findings keep the order of
        // the paths, so the output does not depend on the threads.
        let loadedModules = Self.loadModules(Array(zip(modulePaths, displayPaths)), root: root, fileSystem: fileSystem,
                                             maxBytes: schema.content.maxModuleKB * 1024)
        let (languages, languageFindings) = LanguagePackLoader.load(root: root, fileSystem: fileSystem)
        diagnostics += languageFindings
        var modules: [Module] = []
        modules.reserveCapacity(loadedModules.count)
        for (module, found) in loadedModules {
            diagnostics += found
            guard var module else { continue }
            // A module in another language has its reserved sections (## Tarea) named by role.
            if let tag = module.language?.value, let pack = languages[tag] ?? languages[String(tag.split(separator: "-").first ?? "")] {
                module.nameSections(with: pack)
            }
            modules.append(module)
        }
        var program: Program?
        var programFiles = 0
        let programPath = PathUtil.join(root, "program.yaml")
        if fileSystem.isDirectory(programPath) == false {
            programFiles = 1
            let display = PathUtil.display(programPath)
            if !fileSystem.isInside(programPath, root: root) {
                diagnostics.append(Self.outsideDiagnostic(display, root: rootDisplay, what: "program.yaml", setup: false))
            } else if let bytes = try? fileSystem.readFile(programPath, maxBytes: Self.maxSettingsBytes),
                      let text = String(validating: bytes, as: UTF8.self) {
                let (loaded, found) = ProgramLoader.load(SourceFile(path: display, text: text))
                program = loaded
                diagnostics += found
            } else {
                diagnostics.append(ProgramFileRules.invalid.diagnostic(display, .at(line: 1), "program.yaml cannot be read as UTF-8 text",
                    fix: Fix(summary: "check the file's permissions and save it as UTF-8")))
            }
        }
        var curriculum = Curriculum(root: rootDisplay, schema: schema, modules: modules, program: program)
        let (glossary, glossaryFindings, _) = GlossaryLoader.load(root: root, fileSystem: fileSystem)
        curriculum.glossary = glossary
        curriculum.languages = languages
        diagnostics += glossaryFindings
        return Result(curriculum: curriculum,
                      diagnostics: diagnostics, fileCount: 1 + modulePaths.count + programFiles + languages.count)
    }

    /// The most schema.yaml, program.yaml and glossary.yaml may hold: far more than any real
    /// one, so a huge or endless file is refused unread.
    static let maxSettingsBytes = 16 << 20

    /// A file of the curriculum whose symbolic links lead out of the curriculum folder.
    static func outsideDiagnostic(_ display: String, root: String, what: String, setup: Bool) -> Diagnostic {
        var diagnostic = FileRules.outsideCurriculum.diagnostic(display, .at(line: 1),
            "\(what) is a symbolic link to a file outside the curriculum folder '\(root)', so it was not read",
            fix: Fix(summary: "copy the file into the curriculum folder instead of linking to it, or remove the link"))
        if setup { diagnostic.rule = SetupRules.folder.id }
        return diagnostic
    }

    /// Reads and parses module files (path, and the path findings name) on every core.
    private static func loadModules(_ files: [(String, String)], root: String, fileSystem: any FileSystem, maxBytes: Int) -> [(Module?, [Diagnostic])] {
        Parallel.map(files) { file in loadModule(path: file.0, display: file.1, root: root, fileSystem: fileSystem, maxBytes: maxBytes) }
    }

    /// Reads and parses one module file; `display` is the path findings name.
    private static func loadModule(path: String, display: String, root: String, fileSystem: any FileSystem, maxBytes: Int) -> (Module?, [Diagnostic]) {
        if fileSystem.isDirectory(path) == true {
            return (nil, [FileRules.unreadable.diagnostic(display, .at(line: 1),
                "'\(display)' is a folder, but its name ends in .md like a module",
                fix: Fix(summary: "rename the folder so its name does not end in .md"))])
        }
        if PathUtil.hasInvalidName(path), fileSystem.isDirectory(path) == nil {
            return (nil, [FileRules.unreadable.diagnostic(display, .at(line: 1),
                "the file name is not UTF-8 text (shown with \u{FFFD} for the bytes that are not), so the file cannot be named in findings, programs or builds",
                fix: Fix(summary: "rename the file with a UTF-8 name, for example with `mv` in a terminal that uses UTF-8, or your file manager"))])
        }
        if fileSystem.isDirectory(path) != nil, !fileSystem.isInside(path, root: root) {
            return (nil, [outsideDiagnostic(display, root: PathUtil.display(root), what: "the module", setup: false)])
        }
        let bytes: [UInt8]
        do {
            bytes = try fileSystem.readFile(path, maxBytes: maxBytes)
        } catch let error as FileTooLarge {
            return (nil, [FileRules.tooLarge.diagnostic(display, .at(line: 1),
                "the module is \(error.size / 1024) KB, more than the limit of \(maxBytes / 1024) KB, so it was not read",
                fix: Fix(summary: "split it into several modules, or raise 'max-module-kb' under 'content:' in schema.yaml"))])
        } catch is NotARegularFile {
            return (nil, [FileRules.unreadable.diagnostic(display, .at(line: 1),
                "'\(display)' is not a regular file (a pipe, a device or a socket), so it was not read",
                fix: Fix(summary: "replace it with an ordinary text file, or remove it"))])
        } catch {
            return (nil, [FileRules.unreadable.diagnostic(display, .at(line: 1), "the module file cannot be read",
                fix: Fix(summary: "check that the file exists and that you may read it (chmod a+r)"))])
        }
        return ModuleLoader.load(path: display, bytes: bytes)
    }

    private enum LoadError: Error { case missing }
}
