import Foundation

/// `curriculum check --fix`: checks, applies every automatic fix (one certain replacement,
/// such as a person-first term) in place, then checks again. Only the replaced text changes;
/// each file is written whole to a temporary file beside it and renamed over the original,
/// and a file that changed on disk since it was checked is left alone.
public enum FixRun {

    public struct Outcome: Sendable {
        /// The check after the fixes were written.
        public let report: CheckReport
        /// How many replacements were applied.
        public let applied: Int
        /// The files that were changed, as the findings name them.
        public let files: [String]
    }

    /// Checks `paths`, applies the automatic fixes, and checks again. `write` stores a file's
    /// new bytes; by default atomically, keeping the file's permissions, and through a symbolic
    /// link only to a file inside the curriculum folder (`AtomicWriter.replaceContents`).
    public static func run(paths: [String], today: CalendarDate, fileSystem: any FileSystem = LocalFileSystem(),
                           write: ((String, [UInt8]) throws -> Void)? = nil) -> Outcome {
        let roots = CheckRun.resolveRoots(paths.isEmpty ? ["curriculum"] : paths, fileSystem: fileSystem).0.map { RealPath.resolve($0.0) }
        let write = write ?? { path, bytes in try AtomicWriter.replaceContents(of: path, with: bytes, inside: roots) }
        let recording = RecordingFileSystem(fileSystem)
        let first = CheckRun.run(paths: paths, today: today, fileSystem: recording)
        var byFile: [String: [Replacement]] = [:]
        for diagnostic in first.diagnostics {
            guard let fix = diagnostic.fix, fix.isAutomatic else { continue }
            byFile[diagnostic.file, default: []] += fix.replacements
        }
        var applied = 0
        var changed: [String] = []
        var problems: [Diagnostic] = []
        for (path, replacements) in byFile.sorted(by: { $0.key < $1.key }) {
            guard let checked = recording.bytes(of: path), let now = try? fileSystem.readFile(path), now == checked,
                  let text = String(validating: now, as: UTF8.self) else {
                problems.append(writeFailed.diagnostic(path, .at(line: 1), "the file changed while it was checked, so it was not fixed",
                    fix: Fix(summary: "run `curriculum check --fix` again")))
                continue
            }
            let (fixed, count) = FixApplier.apply(replacements, to: text)
            guard count > 0, fixed != text else { continue }
            do {
                try write(path, Array(fixed.utf8))
                applied += count
                changed.append(path)
            } catch {
                problems.append(writeFailed.diagnostic(path, .at(line: 1), "the fixed file could not be written: \(FileError.describe(error))",
                    fix: Fix(summary: "check that you may write the file and its folder")))
            }
        }
        var report = CheckRun.run(paths: paths, today: today, fileSystem: fileSystem)
        if !problems.isEmpty {
            let skipped = report.skipped
            report = CheckReport(diagnostics: report.diagnostics + problems, fileCount: report.fileCount)
            report.skipped = skipped
        }
        return Outcome(report: report, applied: applied, files: changed)
    }
}

/// Applies text replacements to a file's text.
public enum FixApplier {
    /// `text` with `replacements` made; one that overlaps an earlier one (in file order) or
    /// lies outside the text is skipped. Returns the new text and how many were made.
    public static func apply(_ replacements: [Replacement], to text: String) -> (String, Int) {
        let file = SourceFile(path: "", text: text)
        let bytes = Array(text.utf8)
        var spans: [(start: Int, end: Int, text: String, order: Int)] = []
        for (order, replacement) in replacements.enumerated() {
            guard let start = offset(of: replacement.range.start, in: file, bytes),
                  let end = offset(of: replacement.range.end, in: file, bytes), start <= end else { continue }
            spans.append((start, end, replacement.text, order))
        }
        // File order; of two that start together, the one given first wins.
        spans.sort { ($0.start, $0.order) < ($1.start, $1.order) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        var count = 0
        for (start, end, new, _) in spans where start >= cursor {
            out += bytes[cursor..<start]
            out += Array(new.utf8)
            cursor = end
            count += 1
        }
        out += bytes[cursor...]
        return (String(decoding: out, as: UTF8.self), count)
    }

    /// The UTF-8 offset of a 1-based line and code-point column (the column just past the
    /// end of a line is allowed).
    static func offset(of location: SourceLocation, in file: SourceFile, _ bytes: [UInt8]) -> Int? {
        guard location.line >= 1, location.line <= file.lineCount, location.column >= 1 else { return nil }
        var offset = file.lineStarts[location.line - 1]
        var column = 1
        while column < location.column {
            guard offset < bytes.count, bytes[offset] != UInt8(ascii: "\n") else { return nil }
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        return offset
    }
}

/// A file system that remembers the bytes it read, so a fix is applied only to the text
/// that was checked.
final class RecordingFileSystem: FileSystem, Sendable {
    private let base: any FileSystem
    private let read = Locked([String: [UInt8]]())

    init(_ base: any FileSystem) {
        self.base = base
    }

    func bytes(of path: String) -> [UInt8]? {
        read.withValue { $0[PathUtil.display(path)] }
    }

    func readFile(_ path: String) throws -> [UInt8] {
        try readFile(path, maxBytes: Int.max)
    }

    func readFile(_ path: String, maxBytes: Int) throws -> [UInt8] {
        let bytes = try base.readFile(path, maxBytes: maxBytes)
        read.withValue { $0[PathUtil.display(path)] = bytes }
        return bytes
    }

    func isDirectory(_ path: String) -> Bool? { base.isDirectory(path) }
    func listRecursively(_ path: String) throws -> [String] { try base.listRecursively(path) }
    func listRecursivelyNotingUnreadable(_ path: String) throws -> (entries: [String], unreadable: [String]) {
        try base.listRecursivelyNotingUnreadable(path)
    }
    func resolvingSymlinks(_ path: String) -> String { base.resolvingSymlinks(path) }
    func fileSize(_ path: String) -> Int? { base.fileSize(path) }
}
