import Foundation

/// `curriculum new module`: loads the curriculum, plans the module with `ModuleScaffold` and
/// writes it, never over an existing file.
public struct NewModule: Sendable {
    /// Why nothing was written.
    public enum Failure: Error, Sendable {
        /// An argument the schema does not allow (a usage error: the argument parser's code).
        case invalidArgument(String)
        /// The file or the id exists already (exit 1).
        case conflict(String)
        /// The curriculum or the template cannot be used (exit 2), with where.
        case setup([Diagnostic])
    }

    /// What was written.
    public struct Created: Sendable {
        /// The new file, as reached from the curriculum folder given.
        public let path: String
        public let draft: ModuleScaffold.Draft
        /// The template used, or nil for the built-in one.
        public let templatePath: String?
    }

    public let fileSystem: any FileSystem

    public init(fileSystem: any FileSystem = LocalFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// Checks the arguments against the schema of the curriculum at `root` without writing
    /// anything, so a command line can report them as usage errors before it runs. A curriculum
    /// that cannot be loaded passes here: `create` reports it.
    public func checkArguments(_ request: ModuleScaffold.Request, root: String) throws(Failure) {
        guard let curriculum = CurriculumLoader(fileSystem: fileSystem).load(root: root).curriculum else { return }
        do {
            try ModuleScaffold(schema: curriculum.schema, modules: []).validated(request)
        } catch {
            if case .invalidArgument(let message) = error { throw .invalidArgument(message) }
        }
    }

    /// Writes a new module into the curriculum at `root`. `templates` is the `--templates` folder.
    public func create(_ request: ModuleScaffold.Request, root: String, templates: String? = nil) throws(Failure) -> Created {
        let loaded = CurriculumLoader(fileSystem: fileSystem).load(root: root)
        guard let curriculum = loaded.curriculum else {
            throw .setup(loaded.diagnostics.filter { $0.severity == .error })
        }
        let template: ModuleTemplate
        do {
            template = try ModuleTemplate.locate(folder: templates, curriculumRoot: root, fileSystem: fileSystem)
        } catch {
            throw .setup([error.diagnostic])
        }
        let draft: ModuleScaffold.Draft
        do {
            draft = try ModuleScaffold(schema: curriculum.schema, modules: curriculum.modules).draft(request, template: template)
        } catch {
            switch error {
            case .invalidArgument(let message): throw .invalidArgument(message)
            case .idTaken(let message): throw .conflict(message)
            }
        }
        let path = PathUtil.join(root, draft.relativePath)
        let shown = PathUtil.display(path)
        if fileSystem.isDirectory(path) != nil {
            throw .conflict("\(shown) already exists; nothing was written. Choose another title, or another id with --id")
        }
        do {
            try Self.writeNew(draft.text, to: path)
        } catch let error as CocoaError where error.code == .fileWriteFileExists {
            throw .conflict("\(shown) already exists; nothing was written. Choose another title, or another id with --id")
        } catch {
            throw .setup([SetupRules.folder.diagnostic(shown, .at(line: 1), "the new module cannot be written: \(Self.reason(error))",
                                                       fix: Fix(summary: "check that you may write in \(PathUtil.display(PathUtil.directory(of: path)))"))])
        }
        return Created(path: shown, draft: draft, templatePath: template.path)
    }

    /// Writes `text` to a new file at `path`, creating its folder. The file appears complete or
    /// not at all, and an existing file is never replaced (even one created a moment ago):
    /// the bytes go to a temporary file that is then hard-linked to its name, which fails if
    /// the name is taken.
    static func writeNew(_ text: String, to path: String) throws {
        let folder = PathUtil.directory(of: path)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = PathUtil.join(folder, ".\(PathUtil.fileName(path)).new-\(getpid())-\(UUID().uuidString.prefix(8))")
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: folder])
        }
        defer { unlink(temporary) }
        guard link(temporary, path) != 0 else { return }
        var code = errno
        if code != EEXIST {
            // A file system without hard links: create the name exclusively instead.
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            if descriptor >= 0 {
                let bytes = Array(text.utf8)
                let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                close(descriptor)
                if written == bytes.count { return }
                unlink(path)
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
            code = errno
        }
        if code == EEXIST { throw CocoaError(.fileWriteFileExists, userInfo: [NSFilePathErrorKey: path]) }
        throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
    }

    private static func reason(_ error: any Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)).lowercased() }
        if let cocoa = error as? CocoaError, cocoa.code == .fileWriteNoPermission { return "permission denied" }
        return "\(error)"
    }
}
