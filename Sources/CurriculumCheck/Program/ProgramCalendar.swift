/// The program's weeks on the calendar. `cycle-start` in program.yaml is the Monday that began
/// a week 1; the cycle repeats every `weeks` weeks from it, backwards and forwards, so every
/// date falls in one week of the cycle (a Monday-to-Sunday week).
public struct ProgramCalendar: Sendable {
    // `noCycleStart`, the finding of a command that needs cycle-start, is in Checking/Rules/Program/.
    public let program: Program
    /// The Monday that began a week 1.
    public let cycleStart: CalendarDate

    /// nil when the program has no `cycle-start` (or no weeks).
    public init?(program: Program) {
        guard let start = program.cycleStart?.value, program.weekCount > 0 else { return nil }
        self.program = program
        self.cycleStart = start
    }

    /// The Monday of the week that holds `date`.
    public static func monday(of date: CalendarDate) -> CalendarDate {
        date.adding(days: -date.weekdayIndex)
    }

    /// The week of the cycle (1 to `weeks`) that holds `date`, before the anchor too.
    public func cycleWeek(of date: CalendarDate) -> Int {
        let days = Self.monday(of: date).daysSinceEpoch - cycleStart.daysSinceEpoch
        let weeks = days / 7  // a whole number of weeks: both are Mondays
        let count = program.weekCount
        return ((weeks % count) + count) % count + 1
    }

    /// The finding of a dated command run on a program without `cycle-start`, with an example
    /// Monday (the one of `today`'s week).
    public static func missingCycleStart(_ program: Program, today: CalendarDate) -> Diagnostic {
        let example = monday(of: today)
        return noCycleStart.diagnostic(program.file.path, .at(line: 1),
            "program.yaml has no cycle-start, so a date cannot be matched to a week of the \(program.weekCount)-week cycle",
            fix: Fix(summary: "add the Monday that began a week 1 of the cycle, for example 'cycle-start: \(example)' (docs/program.md, \"The cycle and the calendar\")"))
    }

    /// The weeks from the one that holds `from`, `count` of them, with the sessions of `tracks`
    /// in date and time order.
    public func weeks(from: CalendarDate, count: Int, tracks: [Track]) -> [CalendarWeek] {
        let schedules = tracks.map { TrackSchedule.resolve($0, in: program) }
        let first = Self.monday(of: from)
        return (0..<max(count, 0)).map { index in
            let monday = first.adding(days: 7 * index)
            let week = cycleWeek(of: monday)
            var sessions: [CalendarSession] = []
            for (order, schedule) in schedules.enumerated() {
                for session in schedule.sessions(week: week) {
                    guard let day = session.day else { continue }  // no fixed day: not on the calendar
                    let date = monday.adding(days: day.rawValue)
                    let kind = session.isGroupSession ? "group" : (session.segments.first?.segment.group ?? "session")
                    sessions.append(CalendarSession(date: date, start: session.start, end: session.end, track: schedule.track.id,
                                                    trackOrder: order, title: session.title, kind: kind,
                                                    modules: session.modules.map(\.value),
                                                    cancelled: program.holidays.first { $0.date == date }?.name))
                }
            }
            sessions.sort { ($0.date, $0.start?.minutes ?? 0, $0.trackOrder) < ($1.date, $1.start?.minutes ?? 0, $1.trackOrder) }
            return CalendarWeek(monday: monday, cycleWeek: week, sessions: sessions)
        }
    }
}

/// One Monday-to-Sunday week of the calendar.
public struct CalendarWeek: Sendable {
    public let monday: CalendarDate
    /// The week of the cycle, from 1.
    public let cycleWeek: Int
    public let sessions: [CalendarSession]
}

/// One session on a date: a track's group session or another session with a fixed day.
public struct CalendarSession: Sendable {
    public let date: CalendarDate
    public let start: TimeOfDay?
    public let end: TimeOfDay?
    /// The track's id.
    public let track: String
    let trackOrder: Int
    public let title: String
    /// `group` for a group session, else the group format of the other session (`family`) or `session`.
    public let kind: String
    /// The ids of the modules it has (or would have, when cancelled).
    public let modules: [String]
    /// The holiday that cancels it.
    public let cancelled: String?
}
