/// The program: its length, enrollment, tracks with their meetings, the session agendas, and
/// which modules fill which segments week by week. Read from `program.yaml`.
public struct Program: Sendable {
    /// The name a program without `name:` goes by.
    public static let defaultName = "Intensive Outpatient Program"

    public let file: SourceFile
    public var name: String = Program.defaultName
    /// The name in other languages, by tag (`name: {en: ..., es: ...}`).
    public var names: [String: String] = [:]

    /// The name in `language` (the default name when program.yaml gives none for it).
    public func name(in language: String) -> String { LocalizedValue.pick(names, language) ?? name }
    public var weeks: Located<Int>?
    public var enrollment: Enrollment = .cohort
    public var enrollmentRange: SourceRange = .at(line: 1)
    /// Under rolling admission, how many weeks a person attends at least.
    public var minimumStay: Located<Int>?
    /// The Monday that began a week 1 of the cycle (`cycle-start`); the weeks repeat from it,
    /// backwards and forwards, so every date falls in one week of the program.
    public var cycleStart: Located<CalendarDate>?
    public var holidays: [Holiday] = []
    public var agendas: [Agenda] = []
    public var tracks: [Track] = []
    /// The columns of the sign-in sheets (`sign-in: {columns: [...]}`): initials, not full
    /// names, by default.
    public var signInColumns: [String] = Program.defaultSignInColumns

    public static let defaultSignInColumns = ["Initials", "Time in", "Time out", "Signature"]

    public init(file: SourceFile) {
        self.file = file
    }

    public var weekCount: Int { weeks?.value ?? 0 }

    public func agenda(_ id: String) -> Agenda? { agendas.first { $0.id == id } }
    public func track(_ id: String) -> Track? { tracks.first { $0.id == id } }
}

public enum Enrollment: String, Sendable {
    /// People join any week; the weeks repeat as a cycle.
    case rolling
    /// Everyone starts in week 1 together.
    case cohort
}

/// A day with no meetings.
public struct Holiday: Sendable {
    public let date: CalendarDate
    public let name: String
    /// The name in other languages, by tag.
    public var names: [String: String] = [:]

    /// The name in `language` (the default name when program.yaml gives none for it).
    public func name(in language: String) -> String { LocalizedValue.pick(names, language) ?? name }

    package init(date: CalendarDate, name: String) {
        self.date = date
        self.name = name
    }
}

/// The timed parts of a group session, in order.
public struct Agenda: Sendable {
    public let id: String
    public let segments: [Segment]
    public let range: SourceRange

    package init(id: String, segments: [Segment], range: SourceRange) {
        self.id = id
        self.segments = segments
        self.range = range
    }

    public var totalMinutes: Int { segments.reduce(0) { $0 + $1.minutes } }
}

/// One part of a session (check-in, support group, break, ...). A segment with a group format
/// is filled by a module of that format.
public struct Segment: Sendable {
    public let title: String
    /// The title in other languages, by tag.
    public var titles: [String: String] = [:]

    /// The title in `language` (the default title when program.yaml gives none for it).
    public func title(in language: String) -> String { LocalizedValue.pick(titles, language) ?? title }
    public let minutes: Int
    /// The group format whose modules fill this segment, if any.
    public let group: String?
    public let range: SourceRange
    /// Where the group format is written, for findings about it.
    public var groupRange: SourceRange? = nil

    package init(title: String, minutes: Int, group: String?, range: SourceRange, groupRange: SourceRange? = nil) {
        self.title = title
        self.minutes = minutes
        self.group = group
        self.range = range
        self.groupRange = groupRange
    }
}

public enum Weekday: Int, Sendable, CaseIterable, Comparable {
    case monday = 0, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    public static func parse(_ text: String) -> Weekday? {
        let key = text.lowercased()
        return allCases.first { $0.name.lowercased() == key || $0.short.lowercased() == key }
    }

    public var name: String { ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][rawValue] }
    public var short: String { ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][rawValue] }
}

/// A clock time such as 17:30.
public struct TimeOfDay: Sendable, Comparable, Hashable, CustomStringConvertible {
    public let minutes: Int

    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0...23).contains(h), (0...59).contains(m) else { return nil }
        minutes = h * 60 + m
    }

    public init(minutes: Int) { self.minutes = minutes }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    public func adding(_ m: Int) -> TimeOfDay { TimeOfDay(minutes: minutes + m) }

    /// 24-hour form, as the program file writes it: 17:30.
    public var description: String {
        let h = (minutes / 60) % 24, m = minutes % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    /// 12-hour form for handouts: 5:30 PM.
    public var spoken: String {
        let h = (minutes / 60) % 24, m = minutes % 60
        let hour12 = h % 12 == 0 ? 12 : h % 12
        return "\(hour12):\(m < 10 ? "0" : "")\(m) \(h < 12 ? "AM" : "PM")"
    }
}

/// Group sessions on some weekdays at one time, following one agenda.
public struct Meeting: Sendable {
    public let days: [Weekday]
    public let start: TimeOfDay
    public let end: TimeOfDay
    public let agenda: String
    public let range: SourceRange
    /// Where `time:` is written, for findings about the meeting's hours.
    public let timeRange: SourceRange

    package init(days: [Weekday], start: TimeOfDay, end: TimeOfDay, agenda: String, range: SourceRange, timeRange: SourceRange? = nil) {
        self.days = days
        self.start = start
        self.end = end
        self.agenda = agenda
        self.range = range
        self.timeRange = timeRange ?? range
    }

    public var minutes: Int { end.minutes - start.minutes }
}

/// A session outside the group meetings that counts toward weekly hours: a family session
/// (filled by family modules) or individual counseling.
public struct OtherSession: Sendable {
    public let title: String
    /// The title in other languages, by tag.
    public var titles: [String: String] = [:]
    public let minutesPerWeek: Int
    /// The group format whose modules fill it (family), if any.
    public let group: String?
    public let day: Weekday?
    public let start: TimeOfDay?
    public let range: SourceRange

    package init(title: String, minutesPerWeek: Int, group: String?, day: Weekday?, start: TimeOfDay?, range: SourceRange) {
        self.title = title
        self.minutesPerWeek = minutesPerWeek
        self.group = group
        self.day = day
        self.start = start
        self.range = range
    }
}

/// A track: a group of people meeting on fixed days (evening, morning), with its own plan.
public struct Track: Sendable {
    public let id: String
    public let name: String
    /// The name in other languages, by tag.
    public var names: [String: String] = [:]

    /// The name in `language` (the default name when program.yaml gives none for it).
    public func name(in language: String) -> String { LocalizedValue.pick(names, language) ?? name }
    public let meetings: [Meeting]
    public let otherSessions: [OtherSession]
    /// Per group format, the modules that fill its segments in turn (`open` for none).
    public let rotation: [String: [Located<String>]]
    /// Explicit choices: week -> weekday -> group format -> module id.
    public let plan: [Int: [Weekday: [String: Located<String>]]]
    public let range: SourceRange
    /// True when reading the track from program.yaml found a mistake (reported at its line):
    /// the checks of its whole week (hours, sessions, coverage, order) wait until it is fixed,
    /// so a mistake in a meeting or a rotation is one finding, not one per objective.
    public let hasFileErrors: Bool

    package init(id: String, name: String, meetings: [Meeting], otherSessions: [OtherSession], rotation: [String: [Located<String>]], plan: [Int: [Weekday: [String: Located<String>]]], range: SourceRange,
                 hasFileErrors: Bool = false) {
        self.id = id
        self.name = name
        self.meetings = meetings
        self.otherSessions = otherSessions
        self.rotation = rotation
        self.plan = plan
        self.range = range
        self.hasFileErrors = hasFileErrors
    }

    /// Group sessions per week, in weekday order.
    public var sessionDays: [(Weekday, Meeting)] {
        meetings.flatMap { meeting in meeting.days.map { ($0, meeting) } }.sorted { $0.0 < $1.0 }
    }
}
