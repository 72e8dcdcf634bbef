import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// A folder or schema that cannot be used is a setup error (exit 2) with a location.
@Suite struct SetupTests {
    func withSchema(_ text: String, _ body: (String, CheckReport) throws -> Void) throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/modules", withIntermediateDirectories: true)
        try text.write(toFile: folder + "/schema.yaml", atomically: true, encoding: .utf8)
        try body(folder, CheckRun.run(paths: [folder], today: Fixtures.today))
    }

    @Test func missingFolderExitsWithTwo() {
        let report = CheckRun.run(paths: ["/nonexistent/curriculum"], today: Fixtures.today)
        #expect(report.exitCode(strict: false) == 2)
        #expect(report.diagnostics.first?.rule == "setup.folder")
    }

    @Test func folderWithoutSchemaExitsWithTwo() {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let report = CheckRun.run(paths: [folder], today: Fixtures.today)
        #expect(report.exitCode(strict: false) == 2)
        #expect(report.diagnostics.first?.file == folder + "/schema.yaml")
    }

    @Test func schemaSyntaxErrorIsLocated() throws {
        try withSchema("objectives:\n  - id: coping\n    title: [unclosed\ntopics: []\n") { folder, report in
            #expect(report.exitCode(strict: false) == 2)
            let d = try #require(report.diagnostics.first)
            #expect(d.rule == "schema.yaml-syntax")
            #expect(d.file == folder + "/schema.yaml")
            #expect(d.range.start.line == 4)
        }
    }

    @Test func schemaWrongValuesAreLocated() throws {
        let schema = """
        objectives:
          - id: coping
            title: Coping
            core: sometimes
        topics:
          - id: Coping Skills
        groups:
          - id: support
            minutes: [90, 30]
        rules:
          images.remot: error
          links.broken: loud
        help-lines: []
        """
        try withSchema(schema) { _, report in
            #expect(report.exitCode(strict: false) == 2)
            let found = report.diagnostics.map { "\($0.rule) \($0.range.start)" }
            #expect(found.contains("schema.invalid 4:11"))   // core: sometimes
            #expect(found.contains("schema.invalid 6:9"))   // id not a slug
            #expect(found.contains("schema.invalid 9:14"))   // minutes backwards
            #expect(found.contains("schema.unknown-rule 11:3"))
            #expect(found.contains("schema.invalid 12:17"))  // severity loud
            let rename = report.diagnostics.first { $0.rule == "schema.unknown-rule" }?.fix?.replacements.first?.text
            #expect(rename == "images.remote")
        }
    }

    @Test func moduleOutsideAnyCurriculumIsASetupError() throws {
        let folder = Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try "# lonely\n".write(toFile: folder + "/lonely.md", atomically: true, encoding: .utf8)
        let report = CheckRun.run(paths: [folder + "/lonely.md"], today: Fixtures.today)
        #expect(report.exitCode(strict: false) == 2)
    }

    @Test func unreadableModuleIsReportedAndOthersStillChecked() throws {
        guard getuid() != 0 else { return }  // root reads everything; the folder.md fixture covers the rule
        let folder = Fixtures.copy("rules")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        chmod(folder + "/modules/links.md", 0)
        let report = CheckRun.run(paths: [folder], today: Fixtures.today)
        #expect(report.diagnostics.contains { $0.rule == "file.unreadable" && $0.file.hasSuffix("links.md") })
        #expect(report.diagnostics.contains { $0.rule == "widgets.unknown" })
    }
}
