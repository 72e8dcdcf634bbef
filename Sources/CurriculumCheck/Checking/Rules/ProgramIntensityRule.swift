/// IOP intensity: weekly hours, group sessions per week, session length, and agendas that add
/// up to the session they fill. Limits come from the schema's `program-limits`.
public struct ProgramIntensityRule: CurriculumRule {
    public static let hours = RuleDescriptor("program.hours-per-week", .error, "A track's weekly contact hours (group, family and individual sessions) are outside the IOP range (9-20 by default).",
        explanation: """
        An intensive outpatient track is defined in part by how many hours a week people attend. The limits are \
        'program-limits: hours-per-week' in schema.yaml (9 to 20 by default), so a clinic sets them to the rules it \
        works under. Counted for each track: every group meeting, plus the 'other-sessions' (family sessions, \
        individual counseling).

        Wrong (4-hour sessions five days a week, plus 2 hours: 22 hours):
            meetings:
              - {days: [Mon, Tue, Wed, Thu, Fri], time: 09:00-13:00, agenda: four-hour}
            other-sessions:
              - {title: Family session, group: family, day: Sat, time: 12:30-13:30}
              - {title: Individual counseling, minutes: 60}
        Fixed (four days: 18 hours):
            meetings:
              - {days: [Mon, Tue, Thu, Fri], time: 09:00-13:00, agenda: four-hour}

        To fix it, change the track's meeting days or times, or its other sessions. The finding shows each part of \
        the sum.
        """)
    public static let sessions = RuleDescriptor("program.sessions-per-week", .error, "A track has too few or too many group sessions a week (3-5 by default).",
        explanation: """
        Intensive outpatient care meets several times a week. The number of group session days a track meets is \
        held to 'program-limits: sessions-per-week' in schema.yaml (3 to 5 by default). Only the days in \
        'meetings' count; family and individual sessions do not.

        Wrong:
            meetings:
              - {days: [Mon, Wed], time: 17:30-20:30, agenda: three-hour}
        Fixed:
            meetings:
              - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour}

        To fix it, add or remove meeting days under the track's 'meetings', or change the limit in schema.yaml if \
        your clinic works under another one.
        """)
    public static let length = RuleDescriptor("program.session-length", .error, "A group session is shorter or longer than IOP sessions run (3-4 hours by default).",
        explanation: """
        Each group session's length, from its 'time' range, is held to 'program-limits: session-hours' in \
        schema.yaml (3 to 4 hours by default), the way the clinic runs its sessions.

        Wrong:
            - {days: [Mon, Wed, Fri], time: 18:00-20:00, agenda: three-hour}
        Fixed:
            - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour}

        To fix it, set 'time:' to a span within the limits (24-hour clock), or change the limit in schema.yaml.
        """)
    public static let agendaSum = RuleDescriptor("program.agenda-sum", .error, "A session's agenda minutes do not add up to the session's length.",
        explanation: """
        An agenda lists the timed parts of a session, and its segment minutes must add up to the length of every \
        meeting that uses it, so the session plan's clock times end when the session does. The finding is on the \
        agenda, shows the sum, and says how many minutes to add or remove.

        Wrong (175 minutes, for a 17:30-20:30 meeting of 180):
            - id: three-hour
              segments:
                - {title: Check-in, minutes: 15}
                - {title: Psychoeducation group, minutes: 45, group: psychoeducation}
                - {title: Break, minutes: 10}
                - {title: Skill-building group, minutes: 50, group: skill-building}
                - {title: Support group, minutes: 45, group: support}
                - {title: Wrap-up, minutes: 10}
        Fixed:
                - {title: Wrap-up, minutes: 15}

        To fix it, change segment minutes, or the meeting's time, so they agree.
        """)
    public static let unknownAgenda = RuleDescriptor("program.unknown-agenda", .error, "A meeting names an agenda that program.yaml does not define.",
        explanation: """
        Each meeting of a track names the agenda that runs it, by the agenda's id under 'agendas:' in program.yaml. \
        An id that no agenda has is usually a typo, and the sessions could not be planned. The finding suggests the \
        closest agenda id.

        Wrong:
            - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hours}
        Fixed:
            - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour}

        To fix it, use the id of an agenda defined in program.yaml, or define the agenda.
        """)
    public static let descriptors = [hours, sessions, length, agendaSum, unknownAgenda]

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let program = context.curriculum.program else { return [] }
        let limits = context.schema.programLimits
        let path = program.file.path
        var out: [Diagnostic] = []
        func hoursText(_ minutes: Int) -> String {
            minutes % 60 == 0 ? "\(minutes / 60)" : String(format2(Double(minutes) / 60))
        }
        for track in program.tracks {
            let groupSessions = track.sessionDays.count
            // A meeting left out for a mistake in the file would count as a missing session.
            if !track.hasFileErrors, !limits.sessionsPerWeek.contains(groupSessions) {
                out.append(Self.sessions.diagnostic(path, track.range,
                    "the \(track.name) meets for \(groupSessions) group session\(groupSessions == 1 ? "" : "s") a week; an IOP runs \(limits.sessionsPerWeek.lowerBound) to \(limits.sessionsPerWeek.upperBound)",
                    fix: Fix(summary: "add or remove meeting days under this track's 'meetings'")))
            }
            let minutes = track.sessionDays.reduce(0) { $0 + $1.1.minutes } + track.otherSessions.reduce(0) { $0 + $1.minutesPerWeek }
            let range = limits.hoursPerWeek
            if !track.hasFileErrors, minutes < range.lowerBound * 60 || minutes > range.upperBound * 60 {
                let parts = track.sessionDays.map { "\($0.0.short) \(hoursText($0.1.minutes))h" } + track.otherSessions.map { "\($0.title) \(hoursText($0.minutesPerWeek))h" }
                out.append(Self.hours.diagnostic(path, track.range,
                    "the \(track.name) adds up to \(hoursText(minutes)) hours a week (\(parts.joined(separator: " + "))); an IOP runs \(range.lowerBound) to \(range.upperBound)",
                    fix: Fix(summary: "change the meeting times, days or other sessions so the week has \(range.lowerBound) to \(range.upperBound) hours")))
            }
            for meeting in track.meetings {
                let allowed = limits.sessionHours
                if meeting.minutes < allowed.lowerBound * 60 || meeting.minutes > allowed.upperBound * 60 {
                    out.append(Self.length.diagnostic(path, meeting.range,
                        "these group sessions last \(hoursText(meeting.minutes)) hours; IOP group sessions run \(allowed.lowerBound) to \(allowed.upperBound) hours",
                        fix: Fix(summary: "set 'time:' to a \(allowed.lowerBound)-\(allowed.upperBound) hour span, such as 17:30-20:30")))
                }
                guard let agenda = program.agenda(meeting.agenda) else {
                    let suggestion = closestMatch(to: meeting.agenda, in: program.agendas.map(\.id))
                    out.append(Self.unknownAgenda.diagnostic(path, meeting.range, "there is no agenda '\(meeting.agenda)' in program.yaml",
                        fix: Fix(summary: suggestion.map { "did you mean '\($0)'?" } ?? "define it under 'agendas:' or use one of: \(program.agendas.map(\.id).joined(separator: ", "))")))
                    continue
                }
                if agenda.totalMinutes != meeting.minutes {
                    let parts = agenda.segments.map { "\($0.title) \($0.minutes)" }.joined(separator: " + ")
                    out.append(Self.agendaSum.diagnostic(path, agenda.range,
                        "the agenda '\(agenda.id)' adds up to \(agenda.totalMinutes) minutes (\(parts)), but the \(track.name) sessions it fills last \(meeting.minutes) (\(meeting.start)-\(meeting.end))",
                        fix: Fix(summary: "change segment minutes by \(meeting.minutes - agenda.totalMinutes) so they add up to \(meeting.minutes)")))
                }
            }
        }
        // One finding per agenda is enough even when several tracks share it.
        var seen = Set<String>()
        return out.filter { $0.rule != Self.agendaSum.id || seen.insert("\($0.range.start)").inserted }
    }
}

/// A number with at most one decimal (9.5).
func format2(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
}
