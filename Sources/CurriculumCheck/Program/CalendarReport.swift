/// `curriculum calendar` as text, CSV or JSON: the weeks, their Mondays, their week of the
/// cycle and each session with its modules.
public struct CalendarReport: Sendable {
    public enum Format: String, Sendable, CaseIterable { case text, csv, json }

    public let program: Program
    public let weeks: [CalendarWeek]

    public init(program: Program, weeks: [CalendarWeek]) {
        self.program = program
        self.weeks = weeks
    }

    public func render(_ format: Format) -> String {
        switch format {
        case .text: return text()
        case .csv: return csv()
        case .json: return json().serialized(pretty: true) + "\n"
        }
    }

    private func trackName(_ id: String) -> String { program.track(id)?.name ?? id }

    private static func hours(_ session: CalendarSession) -> String {
        guard let start = session.start else { return "" }
        return session.end.map { "\(start)-\($0)" } ?? start.description
    }

    public func text() -> String {
        var out = "\(program.name): \(program.weekCount)-week cycle, week 1 began on \(program.cycleStart.map { WeekCalendar.label($0.value) } ?? "?")\n"
        for week in weeks {
            out += "\nWeek of \(WeekCalendar.label(week.monday)): week \(week.cycleWeek) of \(program.weekCount)\n"
            if week.sessions.isEmpty { out += "  no sessions\n" }
            for session in week.sessions {
                let day = "\(Weekday(rawValue: session.date.weekdayIndex)!.short) \(session.date)"
                var line = "  \(day)  \(Self.hours(session).padded(11)) \(trackName(session.track)), \(session.title.lowercased())"
                if let holiday = session.cancelled {
                    line += ": CANCELLED (\(holiday))" + (session.modules.isEmpty ? "" : "; would have had \(session.modules.joined(separator: ", "))")
                } else if !session.modules.isEmpty {
                    line += ": \(session.modules.joined(separator: ", "))"
                }
                out += line + "\n"
            }
        }
        return out
    }

    public func csv() -> String {
        var out = "monday,cycle_week,date,weekday,start,end,track,kind,title,modules,cancelled\n"
        for week in weeks {
            for session in week.sessions {
                let fields = [week.monday.description, String(week.cycleWeek), session.date.description, Weekday(rawValue: session.date.weekdayIndex)!.short,
                              session.start?.description ?? "", session.end?.description ?? "", session.track, session.kind, session.title,
                              session.modules.joined(separator: " "), session.cancelled ?? ""]
                out += fields.map(CoverageReport.csvField).joined(separator: ",") + "\n"
            }
        }
        return out
    }

    /// `{"weeks":[{"monday","cycleWeek","sessions":[{"date","start","end","track","kind","modules","cancelled"}]}]}`
    public func json() -> JSONValue {
        .object([("weeks", .array(weeks.map { week in
            .object([
                ("monday", .string(week.monday.description)),
                ("cycleWeek", .int(week.cycleWeek)),
                ("sessions", .array(week.sessions.map { session in
                    .object([
                        ("date", .string(session.date.description)),
                        ("start", session.start.map { .string($0.description) } ?? .null),
                        ("end", session.end.map { .string($0.description) } ?? .null),
                        ("track", .string(session.track)),
                        ("kind", .string(session.kind)),
                        ("modules", .array(session.modules.map { .string($0) })),
                        ("cancelled", session.cancelled.map { .string($0) } ?? .null),
                    ])
                })),
            ])
        }))])
    }
}
