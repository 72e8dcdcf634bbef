import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// Every rule fires on the fixture curriculum exactly where the fixture's
/// `<!-- expect: rule line:col -->` markers (or a FILE.expect side file) say.
@Suite struct RuleFixtureTests {
    struct Expectation: Hashable, CustomStringConvertible {
        let file: String
        let rule: String
        let line: Int
        let column: Int
        var description: String { "\(file):\(line):\(column) \(rule)" }
    }

    static func expectations(in folder: String) throws -> Set<Expectation> {
        var out = Set<Expectation>()
        let modules = folder + "/modules"
        for relative in try FileManager.default.subpathsOfDirectory(atPath: modules).sorted() {
            let full = modules + "/" + relative
            let text: String
            var target = "modules/" + relative
            if relative.hasSuffix(".expect") {
                text = try String(contentsOfFile: full, encoding: .utf8)
                    .split(separator: "\n").map { "<!-- expect: \($0) -->" }.joined(separator: "\n")
                target = String(target.dropLast(".expect".count))
            } else if relative.hasSuffix(".md"), let data = FileManager.default.contents(atPath: full) {
                text = String(decoding: data, as: UTF8.self)
            } else { continue }
            for line in text.split(separator: "\n") where line.hasPrefix("<!-- expect: ") {
                let parts = line.dropFirst("<!-- expect: ".count).dropLast(" -->".count).split(separator: " ")
                let position = parts[1].split(separator: ":").map { Int($0)! }
                out.insert(Expectation(file: target, rule: String(parts[0]), line: position[0], column: position[1]))
            }
        }
        return out
    }

    @Test func everyFindingLandsWhereTheFixtureSays() throws {
        let folder = Fixtures.path("rules")
        let report = CheckRun.run(paths: [folder], today: Fixtures.today)
        let found = Set(report.diagnostics.map {
            Expectation(file: String($0.file.dropFirst(folder.count + 1)), rule: $0.rule, line: $0.range.start.line, column: $0.range.start.column)
        })
        let expected = try Self.expectations(in: folder)
        #expect(found.subtracting(expected).sorted { $0.description < $1.description } == [], "findings no marker expects")
        #expect(expected.subtracting(found).sorted { $0.description < $1.description } == [], "markers with no finding")
        #expect(report.exitCode(strict: false) == 1)
    }

    @Test func everyContentRuleHasAFixture() throws {
        let covered = Set(try Self.expectations(in: Fixtures.path("rules")).map(\.rule)).union(try ProgramRuleTests.coveredRules())
        let contentRules = RuleCatalog.all.filter { !$0.isSetup && !$0.id.hasPrefix("build.") }.map(\.id)
        // Rules whose input cannot sit in the fixture folder are tested on their own.
        let coveredElsewhere = ["file.too-large",           // ResourceLimitTests: a module over 1 MB
                                "file.outside-curriculum",  // HostileInputTests: symbolic links out of the folder
                                "widgets.too-deep",         // HostileInputTests: a thousand nested callouts
                                "layout.overflow", "layout.sparse-page", "layout.split-block"]  // LayoutCheckTests: laid-out PDFs
        #expect(contentRules.filter { !covered.contains($0) && !coveredElsewhere.contains($0) } == [])
    }

    @Test func aValidModuleHasNoFindings() {
        let report = CheckRun.run(paths: [Fixtures.path("rules/modules/valid-support.md")], today: Fixtures.today)
        // valid-support.md shares its id with duplicate-id.md, which is reported there, not here.
        #expect(report.diagnostics.isEmpty)
    }

    @Test func checkingOneFileReportsOnlyThatFile() {
        let file = Fixtures.path("rules/modules/wrong-type.md")
        let report = CheckRun.run(paths: [file], today: Fixtures.today)
        #expect(report.diagnostics.count == 2)
        #expect(report.diagnostics.allSatisfy { $0.file == file })
        #expect(report.fileCount == 1)
    }

    @Test func schemaSeverityOverridesApply() throws {
        let folder = Fixtures.copy("rules")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let schemaPath = folder + "/schema.yaml"
        var schema = try String(contentsOfFile: schemaPath, encoding: .utf8)
        schema = schema.replacingOccurrences(of: "  front-matter.unknown-field: warning",
                                             with: "  front-matter.unknown-field: error\n  images.missing-alt: off\n  links.broken: warning")
        try schema.write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let report = CheckRun.run(paths: [folder], today: Fixtures.today)
        #expect(report.diagnostics.first { $0.rule == "front-matter.unknown-field" }?.severity == .error)
        #expect(!report.diagnostics.contains { $0.rule == "images.missing-alt" })
        #expect(report.diagnostics.first { $0.rule == "links.broken" }?.severity == .warning)
    }
}
