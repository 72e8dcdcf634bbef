extension FrontMatterRules {
    public static let invalidDate = RuleDescriptor("front-matter.invalid-date", .error, "A date is not a real day written YYYY-MM-DD.",
        explanation: """
        Dates in the front matter ('reviewed') are written year-month-day, YYYY-MM-DD, and must be a real day of the \
        calendar. Other forms such as 11/01/2026 are read differently in different countries, so they are not \
        guessed at; a day that does not exist (2026-02-30) is a typing mistake.

        Wrong:
            reviewed: 11/01/2026
        Fixed:
            reviewed: 2026-11-01

        To fix it, write the date of the last clinical review as YYYY-MM-DD.
        """)
}
