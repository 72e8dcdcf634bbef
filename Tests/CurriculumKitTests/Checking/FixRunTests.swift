import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// `check --fix`: certain replacements are written in place, atomically, and only the matched
/// text changes; advice, suppressed quotes and Sources stay as they are.
@Suite struct FixRunTests {
    @Test func roundTripOnACopyOfAModule() throws {
        let folder = Fixtures.copy("fix")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: folder)) }
        let module = folder + "/modules/terms.md"
        let before = try #require(CheckRun.run(paths: [folder], today: Fixtures.today).diagnostics.filter { $0.rule == "person-first.term" }.count as Int?)

        let outcome = FixRun.run(paths: [folder], today: Fixtures.today)
        let fixed = try String(contentsOfFile: module, encoding: .utf8)
        let expected = try String(contentsOfFile: folder + "/expected/terms.md", encoding: .utf8)
        #expect(fixed == expected)
        #expect(outcome.files == [module])
        #expect(outcome.applied == 10)

        // What is left is advice only, and the report after the fix says so.
        let left = outcome.report.diagnostics.filter { $0.rule == "person-first.term" }
        #expect(left.count == before - outcome.applied)
        #expect(left.allSatisfy { $0.fix?.isAutomatic == false })
        #expect(left.map(\.range.start.description) == ["19:1", "19:11", "21:3"])

        // No temporary file is left beside the module, and a second run changes nothing.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/modules") == ["terms.md"])
        let again = FixRun.run(paths: [folder], today: Fixtures.today)
        #expect(again.applied == 0)
        #expect(try String(contentsOfFile: module, encoding: .utf8) == expected)
    }

    @Test func writesGoThroughTheAtomicWriter() throws {
        let folder = Fixtures.copy("fix")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: folder)) }
        var written: [String: [UInt8]] = [:]
        let outcome = FixRun.run(paths: [folder], today: Fixtures.today) { path, bytes in written[path] = bytes }
        #expect(written.keys.sorted() == [folder + "/modules/terms.md"])
        #expect(outcome.applied == 10)
        // The writer was asked; the file on disk is untouched.
        #expect(try String(contentsOfFile: folder + "/modules/terms.md", encoding: .utf8)
                == String(contentsOfFile: Fixtures.path("fix/modules/terms.md"), encoding: .utf8))
    }

    @Test func aWriteThatFailsIsReportedAndChangesNothing() throws {
        let folder = Fixtures.copy("fix")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: folder)) }
        struct Refused: Error {}
        let outcome = FixRun.run(paths: [folder], today: Fixtures.today) { _, _ in throw Refused() }
        #expect(outcome.applied == 0)
        #expect(outcome.report.diagnostics.contains { $0.rule == "fix.write-failed" })
        #expect(outcome.report.exitCode(strict: false) == 2)
    }

    /// A fixed module keeps its permissions (issue 13: a 0640 module became 0644).
    @Test func aFixedModuleKeepsItsPermissions() throws {
        let folder = Fixtures.copy("fix")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: folder)) }
        let module = folder + "/modules/terms.md"
        #expect(chmod(module, 0o640) == 0)
        let outcome = FixRun.run(paths: [folder], today: Fixtures.today)
        #expect(outcome.applied == 10)
        var info = stat()
        #expect(stat(module, &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o640)
        #expect(try String(contentsOfFile: module, encoding: .utf8) == String(contentsOfFile: folder + "/expected/terms.md", encoding: .utf8))
    }

    /// A module that is a symbolic link stays one: the fix is written to its target when that
    /// lies inside the curriculum folder, and nothing is written when it lies outside.
    @Test func aSymlinkedModuleStaysALink() throws {
        let folder = Fixtures.copy("fix")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: folder)) }
        let module = folder + "/modules/terms.md"
        let original = try String(contentsOfFile: module, encoding: .utf8)
        let expected = try String(contentsOfFile: folder + "/expected/terms.md", encoding: .utf8)
        func isLink(_ path: String) -> Bool {
            var info = stat()
            return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
        }

        // Inside: drafts/terms.txt in the curriculum folder.
        try FileManager.default.createDirectory(atPath: folder + "/drafts", withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: module, toPath: folder + "/drafts/terms.txt")
        try FileManager.default.createSymbolicLink(atPath: module, withDestinationPath: "../drafts/terms.txt")
        let inside = FixRun.run(paths: [folder], today: Fixtures.today)
        #expect(inside.applied == 10)
        #expect(isLink(module))
        #expect(try String(contentsOfFile: folder + "/drafts/terms.txt", encoding: .utf8) == expected)

        // Outside: a file beside the curriculum folder is never written.
        let outside = PathUtil.directory(of: folder) + "/outside-terms.md"
        try original.write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: module)
        try FileManager.default.createSymbolicLink(atPath: module, withDestinationPath: outside)
        let refused = FixRun.run(paths: [folder], today: Fixtures.today)
        #expect(refused.applied == 0)
        #expect(isLink(module))
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == original)
    }

    @Test func applierKeepsEverythingOutsideTheReplacements() {
        let text = "Café addict\nsecond — line addict\n"
        let (out, count) = FixApplier.apply([
            Replacement(range: SourceRange(line: 2, column: 15, endColumn: 21), text: "person"),
            Replacement(range: SourceRange(line: 1, column: 6, endColumn: 12), text: "person"),
            Replacement(range: SourceRange(line: 1, column: 6, endColumn: 9), text: "overlaps"),   // skipped
            Replacement(range: SourceRange(line: 9, column: 1, endColumn: 2), text: "outside"),    // skipped
        ], to: text)
        #expect(out == "Café person\nsecond — line person\n")
        #expect(count == 2)
    }
}
