import Foundation
import Testing

/// `curriculum makeup` as a counselor runs it on the sample curriculum (evening track: Mon, Wed,
/// Fri; 12 weeks), and what a mistake gets them: a usage error listing what is valid, nothing written.
@Suite struct MakeupCommandTests {
    typealias CLI = CheckCommandTests

    func run(_ arguments: [String]) throws -> (CLI.Run, String) {
        let (folder, _) = try AuthoringCommandTests.sampleCopy()
        let result = try CLI.run(["makeup", "curriculum", "--no-pdf", "--out", "out", "--templates", CLI.packageRoot + "/templates"] + arguments, in: folder)
        return (result, folder)
    }

    @Test func twoMissedSessionsMakeOnePacketNamedAfterTheFirst() throws {
        let (result, folder) = try run(["--track", "evening", "--missed", "4:wed,5:MON", "--start", "2026-11-23", "--today", "2026-11-29"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "wrote out/makeup/evening/week-04-wed.html\n")
        let html = try String(contentsOfFile: folder + "/out/makeup/evening/week-04-wed.html", encoding: .utf8)
        #expect(html.contains("<td>Wednesday, November 25, 2026</td>"))
        #expect(html.contains("<td>Monday, November 30, 2026</td>"))
    }

    @Test func badInputIsAUsageErrorListingWhatIsValidAndWritesNothing() throws {
        let cases: [([String], String)] = [
            (["--track", "evening", "--missed", "4:Tue"], "the evening track has no group session on 'Tue' (in '4:Tue'); its days are Mon, Wed, Fri"),
            (["--track", "morning", "--missed", "2:Mon"], "its days are Tue, Thu, Sat"),
            (["--track", "evening", "--missed", "13:Mon"], "week 13 (in '13:Mon') is outside the program; give a week from 1 to 12"),
            (["--track", "evening", "--admitted-week", "13"], "--admitted-week 13 is outside the cycle; give a week from 1 to 12"),
            (["--track", "evening", "--admitted-week", "0"], "give a week from 1 to 12"),
            (["--track", "night", "--missed", "1:Mon"], "there is no track 'night'; the tracks are: evening, morning"),
            (["--track", "evening"], "give --missed WEEK:DAY"),
            (["--track", "evening", "--missed", "1:Mon", "--start", "2026-02-30"], "is not a date"),
        ]
        for (arguments, message) in cases {
            let (result, folder) = try run(arguments)
            defer { try? FileManager.default.removeItem(atPath: folder) }
            #expect(result.status == 64, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: folder + "/out"), "\(arguments) wrote something")
        }
    }

    @Test func anAdmittedWeekPrintsItsGapsAsTextOrJSON() throws {
        let (text, folder) = try run(["--track", "evening", "--admitted-week", "10"])
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.hasPrefix("Evening track: a person admitted in week 10 of 12 attends weeks 10, 11, 12, 1, 2, 3, 4, 5 during the minimum stay of 8 weeks.\n"))
        #expect(text.stdout.hasSuffix("wrote out/makeup/evening/admitted-week-10.html\n"))
        let (json, other) = try run(["--track", "evening", "--admitted-week", "10", "--format", "json"])
        defer { try? FileManager.default.removeItem(atPath: other) }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["weeks"] as? [Int] == [10, 11, 12, 1, 2, 3, 4, 5])
        #expect(object["missing"] as? [Any] != nil)
        #expect(FileManager.default.fileExists(atPath: other + "/out/makeup/evening/admitted-week-10.html"))
    }
}
