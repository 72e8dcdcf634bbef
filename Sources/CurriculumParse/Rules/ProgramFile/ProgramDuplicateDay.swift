extension ProgramFileRules {
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
}
