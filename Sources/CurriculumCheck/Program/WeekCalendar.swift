/// The dates of a track's week when the counselor gives its first day (`--start`): each
/// meeting day in the seven days from the start, with the program's holidays marked.
public struct WeekCalendar: Sendable {
    public let start: CalendarDate
    public let holidays: [Holiday]

    public init(start: CalendarDate, holidays: [Holiday]) {
        self.start = start
        self.holidays = holidays
    }

    /// The date of `day` within the seven days from `start`.
    public func date(of day: Weekday) -> CalendarDate {
        let offset = (day.rawValue - start.weekdayIndex + 7) % 7
        return start.adding(days: offset)
    }

    public func holiday(on date: CalendarDate) -> Holiday? {
        holidays.first { $0.date == date }
    }

    /// "Tuesday, December 8, 2026": the year too, so a packet kept in a file says which week it was.
    public static func label(_ date: CalendarDate) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let weekday = Weekday(rawValue: date.weekdayIndex)!.name
        return "\(weekday), \(months[date.month - 1]) \(date.day), \(date.year)"
    }
}
