import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// Issue 13, the check side: hostile or broken curricula (deep requires chains, huge or
/// planted files, control characters, links out of the folder) give findings, never a crash,
/// a hang or someone else's file in the output.
@Suite struct HostileInputTests {
    // MARK: Helpers

    /// A module made in memory, with only an id and its requires (no file to parse).
    static func bare(_ id: String, requires: [String]) -> Module {
        let file = SourceFile(path: "modules/\(id).md", text: "")
        var module = Module(file: file, hasFrontMatter: true, frontMatterRange: .at(line: 1),
                            body: CmarkParser.parse(body: "", firstLine: 1, in: file))
        module.id = Located(id, at: .at(line: 2))
        module.requires = requires.map { Located($0, at: .at(line: 3)) }
        return module
    }

    /// A copy of the small build fixture, and the folder holding it (to remove).
    static func curriculumCopy() -> (root: String, folder: String) {
        let root = Fixtures.copy("build")
        return (root, PathUtil.directory(of: root))
    }

    static let header = """
        ---
        id: hostile
        title: Hostile input
        topic: coping
        group: support
        objectives: [coping]
        outcomes: [Name two ways to cope]
        minutes: 45
        reviewed: 2026-10-01
        ---

        """

    // MARK: Recursion over user-controlled depth

    @Test func aRequiresChainOfTwentyThousandModulesIsCheckedWithoutRecursion() throws {
        let count = 20_000
        var modules = (0..<count).map { Self.bare("m\($0)", requires: $0 + 1 < count ? ["m\($0 + 1)"] : []) }
        // And one real circle, still reported once, at the edge that closes it.
        modules += [Self.bare("ca", requires: ["cb"]), Self.bare("cb", requires: ["cc"]), Self.bare("cc", requires: ["ca"])]
        let curriculum = Curriculum(root: ".", schema: ContentCheck.schema(), modules: modules)
        let context = CheckContext(curriculum: curriculum, fileSystem: EmptyTestFileSystem(), today: Fixtures.today, rootPath: ".")
        let found = RequiresRule().check(context)
        #expect(found.map(\.rule) == ["requires.cycle"])
        #expect(found.first?.file == "modules/cc.md")
        #expect(found.first?.message.hasSuffix("ca -> cb -> cc -> ca") == true)
    }

    @Test func worksheetBlocksNestedAThousandDeepAreCutAtTheLimit() {
        // Each level is parsed again and rendered inside the one around it: 1,300 nested callouts
        // took 18 s to check and overflowed the stack of `build` (debug).
        let depth = 1_000
        var lines: [String] = []
        for level in 0..<depth { lines += [String(repeating: "`", count: 3 + depth - level) + "{callout}", "Text at level \(level)."] }
        for level in (0..<depth).reversed() { lines.append(String(repeating: "`", count: 3 + depth - level)) }
        let module = ContentCheck.module("## Discussion\n\n" + lines.joined(separator: "\n") + "\n")
        let found = ContentCheck.findings(module).filter { $0.rule == "widgets.too-deep" }
        #expect(found.count == 1)
        #expect(found.first?.range.start == CurriculumKit.SourceLocation(line: 13 + 2 * Module.maxBlockDepth, column: 1))
        let html = ModuleRenderer(audience: .participant).body(module)
        #expect(html.contains("Text at level \(Module.maxBlockDepth - 1)."))
        #expect(!html.contains("Text at level \(Module.maxBlockDepth)."))
    }

    @Test func yamlNestedPastLibyamlsLimitIsASyntaxErrorInPlainWords() throws {
        let text = "name: x\nweeks: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        let (program, found) = ProgramLoader.load(SourceFile(path: "program.yaml", text: text))
        #expect(program == nil)
        let finding = try #require(found.first)
        #expect(finding.message == "the YAML nests more than 1,000 levels deep here")
        #expect(finding.range.start.line == 2)
    }

    // MARK: Quadratic work

    @Test func personFirstFindingsInOneHugeParagraphTakeLinearTime() throws {
        // One paragraph of 20,000 lines with a finding each. Sentence positions used to be worked
        // out again for every finding: 4,000 lines took 7 s, so this would take minutes (debug).
        let lines = 20_000
        let body = String(repeating: "An addict can recover.\n", count: lines)
        let module = ContentCheck.module(body)
        let context = CheckContext(curriculum: Curriculum(root: ".", schema: ContentCheck.schema(), modules: [module]),
                                   fileSystem: EmptyTestFileSystem(), today: Fixtures.today, rootPath: ".")
        let clock = ContinuousClock()
        var found: [Diagnostic] = []
        let elapsed = clock.measure { found = PersonFirstRule().check(module, in: context) }
        #expect(found.count == lines)
        #expect(found.last?.range.start == CurriculumKit.SourceLocation(line: 11 + lines - 1, column: 4))
        #expect(found.last?.fix?.replacements.first?.text.lowercased() == "a person with a substance use disorder")
        #expect(elapsed < .seconds(60), "took \(elapsed)")
    }

    // MARK: Files too large, not regular, or outside the curriculum

    @Test func aHugeModuleIsRefusedFromItsSizeAndNeverShownInAnExcerpt() throws {
        let (root, folder) = Self.curriculumCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = root + "/modules/huge.md"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("---\nid: huge\n".utf8)))
        #expect(truncate(path, 200 << 20) == 0)  // sparse: 200 MB that take no disk
        let counting = CountingFileSystem()
        let report = CheckRun.run(paths: [root], today: Fixtures.today, fileSystem: counting)
        let finding = try #require(report.diagnostics.first { $0.file.hasSuffix("huge.md") })
        #expect(finding.rule == "file.too-large")
        #expect(finding.message.contains("204800 KB"))
        #expect(counting.largestRead < 1 << 20)
        // The text printer never asks for a line of a file that was not read.
        var asked: [String] = []
        let text = TextPrinter(sourceLine: { file, _ in asked.append(file); return String(repeating: "x", count: 10_000) }, color: false)
            .render(CheckReport(diagnostics: [finding], fileCount: 1))
        #expect(!asked.contains(finding.file))
        #expect(text.utf8.count < 1_000)
    }

    @Test func anExcerptIsAtMostOneLineWideAroundTheFinding() {
        let line = String(repeating: "a", count: 100_000) + "WORD" + String(repeating: "b", count: 100_000)
        let finding = Diagnostic(file: "m.md", range: SourceRange(line: 1, column: 100_001, endColumn: 100_005), severity: .warning,
                                 rule: "placeholder.text", message: "a word")
        let text = TextPrinter(sourceLine: { _, _ in line }, color: false).render(CheckReport(diagnostics: [finding], fileCount: 1))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5)
        let excerpt = lines[1], caret = lines[2]
        #expect(excerpt.unicodeScalars.count <= 4 + TextPrinter.excerptColumns)
        #expect(excerpt.hasPrefix("    …") && excerpt.hasSuffix("…"))
        // The caret is still under the word.
        let column = caret.unicodeScalars.firstIndex(of: "^").map { caret.unicodeScalars.distance(from: caret.unicodeScalars.startIndex, to: $0) }
        let wordAt = excerpt.range(of: "WORD").map { excerpt.unicodeScalars.distance(from: excerpt.unicodeScalars.startIndex, to: $0.lowerBound) }
        #expect(column != nil && column == wordAt)
        #expect(caret.hasSuffix("^~~~"))
    }

    @Test func aPipeNamedLikeAModuleIsReportedWithoutBlocking() throws {
        let (root, folder) = Self.curriculumCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(mkfifo(root + "/modules/pipe.md", 0o644) == 0)
        let report = CheckRun.run(paths: [root], today: Fixtures.today)
        let finding = try #require(report.diagnostics.first { $0.file.hasSuffix("pipe.md") })
        #expect(finding.rule == "file.unreadable")
        #expect(finding.message.contains("not a regular file"))
    }

    @Test func filesLinkedFromOutsideTheCurriculumAreNeverRead() throws {
        let (root, folder) = Self.curriculumCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let outside = folder + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        let secret = "SECRET-\(UUID().uuidString)"
        try "---\nid: leak\ntitle: \(secret)\n---\n\n\(secret)\n".write(toFile: outside + "/leak.md", atomically: true, encoding: .utf8)
        try "name: \(secret)\n".write(toFile: outside + "/program.yaml", atomically: true, encoding: .utf8)
        try "- term: \(secret)\n  definition: \(secret)\n".write(toFile: outside + "/glossary.yaml", atomically: true, encoding: .utf8)
        let files = FileManager.default
        try files.createSymbolicLink(atPath: root + "/modules/leak.md", withDestinationPath: outside + "/leak.md")
        try files.createSymbolicLink(atPath: root + "/modules/env.md", withDestinationPath: "/proc/self/environ")
        try files.removeItem(atPath: root + "/program.yaml")
        try files.createSymbolicLink(atPath: root + "/program.yaml", withDestinationPath: "../outside/program.yaml")
        try files.removeItem(atPath: root + "/glossary.yaml")
        try files.createSymbolicLink(atPath: root + "/glossary.yaml", withDestinationPath: outside + "/glossary.yaml")
        // A link that stays inside the curriculum is an ordinary module.
        try files.createSymbolicLink(atPath: root + "/modules/alias.md", withDestinationPath: "basics.md")

        let report = CheckRun.run(paths: [root], today: Fixtures.today)
        for name in ["modules/leak.md", "modules/env.md", "program.yaml", "glossary.yaml"] {
            let finding = report.diagnostics.first { $0.file.hasSuffix(name) && $0.rule == "file.outside-curriculum" }
            #expect(finding?.range.start == CurriculumKit.SourceLocation(line: 1, column: 1), "\(name)")
            #expect(finding?.severity == .error)
        }
        #expect(!report.diagnostics.contains { $0.file.hasSuffix("alias.md") && $0.rule.hasPrefix("file.") })
        // Nothing of the files outside reaches a finding, a note, or an excerpt of any printer.
        let reader: (String, Int) -> String? = { path, line in
            (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { text in
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                return line <= lines.count ? String(lines[line - 1]) : nil
            }
        }
        for output in [TextPrinter(sourceLine: reader, color: false).render(report), JSONPrinter().render(report),
                       GitHubPrinter().render(report), SARIFPrinter().render(report)] {
            #expect(!output.contains(secret))
            #expect(!output.contains("PATH="))
        }
        #expect(report.exitCode(strict: false) == 1)

        // A schema.yaml that leads out is a setup error: nothing can be checked.
        try files.removeItem(atPath: root + "/schema.yaml")
        try "rules: {}\n".write(toFile: outside + "/schema.yaml", atomically: true, encoding: .utf8)
        try files.createSymbolicLink(atPath: root + "/schema.yaml", withDestinationPath: outside + "/schema.yaml")
        let setup = CheckRun.run(paths: [root], today: Fixtures.today)
        #expect(setup.exitCode(strict: false) == 2)
        #expect(setup.diagnostics.first?.message.contains("outside the curriculum folder") == true)
    }

    // MARK: Names and folders

    @Test func aFileNameThatIsNotUTF8IsNamedAsSuch() throws {
        let (root, folder) = Self.curriculumCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var path = Array((root + "/modules/bad").utf8CString.dropLast())
        path += [CChar(bitPattern: 0xFF), CChar(bitPattern: 0xFE)] + Array(".md".utf8CString)
        let fd = path.withUnsafeBufferPointer { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        #expect(fd >= 0)
        close(fd)
        let report = CheckRun.run(paths: [root], today: Fixtures.today)
        let finding = try #require(report.diagnostics.first { $0.file.contains("modules/bad") })
        #expect(finding.rule == "file.unreadable")
        #expect(finding.message.contains("not UTF-8"))
        #expect(finding.fix?.summary.contains("rename") == true)
        #expect(finding.fix?.summary.contains("chmod") == false)
    }

    @Test func aTopicFolderThatCannotBeReadIsASetupError() throws {
        let (root, folder) = Self.curriculumCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: root + "/modules/coping", withIntermediateDirectories: true)
        try (Self.header + "Text.\n").write(toFile: root + "/modules/coping/hidden.md", atomically: true, encoding: .utf8)
        // Tests run as root here, where chmod 000 still reads: the folder is refused by the file system.
        let fileSystem = UnreadableFolderFileSystem(unreadable: root + "/modules/coping")
        let report = CheckRun.run(paths: [root], today: Fixtures.today, fileSystem: fileSystem)
        let finding = try #require(report.diagnostics.first { $0.rule == "setup.folder" })
        #expect(finding.file.hasSuffix("modules/coping"))
        #expect(finding.message.contains("cannot be read"))
        #expect(report.exitCode(strict: false) == 2)
    }

    // MARK: Text that reorders or controls what is shown

    @Test func bidiControlsAreReportedAtTheCharacter() {
        let found = ContentCheck.findings("Call the line at \u{202E}119\u{202C} any time.\n\nStay with \u{2066}us\u{2069}.\n")
            .filter { $0.rule == "text.bidi-control" }
        #expect(found.map(\.range.start) == [
            CurriculumKit.SourceLocation(line: 11, column: 18), CurriculumKit.SourceLocation(line: 11, column: 22),
            CurriculumKit.SourceLocation(line: 13, column: 11), CurriculumKit.SourceLocation(line: 13, column: 14),
        ])
        #expect(found.allSatisfy { $0.severity == .warning })
        #expect(found.first?.message.contains("U+202E") == true)
        let inTitle = ContentCheck.findings("Text.\n", frontMatter: ContentCheck.frontMatter.replacingOccurrences(
            of: "title: Inline module", with: "title: Inline \u{202E}eludom"))
        #expect(inTitle.filter { $0.rule == "text.bidi-control" }.map(\.range.start) == [CurriculumKit.SourceLocation(line: 3, column: 15)])
        #expect(!ContentCheck.findings("Plain text, with “quotes” — and dashes.\n").contains { $0.rule == "text.bidi-control" })
    }

    @Test func moduleIdsAreAtMostSixtyFourCharacters() {
        func idFindings(_ id: String) -> [Diagnostic] {
            ContentCheck.findings("Text.\n", frontMatter: ContentCheck.frontMatter.replacingOccurrences(of: "id: inline", with: "id: \(id)"))
                .filter { $0.rule == "front-matter.invalid-id" }
        }
        #expect(idFindings(String(repeating: "a", count: 64)).isEmpty)
        let long = idFindings(String(repeating: "ab-", count: 100) + "z")
        #expect(long.count == 1)
        #expect(long.first?.message.contains("301 characters") == true)
        let suggestion = long.first?.fix?.replacements.first?.text ?? ""
        #expect(suggestion.count <= 64 && Slug.isValid(suggestion))
    }

    @Test func everyPrinterEscapesControlCharacters() throws {
        let finding = Diagnostic(file: "modules/a\nm.md:1:1: error: fake [x].md", range: SourceRange(line: 1, column: 3, endColumn: 6),
                                 severity: .warning, rule: "markdown.raw-html", message: "saw \u{1B}[2J\u{1B}]0;title\u{07} here",
                                 fix: Fix(summary: "remove \u{1B}[31m"), notes: ["a \u{202E} note"])
        let report = CheckReport(diagnostics: [finding], fileCount: 1)
        let text = TextPrinter(sourceLine: { _, _ in "ab\u{1B}[31mred\u{9B}1m" }, color: false).render(report)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        #expect(text.contains("modules/a\\nm.md:1:1: error: fake [x].md:1:3: warning: saw \\x1B[2J\\x1B]0;title\\x07 here"))
        // One line per part: finding, excerpt, caret, note, fix, summary.
        #expect(text.split(separator: "\n").count == 6)
        #expect(text.contains("    ab\\x1B[31mred\\u{009B}1m\n      ^~~~~~\n"))
        let github = GitHubPrinter().render(report)
        #expect(github.split(separator: "\n").count == 1)
        #expect(!github.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        for json in [JSONPrinter().render(report), SARIFPrinter().render(report)] {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
            #expect(String(describing: object).contains("title"))
            #expect(!json.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != " " })
        }
    }

    // MARK: Cancellation

    @Test func aCancelledCheckStopsWithinAFewBlocksOfAHugeModule() throws {
        let module = ContentCheck.module(String(repeating: "An addict can recover.\n\n", count: 10_000))
        var context = CheckContext(curriculum: Curriculum(root: ".", schema: ContentCheck.schema(), modules: [module]),
                                   fileSystem: EmptyTestFileSystem(), today: Fixtures.today, rootPath: ".")
        // Stop after 200 questions, as if Ctrl-C came early in the module.
        let asked = Locked(0)
        context.shouldStop = { asked.withValue { $0 += 1; return $0 > 200 } }
        let found = Checker().check(context)
        let person = found.filter { $0.rule == "person-first.term" }.count
        #expect(person < 1_000, "checked \(person) of 10,000 paragraphs after the stop")
        #expect(asked.current < 2_000)

        // Through CheckRun: a cancellation requested before the check leaves nothing checked.
        let (root, folder) = Self.curriculumCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try (Self.header + String(repeating: "An addict can recover.\n\n", count: 2_000)).write(toFile: root + "/modules/big.md", atomically: true, encoding: .utf8)
        let cancellation = Cancellation()
        cancellation.cancel()
        let report = CheckRun.run(paths: [root], today: Fixtures.today, cancellation: cancellation)
        #expect(report.wasCancelled)
        #expect(!report.diagnostics.contains { $0.rule == "person-first.term" })
        #expect(!CheckRun.run(paths: [root], today: Fixtures.today).wasCancelled)
    }
}

/// Nothing on disk.
struct EmptyTestFileSystem: FileSystem {
    func readFile(_ path: String) throws -> [UInt8] { throw FileError(path: path, code: ENOENT) }
    func isDirectory(_ path: String) -> Bool? { nil }
    func listRecursively(_ path: String) throws -> [String] { throw FileError(path: path, code: ENOENT) }
    func resolvingSymlinks(_ path: String) -> String { path }
}

/// The disk, remembering the largest file it was asked to read.
final class CountingFileSystem: FileSystem, @unchecked Sendable {
    private let base = LocalFileSystem()
    private let largest = Locked(0)
    var largestRead: Int { largest.current }

    func readFile(_ path: String) throws -> [UInt8] { try readFile(path, maxBytes: Int.max) }
    func readFile(_ path: String, maxBytes: Int) throws -> [UInt8] {
        let bytes = try base.readFile(path, maxBytes: maxBytes)
        largest.withValue { $0 = max($0, bytes.count) }
        return bytes
    }
    func isDirectory(_ path: String) -> Bool? { base.isDirectory(path) }
    func listRecursively(_ path: String) throws -> [String] { try base.listRecursively(path) }
    func resolvingSymlinks(_ path: String) -> String { base.resolvingSymlinks(path) }
    func fileSize(_ path: String) -> Int? { base.fileSize(path) }
}

/// The disk, with one folder that cannot be opened (as chmod 000 does for a user who is not root).
struct UnreadableFolderFileSystem: FileSystem {
    let unreadable: String
    private let base = LocalFileSystem()

    func readFile(_ path: String) throws -> [UInt8] { try base.readFile(path) }
    func isDirectory(_ path: String) -> Bool? { base.isDirectory(path) }
    func listRecursively(_ path: String) throws -> [String] { try listRecursivelyNotingUnreadable(path).entries }
    func listRecursivelyNotingUnreadable(_ path: String) throws -> (entries: [String], unreadable: [String]) {
        let prefix = PathUtil.directory(of: unreadable) == path ? PathUtil.fileName(unreadable) : nil
        let all = try base.listRecursively(path)
        guard let prefix else { return (all, []) }
        return (all.filter { !$0.hasPrefix(prefix + "/") }, [prefix])
    }
    func resolvingSymlinks(_ path: String) -> String { base.resolvingSymlinks(path) }
}
