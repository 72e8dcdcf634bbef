/// The weekly packet a counselor hands out (cover, the week's handouts in session order, the
/// week's homework, between-session pages, help lines) and the facilitator's session plan.
public struct PacketRenderer: Sendable {
    public let documents: DocumentRenderer
    public let program: Program

    public init(documents: DocumentRenderer, program: Program) {
        self.documents = documents
        self.program = program
    }

    var curriculum: Curriculum { documents.curriculum }

    /// What the packet and the session plan print at their top.
    private func weekHeader(track: Track, week: Int, start: CalendarDate?) -> [String: Any] {
        [
            "programName": documents.programName,
            "trackName": track.name,
            "week": week,
            "weekCount": program.weekCount,
            "startLabel": start.map { "Week of \(WeekCalendar.label($0))" } ?? "",
        ]
    }

    /// Modules of the week in session order, each once.
    public func modules(of schedule: TrackSchedule, week: Int) -> [Module] {
        var seen = Set<String>()
        var out: [Module] = []
        for session in schedule.sessions(week: week) {
            for id in session.modules where seen.insert(id.value).inserted {
                if let module = curriculum.module(id.value) { out.append(module) }
            }
        }
        return out
    }

    private func sessionRows(_ schedule: TrackSchedule, week: Int, calendar: WeekCalendar?) -> [[String: Any]] {
        schedule.sessions(week: week).map { session in
            var row: [String: Any] = ["title": session.title]
            if let day = session.day {
                if let calendar {
                    let date = calendar.date(of: day)
                    row["when"] = WeekCalendar.label(date)
                    if let holiday = calendar.holiday(on: date) { row["holiday"] = holiday.name }
                } else {
                    row["when"] = day.name
                }
            } else {
                row["when"] = "A time you set with your counselor"
            }
            if let start = session.start, let end = session.end { row["time"] = "\(start.spoken) to \(end.spoken)" }
            row["topics"] = session.modules.compactMap { curriculum.module($0.value)?.title?.value }
            return row
        }
    }

    /// Labels for the rows of the between-session logs: dates when known, else weekdays.
    private func dayLabels(calendar: WeekCalendar?) -> [[String: Any]] {
        if let calendar {
            return (0..<7).map { offset in
                let date = calendar.start.adding(days: offset)
                return ["label": "\(Weekday(rawValue: date.weekdayIndex)!.short) \(date.month)/\(date.day)"]
            }
        }
        return Weekday.allCases.map { ["label": $0.short] }
    }

    public func packet(track: Track, week: Int, start: CalendarDate?) -> String {
        let schedule = TrackSchedule.resolve(track, in: program)
        let calendar = start.map { WeekCalendar(start: $0, holidays: program.holidays) }
        let modules = modules(of: schedule, week: week)
        let participant = ModuleRenderer(audience: .participant, links: documents.links, depth: 2)
        let handouts: [[String: Any]] = modules.map { module in
            let words = documents.wordsToKnow(module)
            return [
                "title": module.title?.value ?? "",
                "topicTitle": documents.topicTitle(module),
                "outcomes": module.outcomes.map(\.value),
                "hasWordsToKnow": !words.isEmpty,
                "wordsToKnow": words,
                "hasHomework": module.section("homework") != nil,
                "body": participant.body(module, excluding: ["homework"], headingLevel: 3),
            ]
        }
        let homework: [[String: Any]] = modules.filter { $0.section("homework") != nil }.map { module in
            ["title": module.title?.value ?? "", "body": participant.body(module, only: ["homework"], headingLevel: 3)]
        }
        let title = "\(track.name), week \(week)"
        let data: [String: Any] = weekHeader(track: track, week: week, start: start).merging([
            "hasDates": start != nil,
            "sessions": sessionRows(schedule, week: week, calendar: calendar),
            "handouts": handouts,
            "hasHomework": !homework.isEmpty,
            "homework": homework,
            "days": dayLabels(calendar: calendar),
            "helpLines": curriculum.schema.helpLines.map { ["name": $0.name, "number": $0.number, "how": $0.how] as [String: Any] },
        ]) { first, _ in first }
        return documents.templates.page("packet", data: data,
                                        page: documents.pageData(title: title, kind: "packet", kindLabel: "\(track.name) · week \(week)", language: "en", depth: 2))
    }

    /// The facilitator's plan of the week: each session's segments with clock times, the
    /// modules and what to bring.
    public func sessionPlan(track: Track, week: Int, start: CalendarDate?) -> String {
        let schedule = TrackSchedule.resolve(track, in: program)
        let calendar = start.map { WeekCalendar(start: $0, holidays: program.holidays) }
        var rows = sessionRows(schedule, week: week, calendar: calendar)
        for (index, session) in schedule.sessions(week: week).enumerated() {
            rows[index]["segments"] = session.segments.map { segment -> [String: Any] in
                let module = segment.module.flatMap { curriculum.module($0.value) }
                return [
                    "time": segment.start?.spoken ?? "",
                    "title": segment.segment.title,
                    "minutes": segment.segment.minutes,
                    "module": module?.title?.value ?? (segment.segment.group != nil ? "Open group" : ""),
                    "moduleID": module?.id?.value ?? "",
                    "hasModule": module != nil,
                    "materials": module?.materials.map(\.value).joined(separator: ", ") ?? "",
                ]
            }
        }
        var data = weekHeader(track: track, week: week, start: start)
        data["sessions"] = rows
        return documents.templates.page("session-plan", data: data,
                                        page: documents.pageData(title: "Session plan: \(track.name), week \(week)", kind: "plan",
                                                                 kindLabel: "Facilitator session plan", language: "en", depth: 2))
    }
}
