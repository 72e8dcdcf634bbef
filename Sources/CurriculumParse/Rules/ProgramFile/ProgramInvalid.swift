extension ProgramFileRules {
    public static let invalid = RuleDescriptor("program.invalid", .error, "A field of program.yaml is missing, of the wrong kind, or has a value that cannot be used.",
        explanation: """
        Each field of program.yaml must be present when required and of the right kind. Reported, among others: a \
        missing name, weeks, enrollment, agendas or tracks; weeks outside 1 to 52; enrollment other than rolling or \
        cohort; a minimum-stay missing under rolling admission or longer than the program; a day that is not Mon \
        to Sun; a time that is not a 24-hour range with the end after the start; a segment without positive \
        minutes; a week plan outside the program's weeks.

        Wrong:
            meetings:
              - days: [Mon, Wed, Fir]
                time: 5:30pm-8:30pm
        Fixed:
            meetings:
              - days: [Mon, Wed, Fri]
                time: 17:30-20:30

        To fix it, write the value as the finding suggests (docs/program.md describes every field).
        """)
}
