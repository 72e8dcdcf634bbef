import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lets a build that has nothing to do finish without loading or checking anything.
///
/// A finished, clean build leaves a stamp in the output folder: a digest of what the build
/// could depend on, taken before it read anything, with the report and counts it printed and
/// the outputs it made. The next build takes the same digest; when it matches and every output
/// is still there, the earlier result stands and is returned as it is.
///
/// The digest covers the file metadata (size, modification and change times, inode) of every
/// file under the curriculum folder and of the templates, the options, `--today`, the folders
/// as given and the tool's own executable. Writing a file always changes its change time, so any
/// edit, added or removed file (an image a link points at, too) means a full build. A build
/// removes the stamp before it writes anything and leaves a new one only when it finished
/// without problems.
struct BuildStamp {
    static let fileName = ".curriculum-stamp.json"
    static let formatVersion = 1

    /// The digest of the inputs, taken before the build reads them.
    let inputs: String

    /// The digest for a build of `root` with `options`; nil when the file system is not the
    /// local disk or something cannot be read (the build then simply does all its work).
    static func take(root: String, options: BuildOptions, templatesFolder: String, fileSystem: any FileSystem) -> BuildStamp? {
        guard fileSystem is LocalFileSystem else { return nil }
        var hasher = ContentHasher()
        hasher.add("stamp \(formatVersion) \(Builder.toolVersion)")
        guard let executable = executableIdentity() else { return nil }
        hasher.add(executable)
        // Not the output folder: the stamp lives in it, and two folders built from the same
        // inputs hold the same files.
        hasher.add(root)
        hasher.add(RealPath.of(root) ?? "")
        hasher.add(options.pdf ? "pdf" : "html")
        hasher.add(options.page.key)
        hasher.add(options.templates ?? "")
        hasher.add(options.today.description)
        hasher.add(options.dated.map { "dated \($0.from) \($0.count)" } ?? "")
        hasher.add(templatesFolder)
        for name in TemplateSet.requiredFiles + TemplateSet.optionalFiles {
            let path = PathUtil.join(templatesFolder, name)
            hasher.add(name)
            hasher.add(metadata(path))
            var info = stat()
            if stat(path, &info) == 0, isRacy(info) { hasher.add(FileManager.default.contents(atPath: path) ?? Data()) }
        }
        guard fileSystem.isDirectory(root) == true, walk(root, relative: "", into: &hasher) else { return nil }
        return BuildStamp(inputs: hasher.hexDigest)
    }

    /// The result the last build recorded, when it was made from the same inputs and all its
    /// outputs are still in `out`.
    func earlierResult(in out: String) -> BuildResult? {
        let path = PathUtil.join(out, Self.fileName)
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["version"] as? Int == Self.formatVersion, object["inputs"] as? String == inputs,
              let outputs = object["outputs"] as? [String], let counts = object["counts"] as? [String: Int],
              let reportObject = object["report"] as? [String: Any], let report = Self.report(from: reportObject),
              object["manifest"] as? String == Self.manifestDigest(in: out) else { return nil }
        for output in outputs {
            var info = stat()
            guard stat(PathUtil.join(out, output), &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        }
        var result = BuildResult(report: report)
        result.unchanged = outputs.count
        result.handoutCount = counts["handouts"] ?? 0
        result.guideCount = counts["guides"] ?? 0
        result.packetCount = counts["packets"] ?? 0
        result.datedPacketCount = counts["dated-packets"] ?? 0
        result.pdfCount = counts["pdfs"] ?? 0
        return result
    }

    /// Records a finished build: its result and the outputs its manifest lists.
    func write(_ result: BuildResult, outputs: [String], in out: String) throws {
        let counts: [(String, JSONValue)] = [("handouts", .int(result.handoutCount)), ("guides", .int(result.guideCount)),
                                             ("packets", .int(result.packetCount)), ("dated-packets", .int(result.datedPacketCount)),
                                             ("pdfs", .int(result.pdfCount))]
        let json = JSONValue.object([
            ("version", .int(Self.formatVersion)),
            ("inputs", .string(inputs)),
            ("counts", .object(counts)),
            ("report", Self.json(result.report)),
            ("outputs", .array(outputs.sorted().map { .string($0) })),
            // The manifest as this build left it: a removed or changed manifest means a full build.
            ("manifest", .string(Self.manifestDigest(in: out))),
        ])
        try AtomicWriter.write(json.serialized() + "\n", to: PathUtil.join(out, Self.fileName))
    }

    /// A digest of the manifest's bytes ("none" when there is none).
    private static func manifestDigest(in out: String) -> String {
        guard let data = FileManager.default.contents(atPath: PathUtil.join(out, BuildManifest.fileName)) else { return "none" }
        var hasher = ContentHasher()
        hasher.add(data)
        return hasher.hexDigest
    }

    /// Removes the stamp, so a build that stops part way never leaves one that vouches for
    /// outputs it changed.
    static func remove(from out: String) {
        unlink(PathUtil.join(out, fileName))
    }

    // MARK: Inputs

    /// Adds every entry under `folder` (sorted, recursively) with its metadata; false when the
    /// folder cannot be listed.
    private static func walk(_ folder: String, relative: String, into hasher: inout ContentHasher) -> Bool {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return false }
        for name in names.sorted() {
            let path = PathUtil.join(folder, name)
            let entry = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { return false }
            hasher.add(entry)
            hasher.add(describe(info))
            if isRacy(info), info.st_mode & S_IFMT == S_IFREG {
                // A file system that keeps whole seconds only cannot tell an edit made in the same
                // second by its times: the bytes of a file that new go into the digest too.
                guard let bytes = FileManager.default.contents(atPath: path) else { return false }
                hasher.add(bytes)
            }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                guard walk(path, relative: entry, into: &hasher) else { return false }
            case S_IFLNK:
                // Where the link leads and what is there (a link may leave the folder).
                hasher.add(RealPath.of(path) ?? "dangling")
                hasher.add(metadata(path))
            default:
                break
            }
        }
        return true
    }

    /// Size, times, inode and type of what `path` leads to; "none" when nothing is there.
    private static func metadata(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "none" }
        return describe(info)
    }

    /// Times in whole seconds (no nanoseconds) and changed within the last few seconds.
    private static func isRacy(_ info: stat) -> Bool {
        let (modified, changed) = times(info)
        return modified.tv_nsec == 0 && changed.tv_nsec == 0 && time(nil) - changed.tv_sec < 3
    }

    private static func describe(_ info: stat) -> String {
        let (modified, changed) = times(info)
        return "\(info.st_mode) \(info.st_size) \(modified.tv_sec).\(modified.tv_nsec) \(changed.tv_sec).\(changed.tv_nsec) \(info.st_ino) \(info.st_dev)"
    }

    /// Modification and change times (named differently by Glibc and Darwin).
    private static func times(_ info: stat) -> (timespec, timespec) {
        #if canImport(Darwin)
        (info.st_mtimespec, info.st_ctimespec)
        #else
        (info.st_mtim, info.st_ctim)
        #endif
    }

    /// The running executable's path and metadata: a rebuilt tool may check differently.
    private static func executableIdentity() -> String? {
        guard let path = RealPath.of("/proc/self/exe") ?? Bundle.main.executablePath else { return nil }
        return path + " " + metadata(path)
    }

    // MARK: The report, as JSON

    private static func json(_ report: CheckReport) -> JSONValue {
        func range(_ range: SourceRange) -> JSONValue {
            .array([.int(range.start.line), .int(range.start.column), .int(range.end.line), .int(range.end.column)])
        }
        let diagnostics = report.diagnostics.map { diagnostic -> JSONValue in
            var fields: [(String, JSONValue)] = [
                ("file", .string(diagnostic.file)), ("range", range(diagnostic.range)), ("severity", .string(diagnostic.severity.rawValue)),
                ("rule", .string(diagnostic.rule)), ("message", .string(diagnostic.message)), ("notes", .array(diagnostic.notes.map { .string($0) })),
            ]
            if let fix = diagnostic.fix {
                fields.append(("fix", .object([
                    ("summary", .string(fix.summary)), ("automatic", .bool(fix.isAutomatic)),
                    ("replacements", .array(fix.replacements.map { .object([("range", range($0.range)), ("text", .string($0.text))]) })),
                ])))
            }
            return .object(fields)
        }
        return .object([
            ("fileCount", .int(report.fileCount)),
            ("skipped", .object(report.skipped.keys.sorted().map { ($0, .int(report.skipped[$0]!)) })),
            ("diagnostics", .array(diagnostics)),
        ])
    }

    private static func report(from object: [String: Any]) -> CheckReport? {
        func range(_ value: Any?) -> SourceRange? {
            guard let numbers = value as? [Int], numbers.count == 4 else { return nil }
            return SourceRange(start: SourceLocation(line: numbers[0], column: numbers[1]), end: SourceLocation(line: numbers[2], column: numbers[3]))
        }
        guard let fileCount = object["fileCount"] as? Int, let skipped = object["skipped"] as? [String: Int],
              let list = object["diagnostics"] as? [[String: Any]] else { return nil }
        var diagnostics: [Diagnostic] = []
        for item in list {
            guard let file = item["file"] as? String, let where_ = range(item["range"]),
                  let severity = (item["severity"] as? String).flatMap(Severity.init(rawValue:)),
                  let rule = item["rule"] as? String, let message = item["message"] as? String,
                  let notes = item["notes"] as? [String] else { return nil }
            var fix: Fix?
            if let fixObject = item["fix"] as? [String: Any] {
                guard let summary = fixObject["summary"] as? String, let automatic = fixObject["automatic"] as? Bool,
                      let replacementList = fixObject["replacements"] as? [[String: Any]] else { return nil }
                var replacements: [Replacement] = []
                for replacement in replacementList {
                    guard let at = range(replacement["range"]), let text = replacement["text"] as? String else { return nil }
                    replacements.append(Replacement(range: at, text: text))
                }
                fix = Fix(summary: summary, replacements: replacements, automatic: automatic)
            }
            diagnostics.append(Diagnostic(file: file, range: where_, severity: severity, rule: rule, message: message, fix: fix, notes: notes))
        }
        var report = CheckReport(diagnostics: [], fileCount: fileCount)
        report.diagnostics = diagnostics   // already in the order the build printed them
        report.skipped = skipped
        return report
    }
}
