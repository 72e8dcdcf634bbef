/// No two sessions of a track overlap in time: two meetings on the same day, or a meeting and
/// a family session (or another session with a day and time) at the same hours.
public struct ProgramOverlapRule: CurriculumRule {
    public static let overlap = RuleDescriptor("program.overlap", .error, "Two meetings or sessions of a track overlap in time.",
        explanation: """
        A person in a track attends all of its sessions, so no two of them may take place at the same time. Two \
        meetings that share a day, or a meeting and another session (a family session with a 'day' and 'time'), \
        whose hours overlap would be printed side by side on the packet's cover and counted twice toward the \
        week's hours. The finding points at the time of the session written later in program.yaml and names the \
        one it overlaps.

        Wrong:
            meetings:
              - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour}
            other-sessions:
              - {title: Family session, group: family, day: Wed, time: 18:00-19:30}
        Fixed:
            meetings:
              - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour}
            other-sessions:
              - {title: Family session, group: family, day: Tue, time: 18:00-19:30}

        To fix it, move one of the two sessions to another day or to hours that do not overlap.
        """)
    public static let descriptors = [overlap]

    public init() {}

    /// One session of the week as the track's file writes it.
    struct Slot {
        let day: Weekday
        let start: Int
        let end: Int
        let label: String
        let range: SourceRange
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let program = context.curriculum.program else { return [] }
        var out: [Diagnostic] = []
        for track in program.tracks {
            var slots: [Slot] = []
            for meeting in track.meetings {
                for day in meeting.days {
                    slots.append(Slot(day: day, start: meeting.start.minutes, end: meeting.end.minutes,
                                      label: "the \(day.name) meeting at \(meeting.start)-\(meeting.end)", range: meeting.timeRange))
                }
            }
            for other in track.otherSessions {
                guard let day = other.day, let start = other.start else { continue }
                slots.append(Slot(day: day, start: start.minutes, end: start.minutes + other.minutesPerWeek,
                                  label: "'\(other.title)' on \(day.name) at \(start)-\(start.adding(other.minutesPerWeek))", range: other.range))
            }
            // In the order written: each session is compared with the ones before it.
            var reported = Set<String>()
            for (index, slot) in slots.enumerated() {
                guard let earlier = slots[..<index].first(where: { $0.day == slot.day && $0.start < slot.end && slot.start < $0.end }),
                      reported.insert("\(slot.range.start) \(slot.day)").inserted else { continue }
                out.append(Self.overlap.diagnostic(program.file.path, slot.range,
                    "in the \(track.name), \(slot.label) overlaps \(earlier.label)",
                    fix: Fix(summary: "move one of them to another day, or to hours that do not overlap")))
            }
        }
        return out
    }
}
