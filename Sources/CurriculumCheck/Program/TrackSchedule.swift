/// A track's program resolved week by week: every session with its clock times and the module
/// in each segment (from the explicit week plan, else the track's rotation).
public struct TrackSchedule: Sendable {
    public let track: Track
    /// `weeks[0]` is week 1.
    public let weeks: [[ScheduledSession]]

    /// Sessions of `week` (1-based) in weekday order.
    public func sessions(week: Int) -> [ScheduledSession] {
        week >= 1 && week <= weeks.count ? weeks[week - 1] : []
    }

    /// Every module placement in time order: week, then day, then segment.
    public var placements: [Placement] {
        var out: [Placement] = []
        for (index, sessions) in weeks.enumerated() {
            for session in sessions {
                for segment in session.segments {
                    if let module = segment.module {
                        out.append(Placement(week: index + 1, day: session.day, session: session.title, segment: segment.segment, module: module))
                    }
                }
            }
        }
        return out
    }

    /// Resolves the track's sessions for every week of the program.
    public static func resolve(_ track: Track, in program: Program) -> TrackSchedule {
        var counters: [String: Int] = [:]
        func next(_ group: String) -> Located<String>? {
            guard let list = track.rotation[group], !list.isEmpty else { return nil }
            let index = counters[group, default: 0]
            counters[group] = index + 1
            let choice = list[index % list.count]
            return choice.value.lowercased() == "open" ? nil : choice
        }
        var weeks: [[ScheduledSession]] = []
        for week in 1...max(program.weekCount, 1) {
            var sessions: [ScheduledSession] = []
            for (day, meeting) in track.sessionDays {
                let segments = program.agenda(meeting.agenda)?.segments ?? []
                var clock = meeting.start
                var scheduled: [ScheduledSegment] = []
                for segment in segments {
                    var module: Located<String>?
                    if let group = segment.group {
                        if let chosen = track.plan[week]?[day]?[group] {
                            module = chosen.value.lowercased() == "open" ? nil : chosen
                        } else {
                            module = next(group)
                        }
                    }
                    scheduled.append(ScheduledSegment(segment: segment, start: clock, module: module))
                    clock = clock.adding(segment.minutes)
                }
                sessions.append(ScheduledSession(day: day, title: "Group session", start: meeting.start, end: meeting.end,
                                                 minutes: meeting.minutes, isGroupSession: true, segments: scheduled))
            }
            for other in track.otherSessions {
                var segments: [ScheduledSegment] = []
                if let group = other.group {
                    let chosen = other.day.flatMap { track.plan[week]?[$0]?[group] } ?? next(group)
                    let segment = Segment(title: other.title, minutes: other.minutesPerWeek, group: group, range: other.range)
                    segments.append(ScheduledSegment(segment: segment, start: other.start, module: chosen))
                }
                sessions.append(ScheduledSession(day: other.day, title: other.title, start: other.start,
                                                 end: other.start?.adding(other.minutesPerWeek), minutes: other.minutesPerWeek,
                                                 isGroupSession: false, segments: segments))
            }
            sessions.sort { ($0.day?.rawValue ?? 7, $0.start?.minutes ?? 0) < ($1.day?.rawValue ?? 7, $1.start?.minutes ?? 0) }
            weeks.append(sessions)
        }
        return TrackSchedule(track: track, weeks: weeks)
    }
}

/// One session of a week: a group session on a meeting day, or another session (family,
/// individual) that may have no fixed day.
public struct ScheduledSession: Sendable {
    public let day: Weekday?
    public let title: String
    public let start: TimeOfDay?
    public let end: TimeOfDay?
    public let minutes: Int
    public let isGroupSession: Bool
    public let segments: [ScheduledSegment]

    public var modules: [Located<String>] { segments.compactMap(\.module) }
}

public struct ScheduledSegment: Sendable {
    public let segment: Segment
    public let start: TimeOfDay?
    /// The module id (where it was chosen in program.yaml), or nil for an open segment.
    public let module: Located<String>?
}

/// A module placed in a session.
public struct Placement: Sendable {
    public let week: Int
    public let day: Weekday?
    public let session: String
    public let segment: Segment
    public let module: Located<String>
}
