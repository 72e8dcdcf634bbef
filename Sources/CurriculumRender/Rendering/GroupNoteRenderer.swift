/// Group-note stubs for the clinical record and sign-in sheets: one page per session of a week
/// (group sessions and the family session; not individual counseling, which has no set day).
/// They print what the program file and the modules say (program, track, date, clock times,
/// group format, modules, objectives, outcomes, interventions, minutes) and blank lines where
/// staff and members write. Nothing about a participant is read or printed: the program has no
/// participant data, and the renderer's only inputs are the program and the curriculum.
extension PacketRenderer {
    /// The sessions that get a group note and a sign-in sheet: those on a set day with an
    /// agenda, in the order they take place, without the ones a holiday cancels.
    func paperworkSessions(track: Track, week: Int, start: CalendarDate?) -> [WeekSession] {
        let schedule = TrackSchedule.resolve(track, in: program)
        let calendar = start.map { WeekCalendar(start: $0, holidays: program.holidays) }
        return sessions(of: schedule, week: week, calendar: calendar).filter { item in
            item.holiday == nil && item.session.day != nil && !item.session.segments.isEmpty
        }
    }

    /// True for a segment that is a break (its title says "break": Break, Lunch break): its
    /// minutes are not billable group time.
    public static func isBreak(_ segment: Segment) -> Bool {
        segment.group == nil && segment.title.lowercased().split(whereSeparator: { !$0.isLetter }).contains("break")
    }

    /// The interventions a module's session uses: its Practice section and the titles of its
    /// worksheets, checklists and logs (outside the facilitator notes), each once.
    static func interventions(_ module: Module) -> [String] {
        var out: [String] = []
        for section in module.sections where !section.isForFacilitators && section.name != "sources" {
            if section.name == "practice" { out.append(section.title) }
            for block in section.blocks {
                switch module.block(block)?.widget {
                case .worksheet(let title?, _), .checklist(let title?, _), .log(let title?, _, _): out.append(title)
                default: break
                }
            }
        }
        var seen = Set<String>()
        return out.filter { seen.insert($0.lowercased()).inserted }
    }

    /// The interventions as the note prints them: the first three, then how many more (a
    /// safety plan's six steps would otherwise take the room the members' rows need).
    static func interventionLine(_ titles: [String]) -> String {
        let shown = titles.prefix(3).joined(separator: "; ")
        return titles.count > 3 ? shown + "; and \(titles.count - 3) more" : shown
    }

    /// The top of a note or sign-in sheet: which session, when.
    func sessionHeading(_ item: WeekSession) -> [String: TemplateValue] {
        let session = item.session
        var row: [String: TemplateValue] = [
            "title": .string(session.title),
            "date": .string(item.date.map(WeekCalendar.label) ?? "\(session.day?.name ?? ""), date ____________"),
            "time": .string(session.start.flatMap { start in session.end.map { "\(start.spoken) to \($0.spoken)" } } ?? ""),
        ]
        let formats = session.segments.compactMap(\.segment.group).map { curriculum.schema.group($0)?.title ?? $0 }
        var seen = Set<String>()
        row["formats"] = .string(formats.filter { seen.insert($0).inserted }.joined(separator: ", "))
        return row
    }

    public func groupNotes(track: Track, week: Int, start: CalendarDate?, memberRows: Int = 8) -> String {
        let schema = curriculum.schema
        let sessions: [[String: TemplateValue]] = paperworkSessions(track: track, week: week, start: start).map { item in
            var row = sessionHeading(item)
            let modules = item.session.modules.compactMap { curriculum.module($0.value) }
            var objectiveIDs: [String] = []
            for module in modules { for id in module.objectives.map(\.value) where !objectiveIDs.contains(id) { objectiveIDs.append(id) } }
            row["objectives"] = .strings(objectiveIDs.map { schema.objective($0)?.title ?? $0 })
            row["hasObjectives"] = .bool(!objectiveIDs.isEmpty)
            var billable = 0
            row["segments"] = .objects(item.session.segments.map { segment in
                let isBreak = Self.isBreak(segment.segment)
                if !isBreak { billable += segment.segment.minutes }
                let module = segment.module.flatMap { curriculum.module($0.value) }
                return [
                    "time": .string(segment.start.map { "\($0.spoken)" } ?? ""),
                    "title": .string(segment.segment.title),
                    "minutes": .int(segment.segment.minutes),
                    "module": .string(module?.title?.value ?? (segment.segment.group != nil ? "Open group: no set module" : "")),
                    "hasModule": .bool(module != nil),
                    "outcomes": .string(module?.outcomes.map(\.value).joined(separator: "; ") ?? ""),
                    "interventions": .string(module.map { Self.interventionLine(Self.interventions($0)) } ?? ""),
                    "hasInterventions": .bool(module.map { !Self.interventions($0).isEmpty } ?? false),
                    "billing": .string(isBreak ? "Not billable" : "Group time"),
                    "isBreak": .bool(isBreak),
                ]
            })
            row["billableMinutes"] = .int(billable)
            row["members"] = .objects((1...max(memberRows, 1)).map { ["n": .int($0)] })
            row["moreFrom"] = .int(max(memberRows, 1) + 1)
            return row
        }
        var data = weekHeader(track: track, week: week, start: start)
        data["sessions"] = .objects(sessions)
        return documents.templates.page("group-note", data: data,
                                        page: documents.pageData(title: "Group notes: \(track.name), week \(week)", kind: "notes",
                                                                 kindLabel: "Group note for the clinical record", language: "en", depth: 2,
                                                                 band: "Confidential record - 42 CFR Part 2"))
    }

    public func signInSheets(track: Track, week: Int, start: CalendarDate?, rows: Int = 14) -> String {
        let columns = program.signInColumns
        let sessions: [[String: TemplateValue]] = paperworkSessions(track: track, week: week, start: start).map { item in
            var row = sessionHeading(item)
            row["columns"] = .strings(columns)
            row["rows"] = .objects((1...max(rows, 1)).map { ["n": .int($0), "cells": .strings(Array(repeating: "", count: columns.count))] })
            return row
        }
        var data = weekHeader(track: track, week: week, start: start)
        data["sessions"] = .objects(sessions)
        return documents.templates.page("sign-in", data: data,
                                        page: documents.pageData(title: "Sign-in sheets: \(track.name), week \(week)", kind: "sign-in",
                                                                 kindLabel: "Sign-in sheet", language: "en", depth: 2,
                                                                 band: "Confidential - 42 CFR Part 2"))
    }
}
