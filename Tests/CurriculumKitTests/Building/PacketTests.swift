import Foundation
import Testing
@testable import CurriculumKit
@testable import CurriculumBuild

/// Weekly packets: dated covers, the week's handouts and exactly the week's homework.
@Suite struct PacketTests {
    let templates = Fixtures.packageRoot + "/templates"

    func packet(week: Int, start: String?, root: String = Fixtures.path("build")) throws -> String {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let options = BuildOptions(out: out, pdf: false, page: PageOptions(), templates: templates, today: Fixtures.today)
        let result = Builder(pdfEngine: nil).packet(root: root, track: "evening", week: week,
                                                    start: start.flatMap(CalendarDate.init), options: options)
        #expect(result.exitCode(strict: false) == 0, "\(result.report.diagnostics)")
        // A dated packet is named after its first day, so a build never replaces it.
        let name = start.map { "packets/evening/\($0).html" } ?? "packets/evening/week-0\(week).html"
        #expect(result.written == [name])
        return try String(contentsOfFile: out + "/" + name, encoding: .utf8)
    }

    @Test func coverListsTheWeeksMeetingDatesAndHolidays() throws {
        let html = try packet(week: 1, start: "2026-12-21")
        #expect(html.contains("Week of Monday, December 21, 2026"))
        #expect(html.contains("<td>Monday, December 21, 2026</td><td>5:30 PM to 8:30 PM</td>"))
        #expect(html.contains("<td>Wednesday, December 23, 2026</td>"))
        #expect(html.contains("<tr class=\"holiday\"><td>Friday, December 25, 2026</td><td>5:30 PM to 8:30 PM</td><td>Group session</td><td><strong>Cancelled: no meeting (Christmas Day).</strong>"))
        #expect(html.contains("A time you set with your counselor"))
        #expect(html.contains("<th scope=\"row\">Sun 12/27</th>"))
    }

    @Test func aStartDayMidWeekDatesTheSevenDaysFromIt() throws {
        let html = try packet(week: 1, start: "2026-12-23")
        #expect(html.contains("<td>Monday, December 28, 2026</td>"))
        #expect(html.contains("<td>Wednesday, December 23, 2026</td>"))
        #expect(!html.contains("December 21"))
        #expect(html.contains("<th scope=\"row\">Wed 12/23</th>"))
    }

    @Test func withoutAStartDayTheCoverNamesWeekdays() throws {
        let html = try packet(week: 1, start: nil)
        #expect(html.contains("<td>Monday</td><td>5:30 PM to 8:30 PM</td>"))
        #expect(html.contains("<th scope=\"row\">Mon</th>"))
        // A blank to fill in, never a made-up date.
        #expect(html.contains("<p class=\"cover-dates\">Week of ________</p>"))
        #expect(!html.contains("2026"))
    }

    // MARK: Dated packets (issue 14): date order, the year, holidays left out

    /// The build fixture with `dated-packets/program.yaml`: in week 1 basics is on Monday and
    /// skills on Friday; in week 2 skills is on Monday and basics on Wednesday.
    func datedFixture() -> String {
        let root = Fixtures.copy("build")
        try! FileManager.default.removeItem(atPath: root + "/program.yaml")
        try! FileManager.default.copyItem(atPath: Fixtures.path("dated-packets/program.yaml"), toPath: root + "/program.yaml")
        return root
    }

    /// The `when` cells of the cover's schedule, in the order printed.
    func coverDays(_ html: String) -> [String] {
        let table = html.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tbody>")[0]
        return table.components(separatedBy: "<tr").dropFirst().map { row in
            row.components(separatedBy: "<td>")[1].components(separatedBy: "</td>")[0]
        }
    }

    /// The handout titles, in the order the packet prints them.
    func handoutTitles(_ html: String) -> [String] {
        html.components(separatedBy: "<h2 class=\"handout-title\">").dropFirst().map { $0.components(separatedBy: "</h2>")[0] }
    }

    @Test func aTuesdayStartListsTheSevenDaysInDateOrderAndTheHandoutsFollow() throws {
        let root = datedFixture()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        // Tuesday, December 15, 2026: Wednesday 16, Friday 18, then Monday 21.
        let html = try packet(week: 2, start: "2026-12-15", root: root)
        #expect(coverDays(html) == ["Wednesday, December 16, 2026", "Friday, December 18, 2026", "Monday, December 21, 2026",
                                    "A time you set with your counselor"])
        #expect(html.contains("<p class=\"cover-dates\">Week of Tuesday, December 15, 2026</p>"))
        // Basics is on Wednesday, skills on the next Monday: the handouts follow the dates.
        #expect(handoutTitles(html) == ["Basics of Recovery", "Coping &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;Quotes&quot;"])
        // The between-session logs start on the Tuesday too.
        #expect(html.contains("<th scope=\"row\">Tue 12/15</th>"))

        // Undated, the same week keeps the weekday order: Monday (skills) first.
        let undated = try packet(week: 2, start: nil, root: root)
        #expect(coverDays(undated) == ["Monday", "Wednesday", "Friday", "A time you set with your counselor"])
        #expect(handoutTitles(undated).first?.hasPrefix("Coping") == true)
    }

    @Test func aSessionOnAHolidayIsCancelledAndItsHandoutsAndHomeworkLeftOut() throws {
        let root = datedFixture()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        // Friday, December 25, 2026 is Christmas Day: the skills session that day does not meet.
        let html = try packet(week: 1, start: "2026-12-21", root: root)
        #expect(html.contains("<tr class=\"holiday\"><td>Friday, December 25, 2026</td><td>5:30 PM to 8:30 PM</td><td>Group session</td>"
            + "<td><strong>Cancelled: no meeting (Christmas Day).</strong> Not covered this week: <span class=\"topic\">Coping &lt;script&gt;"))
        #expect(handoutTitles(html) == ["Basics of Recovery"])
        // A cancelled session with no modules names no topics.
        #expect(html.contains("<tr class=\"holiday\"><td>Wednesday, December 23, 2026</td><td>5:30 PM to 8:30 PM</td><td>Group session</td>"
            + "<td><strong>Cancelled: no meeting (Staff training day).</strong></td></tr>"))
        #expect(!html.contains("Homework for this week"))
        #expect(!html.contains("I practiced breathing"))
        #expect(!html.contains("Craving log"))
        // Left out, not moved: no other day of the week gets the skills session.
        #expect(html.components(separatedBy: "Coping &lt;script&gt;").count == 2)

        // Without dates there is no holiday: the same week holds both handouts and the homework.
        let undated = try packet(week: 1, start: nil, root: root)
        #expect(handoutTitles(undated).count == 2)
        #expect(undated.contains("Homework for this week"))
        #expect(!undated.contains("Cancelled"))
    }

    @Test func theCoverPrintsTheSchemasEmergencyNumberAndHonestMeetingWords() throws {
        let root = datedFixture()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let html = try packet(week: 1, start: nil, root: root)
        #expect(html.contains("If you are in danger right now, call 911 or go to the nearest emergency room."))
        #expect(!html.contains("open to anyone who wants to attend"))
        #expect(html.contains("Many are open to anyone; some are closed, for people who want to stop drinking or using."))

        let schemaPath = root + "/schema.yaml"
        let schema = try String(contentsOfFile: schemaPath, encoding: .utf8)
        try (schema + "\nemergency-number: \"112\"\n").write(toFile: schemaPath, atomically: true, encoding: .utf8)
        let elsewhere = try packet(week: 1, start: nil, root: root)
        #expect(elsewhere.contains("call 112 or go to the nearest emergency room"))
        #expect(!elsewhere.contains("911"))
    }

    @Test func homeworkIsExactlyThatWeeksModules() throws {
        let week1 = try packet(week: 1, start: nil)
        #expect(week1.contains("Homework for this week"))
        #expect(week1.contains("I practiced breathing"))
        #expect(week1.contains("Craving log"))
        // The handout part of the packet leaves its homework for the homework section.
        let handoutPart = week1.components(separatedBy: "Homework for this week")[0]
        #expect(!handoutPart.contains("I practiced breathing"))
        #expect(week1.contains("Basics of Recovery"))

        let week2 = try packet(week: 2, start: nil)
        #expect(!week2.contains("Homework for this week"))
        #expect(!week2.contains("I practiced breathing"))
        #expect(!week2.contains("<h2 class=\"handout-title\">Coping"))
        #expect(week2.contains("<h2 class=\"handout-title\">Basics of Recovery</h2>"))
    }

    @Test func packetsKeepFacilitatorContentOut() throws {
        let html = try packet(week: 1, start: nil)
        for marker in ["FACILITATOR-ANSWER-ALPHA", "FACILITATOR-BLOCK-BETA", "FACILITATOR-NOTES-GAMMA", "FACILITATOR-BLOCK-DELTA"] {
            #expect(!html.contains(marker))
        }
        #expect(html.contains("Between sessions"))
        #expect(html.contains("SMART Recovery"))
        #expect(html.contains("988 Suicide &amp; Crisis Lifeline"))
    }

    @Test func buildWritesEveryPacketPlanAndTheCoverage() throws {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let options = BuildOptions(out: out, pdf: false, page: PageOptions(), templates: templates, today: Fixtures.today)
        let result = Builder(pdfEngine: nil).build(root: Fixtures.path("build"), options: options)
        #expect(result.exitCode(strict: false) == 0)
        for path in ["packets/evening/week-01.html", "packets/evening/week-02.html", "plans/evening/week-01.html", "coverage.html", "coverage.csv"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + path), "missing \(path)")
        }
        let plan = try String(contentsOfFile: out + "/plans/evening/week-01.html", encoding: .utf8)
        #expect(plan.contains("<td>5:30 PM</td><td>Check-in</td><td>15</td>"))
        #expect(plan.contains("<td>5:45 PM</td><td>Psychoeducation group</td><td>45</td><td><a href=\"../../guides/basics.html\">Basics of Recovery</a></td>"))
        #expect(plan.contains("pens, &lt;img src=x onerror=alert(1)&gt;"))
        let csv = try String(contentsOfFile: out + "/coverage.csv", encoding: .utf8)
        #expect(csv.hasPrefix("track,objective_id,objective,core,week_1,week_2,total,missed_by_admission_weeks\n"))
        #expect(csv.contains("evening,coping,Healthy coping strategies,yes,3,0,3,\n"))
        #expect(csv.contains("evening,chronic-condition,\"Addiction is a chronic, treatable condition\",yes,3,3,6,\n"))
    }
}
