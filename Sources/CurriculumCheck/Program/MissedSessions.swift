/// The sessions a person missed, as `curriculum makeup --missed WEEK:DAY[,WEEK:DAY...]` names
/// them (`4:Wed,5:mon`: the day as program.yaml writes it, any letter case), checked against the
/// track: a week of the program and a day the track's group sessions meet.
public struct MissedSession: Sendable, Hashable, CustomStringConvertible {
    public let week: Int
    public let day: Weekday

    public init(week: Int, day: Weekday) {
        self.week = week
        self.day = day
    }

    public var description: String { "\(week):\(day.short)" }

    /// Reads `text` for `track`; a message that says what is valid when it cannot be used.
    public static func parse(_ text: String, track: Track, program: Program) -> Result<[MissedSession], UsageProblem> {
        let days = meetingDays(track)
        let dayList = days.map(\.short).joined(separator: ", ")
        let weekCount = max(program.weekCount, 1)
        var out: [MissedSession] = []
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
        guard !items.isEmpty, !items.contains(where: \.isEmpty) else {
            return .failure(UsageProblem("--missed lists sessions as WEEK:DAY separated by commas, such as 4:\(days.first?.short ?? "Mon")"))
        }
        for item in items {
            let parts = item.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingWhitespace() }
            guard parts.count == 2, let week = Int(parts[0]) else {
                return .failure(UsageProblem("'\(item)' is not WEEK:DAY; write the week of the program and the day, such as 4:\(days.first?.short ?? "Mon")"))
            }
            guard (1...weekCount).contains(week) else {
                return .failure(UsageProblem("week \(week) (in '\(item)') is outside the program; give a week from 1 to \(weekCount)"))
            }
            guard let day = Weekday.parse(parts[1]), days.contains(day) else {
                return .failure(UsageProblem("the \(track.name.lowercased()) has no group session on '\(parts[1])' (in '\(item)'); its days are \(dayList)"))
            }
            let session = MissedSession(week: week, day: day)
            if !out.contains(session) { out.append(session) }
        }
        return .success(out)
    }

    /// The days the track's group sessions meet, in weekday order.
    public static func meetingDays(_ track: Track) -> [Weekday] {
        var seen = Set<Weekday>()
        return track.sessionDays.map(\.0).filter { seen.insert($0).inserted }
    }
}

/// A usage mistake on the command line, with the message that says what is valid.
public struct UsageProblem: Error, Sendable, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }
}
