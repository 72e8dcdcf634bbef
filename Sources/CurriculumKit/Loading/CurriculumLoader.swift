/// Finds and reads a curriculum folder: `schema.yaml`, then every `modules/**/*.md`.
/// A broken module never stops the others from loading.
public struct CurriculumLoader: Sendable {
    public let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
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
        do {
            guard fileSystem.isDirectory(schemaPath) == false else { throw LoadError.missing }
            schemaBytes = try fileSystem.readFile(schemaPath)
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
        let (schema, schemaDiagnostics) = SchemaLoader.load(SourceFile(path: schemaDisplay, text: schemaText), knownRules: RuleCatalog.ids)
        diagnostics += schemaDiagnostics
        guard let schema else {
            return Result(curriculum: nil, diagnostics: diagnostics, fileCount: 1)
        }

        var modulePaths: [String] = []
        let modulesFolder = PathUtil.join(root, "modules")
        if fileSystem.isDirectory(modulesFolder) == true {
            do {
                modulePaths = try fileSystem.listRecursively(modulesFolder)
                    .filter { $0.hasSuffix(".md") }
                    .map { PathUtil.join(modulesFolder, $0) }
            } catch {
                diagnostics.append(SetupRules.folder.diagnostic(PathUtil.display(modulesFolder), .at(line: 1),
                    "the modules folder cannot be read", fix: Fix(summary: "check the folder's permissions")))
            }
        }
        // A file the user named is reported under the path they wrote, even when it is also found
        // under modules/ by another spelling (../modules/a.md, an absolute path, ...).
        var displayPaths = modulePaths.map { PathUtil.display($0) }
        let canonical = modulePaths.map { fileSystem.resolvingSymlinks($0) }
        for extra in extraFiles {
            if let index = canonical.firstIndex(of: fileSystem.resolvingSymlinks(extra)) {
                displayPaths[index] = PathUtil.display(extra)
            } else {
                modulePaths.append(extra)
                displayPaths.append(PathUtil.display(extra))
            }
        }

        var modules: [Module] = []
        for (path, display) in zip(modulePaths, displayPaths) {
            if fileSystem.isDirectory(path) == true {
                diagnostics.append(FileRules.unreadable.diagnostic(display, .at(line: 1),
                    "'\(display)' is a folder, but its name ends in .md like a module",
                    fix: Fix(summary: "rename the folder so its name does not end in .md")))
                continue
            }
            let bytes: [UInt8]
            do {
                bytes = try fileSystem.readFile(path)
            } catch {
                diagnostics.append(FileRules.unreadable.diagnostic(display, .at(line: 1), "the module file cannot be read",
                    fix: Fix(summary: "check that the file exists and that you may read it (chmod a+r)")))
                continue
            }
            let (module, found) = ModuleLoader.load(path: display, bytes: bytes)
            diagnostics += found
            if let module { modules.append(module) }
        }
        return Result(curriculum: Curriculum(root: rootDisplay, schema: schema, modules: modules),
                      diagnostics: diagnostics, fileCount: 1 + modulePaths.count)
    }

    private enum LoadError: Error { case missing }
}
