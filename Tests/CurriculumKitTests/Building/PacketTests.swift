import Foundation
import Testing
@testable import CurriculumKit

/// Weekly packets: dated covers, the week's handouts and exactly the week's homework.
@Suite struct PacketTests {
    let templates = Fixtures.packageRoot + "/templates"

    func packet(week: Int, start: String?) throws -> String {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let options = BuildOptions(out: out, pdf: false, page: PageOptions(), templates: templates, today: Fixtures.today)
        let result = Builder(pdfEngine: nil).packet(root: Fixtures.path("build"), track: "evening", week: week,
                                                    start: start.flatMap(CalendarDate.init), options: options)
        #expect(result.exitCode(strict: false) == 0, "\(result.report.diagnostics)")
        #expect(result.written == ["packets/evening/week-0\(week).html"])
        return try String(contentsOfFile: out + "/packets/evening/week-0\(week).html", encoding: .utf8)
    }

    @Test func coverListsTheWeeksMeetingDatesAndHolidays() throws {
        let html = try packet(week: 1, start: "2026-12-21")
        #expect(html.contains("Week of Monday, December 21"))
        #expect(html.contains("<td>Monday, December 21</td><td>5:30 PM to 8:30 PM</td>"))
        #expect(html.contains("<td>Wednesday, December 23</td>"))
        #expect(html.contains("<tr class=\"holiday\"><td>Friday, December 25</td><td>5:30 PM to 8:30 PM</td><td>Group session</td><td><strong>No meeting: Christmas Day</strong>"))
        #expect(html.contains("A time you set with your counselor"))
        #expect(html.contains("<th scope=\"row\">Sun 12/27</th>"))
    }

    @Test func aStartDayMidWeekDatesTheSevenDaysFromIt() throws {
        let html = try packet(week: 1, start: "2026-12-23")
        #expect(html.contains("<td>Monday, December 28</td>"))
        #expect(html.contains("<td>Wednesday, December 23</td>"))
        #expect(!html.contains("December 21"))
        #expect(html.contains("<th scope=\"row\">Wed 12/23</th>"))
    }

    @Test func withoutAStartDayTheCoverNamesWeekdays() throws {
        let html = try packet(week: 1, start: nil)
        #expect(html.contains("<td>Monday</td><td>5:30 PM to 8:30 PM</td>"))
        #expect(html.contains("<th scope=\"row\">Mon</th>"))
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
