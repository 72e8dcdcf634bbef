extension ProgramFileRules {
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
}
