import Foundation
import Testing
@testable import CurriculumKit

/// The cycle on the calendar (`cycle-start`), `curriculum calendar`'s weeks, and dated packets
/// that a build writes (`--from`) and never replaces or removes.
@Suite struct ProgramCalendarTests {
    let templates = Fixtures.packageRoot + "/templates"

    /// The build fixture with `calendar/program.yaml`: a 4-week cycle from Monday 2026-12-07.
    func fixture(cycleStart: Bool = true) throws -> String {
        let root = Fixtures.copy("build")
        var text = try String(contentsOfFile: Fixtures.path("calendar/program.yaml"), encoding: .utf8)
        if !cycleStart { text = text.replacingOccurrences(of: "cycle-start: 2026-12-07\n", with: "") }
        try text.write(toFile: root + "/program.yaml", atomically: true, encoding: .utf8)
        return root
    }

    func program(_ root: String) throws -> Program {
        try #require(CurriculumLoader().load(root: root).curriculum?.program)
    }

    func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    @Test func theCycleRepeatsBackwardsAndForwardsFromCycleStart() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let calendar = try #require(ProgramCalendar(program: try program(root)))
        let weeks = ["2026-12-07": 1, "2026-12-13": 1, "2026-12-14": 2, "2026-12-23": 3, "2026-12-27": 3, "2026-12-28": 4, "2027-01-04": 1,
                     // before the anchor: the Sunday before it ends a week 4, and 2026-11-09 began a week 1
                     "2026-12-06": 4, "2026-11-30": 4, "2026-11-23": 3, "2026-11-09": 1, "2026-11-08": 4, "2020-02-29": 3]
        for (day, week) in weeks {
            #expect(calendar.cycleWeek(of: date(day)) == week, "\(day)")
        }
        #expect(ProgramCalendar.monday(of: date("2026-12-27")) == date("2026-12-21"))
        #expect(ProgramCalendar.monday(of: date("2026-12-21")) == date("2026-12-21"))
    }

    @Test func theCalendarListsMondaysCycleWeeksAndSessionsWithHolidays() throws {
        let root = try fixture()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let program = try program(root)
        let calendar = try #require(ProgramCalendar(program: program))
        // From a Wednesday before the anchor into the weeks after it.
        let weeks = calendar.weeks(from: date("2026-11-25"), count: 5, tracks: program.tracks)
        #expect(weeks.map(\.monday.description) == ["2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21"])
        #expect(weeks.map(\.cycleWeek) == [3, 4, 1, 2, 3])
        let json = CalendarReport(program: program, weeks: Array(weeks.suffix(1))).json().serialized()
        #expect(json.hasPrefix("""
            {"weeks":[{"monday":"2026-12-21","cycleWeek":3,"sessions":[{"date":"2026-12-21","start":"17:30","end":"20:30","track":"evening","kind":"group","modules":[],"cancelled":null},\
            {"date":"2026-12-23","start":"17:30","end":"20:30","track":"evening","kind":"group","modules":["basics","skills"],"cancelled":null},\
            {"date":"2026-12-25","start":"17:30","end":"20:30","track":"evening","kind":"group","modules":["basics"],"cancelled":"Christmas Day"}]}]}
            """))
        let text = CalendarReport(program: program, weeks: weeks).text()
        #expect(text.contains("Week of Monday, November 23, 2026: week 3 of 4\n"))
        #expect(text.contains("Fri 2026-12-25  17:30-20:30  Evening track, group session: CANCELLED (Christmas Day); would have had basics\n"))
        let csv = CalendarReport(program: program, weeks: weeks).csv()
        #expect(csv.contains("\n2026-12-21,3,2026-12-25,Fri,17:30,20:30,evening,group,Group session,basics,Christmas Day\n"))
    }

    @Test func withoutCycleStartADatedBuildIsASetupErrorThatShowsHowToAddIt() throws {
        let root = try fixture(cycleStart: false)
        let out = Fixtures.temporaryFolder() + "/out"
        defer {
            try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root))
            try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out))
        }
        #expect(ProgramCalendar(program: try program(root)) == nil)
        let options = BuildOptions(out: out, pdf: false, templates: templates, today: Fixtures.today, dated: DatedWeeks(from: date("2026-12-23"), count: 2))
        let result = Builder(pdfEngine: nil).build(root: root, options: options)
        #expect(result.exitCode(strict: false) == 2)
        let finding = try #require(result.report.diagnostics.first { $0.rule == "setup.no-cycle-start" })
        #expect(finding.fix?.summary.contains("'cycle-start: 2026-11-23'") == true)  // the Monday of --today's week
        #expect(!FileManager.default.fileExists(atPath: out + "/packets"))
    }

    @Test func aDatedPacketIsKeptByLaterBuilds() throws {
        let root = try fixture()
        let out = Fixtures.temporaryFolder() + "/out"
        defer {
            try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root))
            try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out))
        }
        let builder = Builder(pdfEngine: CopyingPDFEngine())
        let options = BuildOptions(out: out, pdf: true, templates: templates, today: Fixtures.today)
        // `packet --date 2026-12-23`: week 3, dated from its Monday.
        let packet = builder.packet(root: root, track: "evening", week: 3, start: date("2026-12-21"), options: options)
        #expect(packet.written == ["packets/evening/2026-12-21.html", "packets/evening/2026-12-21.pdf"])
        let dated = try String(contentsOfFile: out + "/packets/evening/2026-12-21.html", encoding: .utf8)
        #expect(dated.contains("Week of Monday, December 21, 2026"))
        // `build --from 2026-12-30 --weeks 2`: the weeks of Mondays 12-28 (week 4) and 01-04 (week 1).
        var withDates = options
        withDates.dated = DatedWeeks(from: date("2026-12-30"), count: 2)
        let first = builder.build(root: root, options: withDates)
        #expect(first.exitCode(strict: false) == 0, "\(first.report.diagnostics)")
        #expect(first.summaryLine.contains(", 4 weekly packets and session plans, 2 dated packets (HTML and PDF)"), "\(first.summaryLine)")
        for name in ["2026-12-28", "2027-01-04"] {
            #expect(first.written.contains("packets/evening/\(name).html") && first.written.contains("packets/evening/\(name).pdf"))
        }
        let january = try String(contentsOfFile: out + "/packets/evening/2027-01-04.html", encoding: .utf8)
        #expect(january.contains("Week of Monday, January 4, 2027"))
        // A build without --from makes neither again, and removes none of them; the undated
        // week-03 packet is the build's own.
        let second = builder.build(root: root, options: options)
        #expect(second.exitCode(strict: false) == 0)
        #expect(!second.written.contains { $0.hasPrefix("packets/evening/20") })
        for name in ["2026-12-21", "2026-12-28", "2027-01-04"] {
            #expect(FileManager.default.fileExists(atPath: out + "/packets/evening/\(name).html"), "\(name).html")
            #expect(FileManager.default.fileExists(atPath: out + "/packets/evening/\(name).pdf"), "\(name).pdf")
        }
        #expect(try String(contentsOfFile: out + "/packets/evening/2026-12-21.html", encoding: .utf8) == dated)
        #expect(FileManager.default.fileExists(atPath: out + "/packets/evening/week-03.html"))
        // And once more, after the stamp of the second: still there.
        _ = builder.build(root: root, options: options)
        #expect(FileManager.default.fileExists(atPath: out + "/packets/evening/2027-01-04.pdf"))
    }

    @Test func outputPathsNameDatedPackets() {
        #expect(OutputPaths.packet(track: "evening", week: 4) == "packets/evening/week-04")
        #expect(OutputPaths.datedPacket(track: "evening", start: date("2026-12-21")) == "packets/evening/2026-12-21")
        #expect(OutputPaths.isDatedPacket("packets/evening/2026-12-21.pdf"))
        #expect(!OutputPaths.isDatedPacket("packets/evening/week-04.pdf"))
        #expect(!OutputPaths.isDatedPacket("packets/evening/2026-02-30.html"))
        #expect(!OutputPaths.isDatedPacket("handouts/2026-12-21.html"))
    }
}
