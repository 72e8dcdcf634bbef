/// Make-up packets (`curriculum makeup`): for a participant who missed sessions, a "what you
/// missed" cover, the handouts and homework of those sessions and a reflection page; and the page
/// of the core objectives a person admitted in a given week will not meet during the minimum stay.
extension PacketRenderer {
    /// A missed session as the make-up packet shows it.
    struct MissedItem {
        let missed: MissedSession
        let session: ScheduledSession?
        let date: CalendarDate?
    }

    /// The missed sessions, dated when `start` is the first day of the first missed session's
    /// week (later weeks follow it; under rolling admission week 1 follows the last week).
    func missedItems(_ missed: [MissedSession], schedule: TrackSchedule, start: CalendarDate?) -> [MissedItem] {
        let weekCount = max(program.weekCount, 1)
        let firstWeek = missed.first?.week ?? 1
        return missed.map { item in
            let session = schedule.sessions(week: item.week).first { $0.isGroupSession && $0.day == item.day }
            let date = start.map { start -> CalendarDate in
                let offset = (item.week - firstWeek + weekCount) % weekCount
                return WeekCalendar(start: start.adding(days: 7 * offset), holidays: []).date(of: item.day)
            }
            return MissedItem(missed: item, session: session, date: date)
        }
    }

    /// The modules of the missed sessions in the order given, each once; family modules are for
    /// the family packet, not a participant's make-up.
    func makeupModules(_ items: [MissedItem]) -> [Module] {
        var seen = Set<String>()
        var out: [Module] = []
        for item in items {
            for id in item.session?.modules ?? [] where seen.insert(id.value).inserted {
                if let module = curriculum.module(id.value), !Self.isForFamilies(module) { out.append(module) }
            }
        }
        return out
    }

    public func makeup(track: Track, missed: [MissedSession], start: CalendarDate?) -> String {
        let schedule = TrackSchedule.resolve(track, in: program)
        let items = missedItems(missed, schedule: schedule, start: start)
        let modules = makeupModules(items)
        let (handouts, homework) = handoutItems(modules)
        let rows: [[String: TemplateValue]] = items.map { item in
            var row: [String: TemplateValue] = [
                "when": .string(item.date.map(WeekCalendar.label) ?? "Week \(item.missed.week), \(item.missed.day.name)"),
                "time": .string(item.session.flatMap { session in session.start.flatMap { start in session.end.map { "\(start.spoken) to \($0.spoken)" } } } ?? ""),
            ]
            let topics = (item.session?.modules ?? []).compactMap { curriculum.module($0.value) }.filter { !Self.isForFamilies($0) }.compactMap(\.title?.value)
            row["topics"] = .strings(topics)
            row["hasTopics"] = .bool(!topics.isEmpty)
            return row
        }
        let first = missed.first ?? MissedSession(week: 1, day: .monday)
        var data = weekHeader(track: track, week: first.week, start: start)
        data["startLabel"] = .string(start.map { "Missed from the week of \(WeekCalendar.label($0))" } ?? "Missed sessions")
        data["missed"] = .objects(rows)
        data["missedCount"] = .int(items.count)
        data["several"] = .bool(items.count > 1)
        data["handouts"] = .objects(handouts)
        data["hasHandouts"] = .bool(!handouts.isEmpty)
        data["hasHomework"] = .bool(!homework.isEmpty)
        data["homework"] = .objects(homework)
        // One prompt per missed session (not per module), so the reflection stays one page.
        data["reflections"] = .objects(rows.filter { $0["hasTopics"] == .bool(true) }.map { ["when": $0["when"]!] })
        data["helpLines"] = documents.helpLines()
        return documents.templates.page("makeup", data: data,
                                        page: documents.pageData(title: "\(track.name): make-up packet", kind: "packet",
                                                                 kindLabel: "\(track.name) · make-up packet", language: "en", depth: 2))
    }

    /// The page for a counselor planning a new admission's make-up work.
    public func admittedWeek(_ gaps: AdmissionGaps) -> String {
        let data: [String: TemplateValue] = [
            "programName": .string(documents.programName),
            "trackName": .string(gaps.track.name),
            "week": .int(gaps.admittedWeek),
            "weekCount": .int(gaps.weekCount),
            "stay": .int(gaps.stay),
            "weeks": .string(gaps.weeks.map(String.init).joined(separator: ", ")),
            "hasMissing": .bool(!gaps.missing.isEmpty),
            "missing": .objects(gaps.missing.map { item in
                [
                    "title": .string(item.objective.title),
                    "id": .string(item.objective.id),
                    "hasModules": .bool(!item.modules.isEmpty),
                    "modules": .objects(item.modules.map { module in
                        [
                            "id": .string(module.id),
                            "title": .string(module.title),
                            "weeks": .string(module.weeks.isEmpty ? "not scheduled in this track" : module.weeks.map(String.init).joined(separator: ", ")),
                        ]
                    }),
                ]
            }),
        ]
        return documents.templates.page("admitted-week", data: data,
                                        page: documents.pageData(title: "Admitted in week \(gaps.admittedWeek): \(gaps.track.name)", kind: "plan",
                                                                 kindLabel: "Make-up planning", language: "en", depth: 2,
                                                                 band: "For staff - make-up planning"))
    }
}
