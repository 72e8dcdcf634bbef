/// `curriculum translations sync ID`: records in a translation's front matter the digest of
/// each section of its source (`source-digest:`), marking the translation current. Only that
/// field changes; the file is written whole to a temporary file beside it and renamed over the
/// original, keeping its permissions, and never through a symbolic link to outside the
/// curriculum folder (`AtomicWriter.replaceContents`).
public enum TranslationSync {
    public struct Outcome: Sendable {
        /// The translation's file, as the curriculum's findings name it.
        public let path: String
        public let source: String
        /// How many source sections the digest covers.
        public let sections: Int
        /// False when the field already held these digests (nothing was written).
        public let changed: Bool
    }

    /// Why nothing was written: findings to print, and whether the setup (not the module) failed.
    public struct Problem: Error, Sendable {
        public let diagnostics: [Diagnostic]
        public let message: String?
        public let isSetup: Bool
    }

    /// Syncs the translation with id `id` in the curriculum at `root`. `write` stores the new
    /// bytes (by default `AtomicWriter.replaceContents`, inside `root`).
    public static func run(id: String, root: String, fileSystem: any FileSystem = LocalFileSystem(),
                           write: ((String, [UInt8]) throws -> Void)? = nil) -> Result<Outcome, Problem> {
        let loaded = CurriculumLoader(fileSystem: fileSystem).load(root: root)
        guard let curriculum = loaded.curriculum else {
            return .failure(Problem(diagnostics: loaded.diagnostics, message: nil, isSetup: true))
        }
        let byID = TranslationSource.index(curriculum)
        guard let translation = byID[id] else {
            let suggestion = closestMatch(to: id, in: curriculum.modules.filter { $0.translates != nil }.compactMap(\.id?.value).sorted())
            return .failure(Problem(diagnostics: [], message: "no module in \(PathUtil.display(root)) has the id '\(id)'"
                + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), isSetup: false))
        }
        guard let translates = translation.translates, translation.hasFrontMatter else {
            return .failure(Problem(diagnostics: [], message: "\(translation.path) is not a translation: add 'translates: SOURCE-ID' (the id of the module it translates) to its front matter", isSetup: false))
        }
        guard let source = TranslationSource.source(of: translation, in: byID) else {
            var context = CheckContext(curriculum: curriculum, fileSystem: fileSystem, today: CalendarDate(daysSinceEpoch: 0), rootPath: root)
            context.shouldStop = { false }
            let found = TranslationSourceRule().check(context).filter { $0.file == translation.path }
            return .failure(Problem(diagnostics: found, message: found.isEmpty ? "\(translation.path): 'translates: \(translates.value)' names no module in another language" : nil, isSetup: false))
        }
        let digests = TranslationStatus.digests(of: source)
        let text = translation.file.text
        let updated = rewrite(text, closingLine: translation.frontMatterRange.end.line, digests: digests)
        let outcome = Outcome(path: translation.path, source: source.path, sections: digests.entries.count, changed: updated != text)
        guard updated != text else { return .success(outcome) }
        // Written only over the text that was read: a file changed since is left alone.
        guard let now = try? fileSystem.readFile(translation.path), now == Array(text.utf8) else {
            return .failure(Problem(diagnostics: [], message: "\(translation.path) changed while it was synced, so it was left as it is; run the command again", isSetup: false))
        }
        let resolvedRoot = RealPath.resolve(root)
        let write = write ?? { path, bytes in try AtomicWriter.replaceContents(of: path, with: bytes, inside: [resolvedRoot]) }
        do {
            try write(translation.path, Array(updated.utf8))
        } catch {
            return .failure(Problem(diagnostics: [], message: "\(translation.path) could not be written: \(FileError.describe(error))", isSetup: false))
        }
        return .success(outcome)
    }

    /// `text` with its top-level `source-digest:` field (and the indented lines under it)
    /// replaced by `digests`, or the field added as the last one before the front matter's
    /// closing line `closingLine`. Every other line stays as it was, line endings included.
    public static func rewrite(_ text: String, closingLine: Int, digests: SourceDigest) -> String {
        // Lines split at each "\n" scalar (a "\r\n" is one Character, so not at Characters);
        // a line keeps its "\r".
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        let ending = text.unicodeScalars.contains("\r") ? "\r" : ""
        let field = ["source-digest:" + ending] + digests.entries.map { "  \($0.key): \($0.digest)" + ending }
        let frontEnd = min(closingLine - 1, lines.count)  // index of the closing `---`
        if let start = lines[..<frontEnd].firstIndex(where: { $0.hasPrefix("source-digest:") }) {
            var end = start + 1
            while end < frontEnd, let first = lines[end].first, first == " " || first == "\t" { end += 1 }
            lines.replaceSubrange(start..<end, with: field)
        } else {
            lines.insert(contentsOf: field, at: frontEnd)
        }
        return lines.joined(separator: "\n")
    }
}
