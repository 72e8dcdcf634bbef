import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumCheck

/// Each program case (Fixtures/programs/cases/*.yaml) is checked as the `program.yaml` of the
/// base curriculum; its findings must land where its `# expect: rule line:col` lines say.
@Suite struct ProgramRuleTests {
    static let casesFolder = Fixtures.path("programs/cases")
    static let cases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: casesFolder)) ?? [])
        .filter { $0.hasSuffix(".yaml") }.sorted()

    static func expectations(_ caseFile: String) throws -> Set<String> {
        let text = try String(contentsOfFile: casesFolder + "/" + caseFile, encoding: .utf8)
        return Set(text.split(separator: "\n").filter { $0.hasPrefix("# expect: ") }.map { String($0.dropFirst("# expect: ".count)) })
    }

    /// Every rule id some case expects.
    static func coveredRules() throws -> Set<String> {
        Set(try cases.flatMap { try expectations($0) }.map { String($0.split(separator: " ")[0]) })
    }

    /// The base curriculum with `caseFile` as its program, in a temporary folder.
    static func curriculum(with caseFile: String) throws -> String {
        let root = Fixtures.copy("programs/base")
        try FileManager.default.copyItem(atPath: casesFolder + "/" + caseFile, toPath: root + "/program.yaml")
        return root
    }

    @Test func thereAreCases() {
        #expect(Self.cases.count >= 7)
    }

    @Test(arguments: cases) func findingsLandWhereTheCaseSays(_ caseFile: String) throws {
        let root = try Self.curriculum(with: caseFile)
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let report = CheckRun.run(paths: [root], today: Fixtures.today)
        let found = Set(report.diagnostics.filter { $0.file.hasSuffix("program.yaml") }.map { "\($0.rule) \($0.range.start)" })
        let others = report.diagnostics.filter { !$0.file.hasSuffix("program.yaml") }
        #expect(others.isEmpty, "the base modules should be clean: \(others.map(\.message))")
        #expect(found == (try Self.expectations(caseFile)))
        #expect(report.exitCode(strict: true) == 1)
    }

    @Test func theBaseProgramIsClean() throws {
        let root = Fixtures.copy("programs/base")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        try FileManager.default.copyItem(atPath: Fixtures.path("programs/base-program.yaml"), toPath: root + "/program.yaml")
        #expect(CheckRun.run(paths: [root], today: Fixtures.today).diagnostics.isEmpty)
    }

    @Test func severityOfTheRollingOrderRuleIsSetInTheSchema() throws {
        let root = try Self.curriculum(with: "short-sessions.yaml")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let schema = try String(contentsOfFile: root + "/schema.yaml", encoding: .utf8)
            .replacingOccurrences(of: "rules:\n", with: "rules:\n  program.requires-order-rolling: off\n")
        try schema.write(toFile: root + "/schema.yaml", atomically: true, encoding: .utf8)
        let report = CheckRun.run(paths: [root], today: Fixtures.today)
        #expect(!report.diagnostics.contains { $0.rule == "program.requires-order-rolling" })
        #expect(report.diagnostics.contains { $0.rule == "program.session-length" })
    }

    @Test func rotationFillsSessionsInOrderAndWeekPlansOverride() throws {
        let root = try Self.curriculum(with: "windows.yaml")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let curriculum = try #require(CurriculumLoader().load(root: root).curriculum)
        let program = try #require(curriculum.program)
        let schedule = TrackSchedule.resolve(program.tracks[0], in: program)
        let week1 = schedule.sessions(week: 1)
        #expect(week1.map { $0.day?.short ?? "-" } == ["Mon", "Tue", "Wed", "Fri", "-"])
        #expect(week1[0].modules.map(\.value) == ["m-psy", "m-skill-b"])
        #expect(week1[2].modules.map(\.value) == ["m-psy", "m-skill-a"])
        #expect(week1[1].title == "Family session" && week1[1].modules.map(\.value) == ["m-family"])
        #expect(schedule.sessions(week: 3)[0].modules.map(\.value) == ["m-psy", "m-skill-b", "m-support"])
        #expect(week1[0].segments.map { $0.start?.description ?? "" } == ["17:30", "17:45", "18:30", "18:40", "19:30", "20:15"])
    }

    @Test func rollingWindowsWrapAroundTheCycle() {
        #expect(TrackCoverage.window(admission: 10, stay: 8, weeks: 12) == [10, 11, 12, 1, 2, 3, 4, 5])
        #expect(TrackCoverage.window(admission: 1, stay: 20, weeks: 12).count == 12)
    }
}
