import Foundation
import Testing

/// `curriculum calendar` and `curriculum packet --date` as a counselor runs them on the sample
/// curriculum (cycle-start 2026-11-02, a 12-week cycle), and what a mistake gets them.
@Suite struct CalendarCommandTests {
    typealias CLI = CheckCommandTests

    @Test func theCalendarListsTheWeeksAheadWithTheirCycleWeek() throws {
        let result = try CLI.run(["calendar", "curriculum", "--today", "2026-12-23", "--weeks", "2", "--track", "evening"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Week of Monday, December 21, 2026: week 8 of 12\n"))
        #expect(result.stdout.contains("Week of Monday, December 28, 2026: week 9 of 12\n"))
        #expect(result.stdout.contains("Fri 2026-12-25  17:30-20:30  Evening track, group session: CANCELLED (Christmas Day)"))
        #expect(!result.stdout.contains("Morning track"))
        // Before cycle-start the weeks count backwards: the week of 2026-10-26 is a week 12.
        let json = try CLI.run(["calendar", "curriculum", "--from", "2026-10-28", "--weeks", "2", "--format", "json"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let weeks = try #require(object["weeks"] as? [[String: Any]])
        #expect(weeks.map { $0["monday"] as? String } == ["2026-10-26", "2026-11-02"])
        #expect(weeks.map { $0["cycleWeek"] as? Int } == [12, 1])
        let session = try #require((weeks[1]["sessions"] as? [[String: Any]])?.first)
        #expect(session["date"] as? String == "2026-11-02" && session["track"] as? String == "evening" && session["kind"] as? String == "group")
        #expect((session["modules"] as? [String])?.first == "overdose-response")
        #expect(session["cancelled"] is NSNull)
    }

    @Test func aPacketForADateIsTheWeekThatHoldsItDatedFromItsMonday() throws {
        let (folder, _) = try AuthoringCommandTests.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Thursday 2026-11-19 is in week 3 (Monday 2026-11-16).
        let result = try CLI.run(["packet", "--track", "evening", "--date", "2026-11-19", "curriculum", "--no-pdf", "--out", "out",
                                  "--templates", CLI.packageRoot + "/templates", "--today", "2026-11-29"], in: folder)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout == "wrote out/packets/evening/2026-11-16.html\n")
        let html = try String(contentsOfFile: folder + "/out/packets/evening/2026-11-16.html", encoding: .utf8)
        #expect(html.contains("Evening track: week 3 of 12"))
        #expect(html.contains("Week of Monday, November 16, 2026"))
        #expect(html.contains("<td>Friday, November 20, 2026</td>"))
    }

    @Test func withoutCycleStartADateIsASetupErrorShowingHowToAddIt() throws {
        let (folder, root) = try AuthoringCommandTests.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let program = try String(contentsOfFile: root + "/program.yaml", encoding: .utf8)
        try program.replacingOccurrences(of: "cycle-start: 2026-11-02\n", with: "").write(toFile: root + "/program.yaml", atomically: true, encoding: .utf8)
        for arguments in [["calendar", "curriculum"], ["packet", "--track", "evening", "--date", "2026-12-02", "curriculum", "--no-pdf", "--out", "out"],
                          ["build", "curriculum", "--no-pdf", "--out", "out", "--from", "2026-12-02", "--templates", CLI.packageRoot + "/templates"]] {
            let result = try CLI.run(arguments + ["--today", "2026-12-02"], in: folder)
            #expect(result.status == 2, "\(arguments)")
            #expect((result.stdout + result.stderr).contains("program.yaml has no cycle-start"), "\(arguments)")
            #expect((result.stdout + result.stderr).contains("for example 'cycle-start: 2026-11-30'"), "\(arguments)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/out/packets"), "\(arguments) wrote packets")
        }
    }

    @Test func badDatesTracksAndWeeksAreUsageErrorsThatSayWhatIsValid() throws {
        let (folder, _) = try AuthoringCommandTests.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let cases: [([String], String)] = [
            (["calendar", "curriculum", "--from", "2026-02-30"], "write a real day of the calendar as YYYY-MM-DD"),
            (["calendar", "curriculum", "--track", "nite"], "the tracks are: evening, morning"),
            (["calendar", "curriculum", "--weeks", "0"], "give 1 to 104"),
            (["packet", "--track", "evening", "--date", "12/23/2026", "curriculum", "--out", "out"], "write a real day of the calendar as YYYY-MM-DD"),
            (["packet", "--track", "nite", "--date", "2026-12-23", "curriculum", "--out", "out"], "the tracks are: evening, morning"),
            (["packet", "--track", "evening", "--date", "2026-12-23", "--week", "3", "curriculum", "--out", "out"], "give --date alone"),
            (["build", "curriculum", "--from", "2026-12-23", "--weeks", "0", "--out", "out"], "give 1 to 104"),
        ]
        for (arguments, says) in cases {
            let result = try CLI.run(arguments, in: folder)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(says), "\(arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/out"), "\(arguments) wrote something")
        }
    }
}
