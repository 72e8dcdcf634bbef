import CurriculumKit
import Foundation

/// The sample curriculum the fuzzers check their inputs against: its schema, program,
/// modules and templates, read once from disk when a fuzzer starts (never while fuzzing).
public struct Sample: Sendable {
    /// The repository root: `CURRICULUM_FUZZ_ROOT`, else found from this file's path.
    public static let repositoryRoot: String = {
        if let root = ProcessInfo.processInfo.environment["CURRICULUM_FUZZ_ROOT"], !root.isEmpty { return root }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // Fuzz/Sources/FuzzSupport/Sample.swift
        return url.path
    }()

    /// The curriculum folder, as the fuzzers name it in paths ("curriculum/...").
    public static let rootName = "curriculum"

    public let curriculum: Curriculum
    public let templates: TemplateSet

    public var schema: Schema { curriculum.schema }
    public var program: Program? { curriculum.program }
    public var modules: [Module] { curriculum.modules }

    /// Loads the sample curriculum and the templates; stops the process when they cannot be used,
    /// since every input would then test nothing.
    public static func load() -> Sample {
        let root = repositoryRoot + "/curriculum"
        let loaded = CurriculumLoader().load(root: root)
        guard var curriculum = loaded.curriculum, curriculum.program != nil else {
            FuzzFailure.stop("the sample curriculum at \(root) cannot be loaded: \(loaded.diagnostics.map(\.message))")
        }
        // Paths as the fuzzers write them, so module paths and links resolve the same way.
        let glossary = curriculum.glossary
        curriculum = Curriculum(root: rootName, schema: curriculum.schema, modules: curriculum.modules.map {
            ModuleLoader.load(path: rootName + "/" + curriculum.relativePath(of: $0.path), bytes: Array($0.file.text.utf8)).0!
        }, program: curriculum.program)
        curriculum.glossary = glossary
        switch TemplateSet.load(folder: repositoryRoot + "/templates", fileSystem: LocalFileSystem()) {
        case .success(let templates):
            return Sample(curriculum: curriculum, templates: templates)
        case .failure(let failure):
            FuzzFailure.stop("the templates cannot be loaded: \(failure)")
        }
    }
}

/// A file system with nothing in it: rules that look for linked files find none, and nothing
/// the fuzzers run ever touches the disk.
public struct EmptyFileSystem: FileSystem {
    public init() {}
    public func readFile(_ path: String) throws -> [UInt8] { throw CocoaError(.fileNoSuchFile) }
    public func isDirectory(_ path: String) -> Bool? { nil }
    public func listRecursively(_ path: String) throws -> [String] { throw CocoaError(.fileNoSuchFile) }
    public func resolvingSymlinks(_ path: String) -> String { path }
}

/// A broken invariant: print what broke and abort, so libFuzzer saves the input as a crash.
public enum FuzzFailure {
    public static func stop(_ message: String) -> Never {
        FileHandle.standardError.write(Data("\nFUZZ INVARIANT BROKEN: \(message)\n".utf8))
        abort()
    }

    public static func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
        if !condition() { stop(message()) }
    }
}
