/// Rules about the form of `program.yaml`: valid YAML, fields present and of the right kind.
public enum ProgramFileRules {
    public static let yamlSyntax = RuleDescriptor("program.yaml-syntax", .error, "program.yaml is not valid YAML.")
    public static let invalid = RuleDescriptor("program.invalid", .error, "A field of program.yaml is missing, of the wrong kind, or has a value that cannot be used.")

    public static let unknownKey = RuleDescriptor("program.unknown-key", .error, "program.yaml has a field the program does not know (often a misspelt one).",
        explanation: """
        A field name program.yaml does not know is not ignored: a misspelt 'rotation' would leave a track without \
        modules, and a misspelt 'holidays' would print sessions on days the clinic is closed. Every field of the \
        program, of a holiday, an agenda, a segment, a track, a meeting and another session is checked against the \
        fields docs/program.md lists. A close match is suggested, and the rest of the check reads the field as that \
        match, so one typo gives one finding and not the findings of a missing field.

        Wrong:
            tracks:
              - id: evening
                rotaton:
                  support: [orientation, open]
        Fixed:
            tracks:
              - id: evening
                rotation:
                  support: [orientation, open]

        To fix it, correct the spelling as suggested, or remove the field (YAML comments start with #).
        """)

    public static let duplicateDay = RuleDescriptor("program.duplicate-day", .error, "A meeting lists the same day twice.",
        explanation: """
        Each day in a meeting's 'days' is one group session a week. A day listed twice would count two sessions \
        on that day toward the week's sessions and hours and print two sessions at the same time on the packet's \
        cover. The finding points at the second time the day is written; the day is counted once.

        Wrong:
            meetings:
              - {days: [Mon, Wed, Fri, Fri], time: 17:30-20:30, agenda: three-hour}
        Fixed:
            meetings:
              - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour}

        To fix it, list each meeting day once. A track that meets twice on one day needs a second meeting with \
        its own time.
        """)

    public static let planDay = RuleDescriptor("program.plan-day", .error, "A week plan names a day the track does not meet.",
        explanation: """
        A track's 'weeks' plan chooses the module of a session: week, then the day of that session, then the group \
        format. A day on which the track has no meeting (and no other session with that day) has no session to \
        fill, so the choice would be silently lost. Often the day is one off (Tue for Wed) or belongs to the \
        other track.

        Wrong (the evening track meets Mon, Wed and Fri):
            weeks:
              7:
                Sun: {psychoeducation: brain-and-reward}
        Fixed:
            weeks:
              7:
                Fri: {psychoeducation: brain-and-reward}

        To fix it, name one of the track's meeting days, or move the entry to the track that meets that day.
        """)

    public static let cycleStart = RuleDescriptor("program.cycle-start", .error, "cycle-start is not a Monday.",
        explanation: """
        'cycle-start' anchors the program's weeks to the calendar: it is the Monday that began a week 1, and the \
        cycle repeats every 'weeks' weeks from it, backwards and forwards. `curriculum calendar`, `packet --date` \
        and `build --from` count weeks from Monday to Sunday, so the anchor must be a Monday. The finding names the \
        Mondays before and after the date written.

        Wrong (2027-01-06 is a Wednesday):
            cycle-start: 2027-01-06
        Fixed:
            cycle-start: 2027-01-04

        To fix it, write the Monday of the week that was (or will be) week 1 of the cycle.
        """)

    public static let all = [yamlSyntax, invalid, unknownKey, duplicateDay, planDay, cycleStart]
}
