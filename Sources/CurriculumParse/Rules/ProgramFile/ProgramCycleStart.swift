extension ProgramFileRules {
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
}
