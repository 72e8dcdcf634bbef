import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// Bounds on untrusted input: module size, findings printed per file.
@Suite struct ResourceLimitTests {
    @Test func aModuleOverTheSizeLimitIsRefusedUnread() throws {
        let root = Fixtures.copy("build")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let big = "---\nid: big\n---\n" + String(repeating: "All work and no play. ", count: 60_000)  // about 1.3 MB
        try big.write(toFile: root + "/modules/big.md", atomically: true, encoding: .utf8)
        let report = CheckRun.run(paths: [root], today: Fixtures.today)
        let finding = try #require(report.diagnostics.first { $0.rule == "file.too-large" })
        #expect(finding.file.hasSuffix("modules/big.md"))
        #expect(finding.range.start == CurriculumKit.SourceLocation(line: 1, column: 1))
        #expect(finding.message.contains("1024 KB"))
        #expect(report.diagnostics.filter { $0.file.hasSuffix("big.md") }.count == 1)
        #expect(report.exitCode(strict: false) == 1)

        // The limit is set in the schema.
        let schemaPath = root + "/schema.yaml"
        let schema = try String(contentsOfFile: schemaPath, encoding: .utf8).replacingOccurrences(of: "content:\n", with: "content:\n  max-module-kb: 4096\n")
        try schema.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        #expect(!CheckRun.run(paths: [root], today: Fixtures.today).diagnostics.contains { $0.rule == "file.too-large" })
    }

    @Test func textAndGitHubOutputPrintAtMostFiftyFindingsPerFile() {
        let many = (1...60).map { line in
            Diagnostic(file: "m.md", range: .at(line: line), severity: .error, rule: "front-matter.wrong-type", message: "finding \(line)")
        }
        let report = CheckReport(diagnostics: many + [Diagnostic(file: "other.md", range: .at(line: 1), severity: .warning, rule: "review.stale", message: "old")], fileCount: 2)
        let text = TextPrinter(sourceLine: { _, _ in nil }, color: false).render(report)
        #expect(text.components(separatedBy: ": error: ").count - 1 == 50)
        #expect(text.contains("m.md: 10 more findings not shown"))
        #expect(text.contains("other.md:1:1: warning: old"))
        #expect(text.hasSuffix("checked 2 files: 60 errors, 1 warning\n"))
        let github = GitHubPrinter().render(report)
        #expect(github.components(separatedBy: "::error ").count - 1 == 50)
        #expect(github.contains("10 more findings were not annotated"))
        #expect(JSONPrinter().render(report).components(separatedBy: "\"rule\":").count - 1 == 61)
    }
}
