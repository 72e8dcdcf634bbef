import Foundation
import Testing
@testable import CurriculumKit

/// program.yaml and schema.yaml know every field: an unknown one is a finding at the key, with
/// the closest field as "did you mean", and one typo gives one finding.
@Suite struct StrictProgramFileTests {
    /// The base curriculum with a case of Fixtures/programs/cases as its program.
    func check(program caseFile: String) throws -> CheckReport {
        let root = try ProgramRuleTests.curriculum(with: caseFile)
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        return CheckRun.run(paths: [root], today: Fixtures.today)
    }

    @Test func aMisspeltRotationIsOneFindingAtTheTypoWithTheFix() throws {
        let report = try check(program: "unknown-key-rotation.yaml")
        #expect(report.diagnostics.count == 1)
        let finding = try #require(report.diagnostics.first)
        #expect(finding.rule == "program.unknown-key")
        #expect(finding.message == "'rotaton' is not a field of a track; did you mean 'rotation'?")
        #expect(finding.fix?.replacements.map(\.text) == ["rotation"])
        #expect(report.exitCode(strict: false) == 1)
    }

    @Test func aMisspeltHolidayFieldNamesTheFieldsThereAre() throws {
        let report = try check(program: "unknown-keys.yaml")
        let messages = report.diagnostics.map(\.message)
        #expect(messages.contains("'holiday' is not a field of the program; did you mean 'holidays'?"))
        #expect(messages.contains("'nme' is not a field of a holiday; did you mean 'name'?"))
        #expect(messages.contains("'closed' is not a field of a holiday"))
        #expect(report.diagnostics.first { $0.message.hasPrefix("'closed'") }?.fix?.summary == "remove it or correct it; the fields of a holiday are: date, name")
    }

    @Test func aMeetingDayListedTwiceCountsOnce() throws {
        let root = try ProgramRuleTests.curriculum(with: "duplicate-day.yaml")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let program = try #require(CurriculumLoader().load(root: root).curriculum?.program)
        #expect(program.tracks[0].sessionDays.map(\.0.short) == ["Mon", "Wed", "Fri"])
    }

    @Test func unknownSchemaFieldsAreSetupFindingsAtTheirLines() throws {
        let root = Fixtures.copy("programs/base")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        try FileManager.default.removeItem(atPath: root + "/schema.yaml")
        try FileManager.default.copyItem(atPath: Fixtures.path("programs/schema-cases/unknown-keys.yaml"), toPath: root + "/schema.yaml")
        try FileManager.default.copyItem(atPath: Fixtures.path("programs/base-program.yaml"), toPath: root + "/program.yaml")
        let report = CheckRun.run(paths: [root], today: Fixtures.today)
        #expect(Set(report.diagnostics.map { "\($0.rule) \($0.range.start)" }) == ["schema.unknown-key 5:1", "schema.unknown-key 55:5"])
        #expect(report.diagnostics.map(\.message).contains("'homwork' is not a field of a group format; did you mean 'homework'?"))
        #expect(report.exitCode(strict: false) == 2)
    }
}
