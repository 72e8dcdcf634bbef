extension ProgramCalendar {
    public static let noCycleStart = RuleDescriptor("setup.no-cycle-start", .error,
        "A command that works from dates (calendar, packet --date, build --from) needs cycle-start in program.yaml.", setup: true,
        explanation: """
        Under rolling admission the program's weeks repeat as a cycle, and nothing in the modules says which week of \
        the cycle a date falls in. 'cycle-start' in program.yaml anchors the cycle: the Monday that began a week 1. \
        `curriculum calendar`, `curriculum packet --date` and `curriculum build --from` count from it (backwards \
        too), and stop with this finding (exit 2) when the program has none.

        Wrong (no anchor):
            weeks: 12
            enrollment: rolling
        Fixed:
            weeks: 12
            enrollment: rolling
            cycle-start: 2027-01-04    # the Monday that began a week 1

        To fix it, add 'cycle-start:' with the Monday of a week the program ran (or will run) as week 1; any such \
        Monday works, as the weeks repeat.
        """)
}
