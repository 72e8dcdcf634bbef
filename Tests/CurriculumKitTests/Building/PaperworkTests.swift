import Foundation
import Synchronization
import Testing
@testable import CurriculumKit
@testable import CurriculumBuild

/// Clinic paperwork (issue 18) on the `paperwork` fixture: the evening track meets Mon, Wed and
/// Fri with a family session on Tuesday (family-talk); basics comes only in week 1 on Monday,
/// skills in every session.
@Suite struct PaperworkTests {
    let templates = Fixtures.packageRoot + "/templates"

    func options(_ out: String, dated: DatedWeeks? = nil) -> BuildOptions {
        BuildOptions(out: out, pdf: false, page: PageOptions(), templates: templates, today: Fixtures.today, dated: dated)
    }

    /// Builds the fixture (HTML only) into a fresh folder; returns the folder and the result.
    func build(root: String = Fixtures.path("paperwork"), fileSystem: any FileSystem = LocalFileSystem(),
               dated: DatedWeeks? = nil) -> (out: String, result: BuildResult) {
        let out = Fixtures.temporaryFolder() + "/out"
        let result = Builder(fileSystem: fileSystem, pdfEngine: nil).build(root: root, options: options(out, dated: dated))
        #expect(result.exitCode(strict: false) == 0, "\(result.report.diagnostics)")
        return (out, result)
    }

    func read(_ out: String, _ path: String) throws -> String {
        try String(contentsOfFile: out + "/" + path, encoding: .utf8)
    }

    func handoutTitles(_ html: String) -> [String] {
        html.components(separatedBy: "<h2 class=\"handout-title\">").dropFirst().map { $0.components(separatedBy: "</h2>")[0] }
    }

    // MARK: Family packets

    @Test func familyHandoutsAreOnlyInTheFamilyPacketAndTheClientCoverStillListsTheSession() throws {
        let (out, _) = build()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let client = try read(out, "packets/evening/week-01.html")
        #expect(handoutTitles(client).count == 2 && handoutTitles(client).first == "Basics of Recovery")
        #expect(!handoutTitles(client).contains("Talking With Your Loved One"))
        #expect(!client.contains("My calm words"))
        // The cover still shows the family session with its topic.
        #expect(client.contains("<td>Tuesday</td><td>6:00 PM to 7:30 PM</td><td>Family session</td><td><span class=\"topic\">Talking With Your Loved One</span>"))

        let family = try read(out, "packets/evening/week-01-family.html")
        #expect(handoutTitles(family) == ["Talking With Your Loved One"])
        #expect(family.contains("My calm words"))
        #expect(family.contains("<td>Tuesday</td><td>6:00 PM to 7:30 PM</td><td>Family session</td>"))
        #expect(!family.contains("Basics of Recovery"))
        // Help lines from the schema, and family supports named without a number.
        #expect(family.contains("<strong>988 Suicide &amp; Crisis Lifeline</strong>: 988."))
        #expect(family.contains("Al-Anon and Alateen, Nar-Anon"))
        // Every week has one: the family rotation fills each Tuesday.
        for week in 1...4 { #expect(FileManager.default.fileExists(atPath: out + "/packets/evening/week-0\(week)-family.html")) }
        let index = try read(out, "index.html")
        #expect(index.contains("<a href=\"packets/evening/week-01-family.html\">HTML</a>"))
        #expect(index.contains("<a href=\"notes/evening/week-01.html\">HTML</a>"))
        #expect(index.contains("<a href=\"sign-in/evening/week-01.html\">HTML</a>"))
    }

    @Test func aModuleForFamiliesByAudienceAloneStaysOutOfTheClientPacket() throws {
        let module = try #require(Fixtures.module("---\nid: x\ntitle: X\ngroup: support\naudience: family\n---\n# X\n").0)
        #expect(PacketRenderer.isForFamilies(module))
        let client = try #require(Fixtures.module("---\nid: y\ntitle: Y\ngroup: support\naudience: adult\n---\n# Y\n").0)
        #expect(!PacketRenderer.isForFamilies(client))
    }

    // MARK: Make-up packets

    func makeup(_ missed: [MissedSession], start: CalendarDate? = nil) throws -> (name: String, html: String) {
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let result = Builder(pdfEngine: nil).makeup(root: Fixtures.path("paperwork"), track: "evening", request: .missed(missed, start: start),
                                                    options: options(out))
        #expect(result.exitCode(strict: false) == 0, "\(result.report.diagnostics)")
        let name = try #require(result.written.first)
        #expect(result.written == [name])
        return (name, try read(out, name))
    }

    @Test func aMakeupPacketForOneSessionHasItsHandoutsHomeworkCoverAndReflection() throws {
        let (name, html) = try makeup([MissedSession(week: 1, day: .monday)], start: CalendarDate("2026-11-02"))
        #expect(name == "makeup/evening/week-01-mon.html")
        #expect(html.contains("<h1>What you missed</h1>"))
        #expect(html.contains("Missed from the week of Monday, November 2, 2026"))
        #expect(html.contains("<td>Monday, November 2, 2026</td><td>5:30 PM to 8:30 PM</td>"))
        #expect(handoutTitles(html).count == 2)
        #expect(handoutTitles(html).first == "Basics of Recovery")
        #expect(html.contains("<h2 class=\"part-title\">Homework for this week</h2>"))
        #expect(html.contains("Craving log"))
        #expect(html.contains("<h2 class=\"part-title\">Reflection</h2>"))
        #expect(html.contains("The session of Monday, November 2, 2026: one thing I learned"))
        // The family session's module is never in a participant's make-up.
        #expect(!html.contains("Talking With Your Loved One"))
        #expect(html.contains("The session you missed"))
    }

    @Test func aMakeupPacketForTwoSessionsListsBothAndEachHandoutOnce() throws {
        // Week 2 Wednesday has skills only; week 1 Monday has basics and skills.
        let (name, html) = try makeup([MissedSession(week: 2, day: .wednesday), MissedSession(week: 1, day: .monday)])
        #expect(name == "makeup/evening/week-02-wed.html")
        #expect(html.contains("The sessions you missed"))
        #expect(html.contains("<td>Week 2, Wednesday</td>"))
        #expect(html.contains("<td>Week 1, Monday</td>"))
        let titles = handoutTitles(html)
        #expect(titles.count == 2)
        #expect(titles.last == "Basics of Recovery")
        #expect(html.components(separatedBy: "<h3 class=\"homework-title\">").count == 2)
        #expect(html.contains("The session of Week 2, Wednesday"))
        #expect(html.contains("The session of Week 1, Monday"))
    }

    @Test func missedSessionsAreCheckedAgainstTheTrackAndTheProgram() throws {
        let program = try #require(CurriculumLoader().load(root: Fixtures.path("paperwork")).curriculum?.program)
        let track = try #require(program.track("evening"))
        #expect(try MissedSession.parse("4:wed, 1:MON", track: track, program: program).get()
                == [MissedSession(week: 4, day: .wednesday), MissedSession(week: 1, day: .monday)])
        #expect(try MissedSession.parse("2:Friday", track: track, program: program).get() == [MissedSession(week: 2, day: .friday)])
        func problem(_ text: String) -> String? {
            if case .failure(let problem) = MissedSession.parse(text, track: track, program: program) { return problem.message }
            return nil
        }
        #expect(problem("1:Tue") == "the evening track has no group session on 'Tue' (in '1:Tue'); its days are Mon, Wed, Fri")
        #expect(problem("5:Mon") == "week 5 (in '5:Mon') is outside the program; give a week from 1 to 4")
        #expect(problem("0:Mon")?.contains("give a week from 1 to 4") == true)
        #expect(problem("Mon")?.contains("is not WEEK:DAY") == true)
        #expect(problem("1:Mon,")?.contains("separated by commas") == true)
    }

    // MARK: --admitted-week

    /// Worked by hand: chronic-condition (core) comes only in week 1 (basics, Monday); coping
    /// (core) in every week. A 2-week stay from week 2 is weeks 2-3, from week 3 weeks 3-4
    /// (both miss chronic-condition), from week 4 weeks 4 and 1 (meets it).
    @Test func anAdmissionWeekMissesTheCoreObjectivesItsStayNeverMeets() throws {
        let curriculum = try #require(CurriculumLoader().load(root: Fixtures.path("paperwork")).curriculum)
        let program = try #require(curriculum.program)
        let track = try #require(program.track("evening"))
        func gaps(_ week: Int) -> AdmissionGaps { AdmissionGaps(curriculum: curriculum, program: program, track: track, admittedWeek: week) }
        #expect(gaps(1).weeks == [1, 2] && gaps(1).missing.isEmpty)
        #expect(gaps(2).weeks == [2, 3] && gaps(2).missing.map(\.objective.id) == ["chronic-condition"])
        #expect(gaps(3).weeks == [3, 4] && gaps(3).missing.map(\.objective.id) == ["chronic-condition"])
        #expect(gaps(4).weeks == [4, 1] && gaps(4).missing.isEmpty)
        let covering = try #require(gaps(3).missing.first?.modules)
        #expect(covering.map(\.id) == ["basics"] && covering[0].weeks == [1])
        #expect(gaps(3).text() == """
            Evening track: a person admitted in week 3 of 4 attends weeks 3, 4 during the minimum stay of 2 weeks.
            Core objectives not met before the minimum stay ends:
              chronic-condition: Addiction is a chronic, treatable condition
                basics (Basics of Recovery): week 1

            """)
        #expect(gaps(3).json().serialized() == #"{"track":"evening","admittedWeek":3,"weekCount":4,"minimumStay":2,"weeks":[3,4],"missing":[{"objective":"chronic-condition","title":"Addiction is a chronic, treatable condition","modules":[{"id":"basics","title":"Basics of Recovery","weeks":[1]}]}]}"#)
        // The page is written where the docs say.
        let out = Fixtures.temporaryFolder() + "/out"
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let result = Builder(pdfEngine: nil).makeup(root: Fixtures.path("paperwork"), track: "evening", request: .admittedWeek(3), options: options(out))
        #expect(result.written == ["makeup/evening/admitted-week-03.html"])
        let page = try read(out, "makeup/evening/admitted-week-03.html")
        #expect(page.contains("<h3>Addiction is a chronic, treatable condition</h3>"))
        #expect(page.contains("<td>Basics of Recovery</td><td>1</td>"))
    }

    // MARK: Group notes and sign-in sheets

    /// The cells of every row of the table with `class`, in order.
    func rows(_ html: String, table: String) -> [[String]] {
        html.components(separatedBy: "<table class=\"\(table)\">").dropFirst().flatMap { part -> [[String]] in
            let body = part.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tbody>")[0]
            return body.components(separatedBy: "<tr>").dropFirst().map { row in
                row.components(separatedBy: "<td>").dropFirst().map { $0.components(separatedBy: "</td>")[0] }
            }
        }
    }

    @Test func groupNotesHoldTheSessionAndOnlyBlankLinesWherePeopleWrite() throws {
        let (out, _) = build()
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let notes = try read(out, "notes/evening/week-01.html")
        // One page per session: Monday, the family session on Tuesday, Wednesday, Friday.
        #expect(notes.components(separatedBy: "<section class=\"group-note\">").count == 5)
        #expect(notes.contains("<h1>Group session: Monday, date ____________</h1>"))
        #expect(notes.contains("<h1>Family session: Tuesday, date ____________</h1>"))
        #expect(notes.contains("<strong>Program:</strong> Fixture Evening Program · <strong>Track:</strong> Evening track · <strong>Time:</strong> 5:30 PM to 8:30 PM"))
        #expect(notes.contains("<strong>Group format:</strong> Psychoeducational group, Skill-building group"))
        #expect(notes.contains("<strong>Basics of Recovery</strong><br><span class=\"note-label\">Outcomes:</span> Explain one way treatment helps"))
        #expect(notes.contains("<span class=\"note-label\">Interventions:</span> Practice; My calm words"))
        #expect(notes.contains("<span class=\"objective\">Addiction is a chronic, treatable condition</span>"))
        #expect(notes.contains("<tr class=\"break\"><td>6:30 PM</td><td>Break</td><td>10</td><td></td><td>Not billable</td></tr>"))
        #expect(notes.contains("<tr><td>6:40 PM</td><td>Skill-building group</td><td>50</td>"))
        #expect(notes.components(separatedBy: "<td>Group time</td>").count - 1 == 3 * 5 + 1)
        #expect(notes.contains("Planned group time: 170 minutes, breaks not counted."))
        #expect(notes.contains("<span class=\"fill-label\">Facilitator</span><span class=\"fill\"></span><span class=\"fill-label\">Credential</span><span class=\"fill fill-short\"></span>"))
        let members = rows(notes, table: "note-members")
        #expect(members.count == 4 * 8)
        #expect(members.allSatisfy { $0 == ["", ""] })
        #expect(notes.contains("<tr><th scope=\"row\">8</th><td></td><td></td></tr>"))

        let signIn = try read(out, "sign-in/evening/week-01.html")
        #expect(signIn.components(separatedBy: "<section class=\"sign-in\">").count == 5)
        #expect(signIn.contains("<p class=\"sign-in-confidential\">Confidential: federal law (42 CFR Part 2)"))
        #expect(signIn.contains("<th scope=\"col\">Initials</th><th scope=\"col\">Time in</th><th scope=\"col\">Time out</th><th scope=\"col\">Signature</th>"))
        #expect(!signIn.contains("Name</th>"))
        let lines = rows(signIn, table: "sign-in-table")
        #expect(lines.count == 4 * 14)
        #expect(lines.allSatisfy { $0 == ["", "", "", ""] })
    }

    @Test func signInColumnsComeFromProgramYaml() throws {
        let root = Fixtures.copy("paperwork")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let program = try String(contentsOfFile: root + "/program.yaml", encoding: .utf8)
        try program.replacingOccurrences(of: "columns: [Initials, Time in, Time out, Signature]", with: "columns: [Initials, Arrived, Signature]")
            .write(toFile: root + "/program.yaml", atomically: true, encoding: .utf8)
        let (out, _) = build(root: root)
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let signIn = try read(out, "sign-in/evening/week-02.html")
        #expect(signIn.contains("<th scope=\"col\" class=\"col-number\">#</th><th scope=\"col\">Initials</th><th scope=\"col\">Arrived</th><th scope=\"col\">Signature</th></tr>"))
        #expect(rows(signIn, table: "sign-in-table").allSatisfy { $0 == ["", "", ""] })
        // A misspelt key is a finding at its line, as every program.yaml key is.
        try program.replacingOccurrences(of: "  columns:", with: "  colums:").write(toFile: root + "/program.yaml", atomically: true, encoding: .utf8)
        let (loaded, diagnostics) = ProgramLoader.load(SourceFile(path: "program.yaml", text: try String(contentsOfFile: root + "/program.yaml", encoding: .utf8)))
        #expect(loaded != nil)
        #expect(diagnostics.contains { $0.rule == "program.unknown-key" && $0.message.contains("colums") })
    }

    /// The program has no participant data, and nothing the paperwork prints comes from
    /// anywhere else: a roster beside the curriculum is never opened, and its names never printed.
    @Test func theBuildReadsNoParticipantData() throws {
        let root = Fixtures.copy("paperwork")
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: root)) }
        let roster = "name,date of birth\nJordan Rivera,1990-01-01\n"
        try roster.write(toFile: root + "/participants.csv", atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/records", withIntermediateDirectories: true)
        try roster.write(toFile: root + "/records/roster.yaml", atomically: true, encoding: .utf8)
        let recording = RecordingFileSystem()
        let (out, _) = build(root: root, fileSystem: recording)
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let read = recording.paths
        #expect(!read.isEmpty)
        #expect(!read.contains { $0.contains("participants") || $0.contains("records/") }, "\(read)")
        // What the build reads is the curriculum's own files and the templates.
        #expect(read.allSatisfy { $0.hasSuffix(".yaml") || $0.hasSuffix(".md") || $0.hasSuffix(".mustache") || $0.hasSuffix(".css") || $0.hasSuffix(".png") }, "\(read)")
        for folder in ["notes/evening", "sign-in/evening"] {
            for file in try FileManager.default.contentsOfDirectory(atPath: out + "/" + folder) {
                #expect(!(try self.read(out, folder + "/" + file)).contains("Jordan"))
            }
        }
    }

    // MARK: In the build

    @Test func datedNotesAndSignInSheetsLeaveOutTheSessionAHolidayCancels() throws {
        // The week of Monday, December 21, 2026 is week 4 of the fixture's cycle; Friday is Christmas Day.
        let (out, _) = build(dated: DatedWeeks(from: CalendarDate("2026-12-23")!, count: 1))
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        let notes = try read(out, "notes/evening/2026-12-21.html")
        let titles = notes.components(separatedBy: "<h1>").dropFirst().map { $0.components(separatedBy: "</h1>")[0] }
        #expect(titles == ["Group session: Monday, December 21, 2026", "Family session: Tuesday, December 22, 2026",
                           "Group session: Wednesday, December 23, 2026"])
        let signIn = try read(out, "sign-in/evening/2026-12-21.html")
        #expect(signIn.components(separatedBy: "<section class=\"sign-in\">").count == 4)
        #expect(!signIn.contains("December 25"))
        #expect(signIn.contains("<h1>Sign-in: Family session, Tuesday, December 22, 2026</h1>"))
    }

    @Test func anUnchangedBuildLeavesThePaperworkAloneAndDatedPaperworkIsKept() throws {
        let (out, first) = build(dated: DatedWeeks(from: CalendarDate("2026-11-02")!, count: 1))
        defer { try? FileManager.default.removeItem(atPath: PathUtil.directory(of: out)) }
        for path in ["packets/evening/2026-11-02-family.html", "notes/evening/2026-11-02.html", "sign-in/evening/2026-11-02.html",
                     "notes/evening/week-04.html", "sign-in/evening/week-04.html"] {
            #expect(first.written.contains(path), "\(path)")
        }
        #expect(first.datedPacketCount == 1)
        let dated = try read(out, "notes/evening/2026-11-02.html")
        #expect(dated.contains("<h1>Group session: Monday, November 2, 2026</h1>"))
        // Again, without --from: nothing is made again, and the dated files stay.
        let again = Builder(pdfEngine: nil).build(root: Fixtures.path("paperwork"), options: options(out))
        #expect(again.exitCode(strict: false) == 0)
        #expect(!again.written.contains { $0.hasPrefix("notes/") || $0.hasPrefix("sign-in/") || $0.hasSuffix("-family.html") }, "\(again.written)")
        for path in ["packets/evening/2026-11-02-family.html", "notes/evening/2026-11-02.html", "sign-in/evening/2026-11-02.html"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + path), "\(path)")
        }
        #expect(OutputPaths.isDatedPacket("notes/evening/2026-11-02.pdf"))
        #expect(OutputPaths.isDatedPacket("packets/evening/2026-11-02-family.html"))
        #expect(!OutputPaths.isDatedPacket("notes/evening/week-01.html"))
        #expect(!OutputPaths.isDatedPacket("handouts/2026-11-02.html"))
        #expect(OutputFolder.isOutputPath("sign-in/evening/week-01.pdf") && OutputFolder.isOutputPath("notes/evening/week-01.html"))
    }
}

/// Local files, with every path read recorded.
final class RecordingFileSystem: FileSystem, Sendable {
    let local = LocalFileSystem()
    let recorded = Mutex<[String]>([])

    var paths: [String] { recorded.withLock { $0 } }

    func readFile(_ path: String) throws -> [UInt8] {
        recorded.withLock { $0.append(path) }
        return try local.readFile(path)
    }

    func readFile(_ path: String, maxBytes: Int) throws -> [UInt8] {
        recorded.withLock { $0.append(path) }
        return try local.readFile(path, maxBytes: maxBytes)
    }

    func isDirectory(_ path: String) -> Bool? { local.isDirectory(path) }
    func listRecursively(_ path: String) throws -> [String] { try local.listRecursively(path) }
    func resolvingSymlinks(_ path: String) -> String { local.resolvingSymlinks(path) }
    func fileSize(_ path: String) -> Int? { local.fileSize(path) }
    func listRecursivelyNotingUnreadable(_ path: String) throws -> (entries: [String], unreadable: [String]) {
        try local.listRecursivelyNotingUnreadable(path)
    }
}
