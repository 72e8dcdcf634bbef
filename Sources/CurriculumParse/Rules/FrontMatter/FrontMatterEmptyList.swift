extension FrontMatterRules {
    public static let emptyList = RuleDescriptor("front-matter.empty-list", .error, "A list that needs at least one entry (objectives, outcomes) is empty.",
        explanation: """
        The objectives and outcomes lists need at least one entry: a module with no objective counts toward no \
        part of the program, and a module with no outcome gives the facilitator nothing to observe at the end of \
        the session.

        Wrong:
            outcomes: []
        Fixed:
            outcomes: [Practice urge surfing for five minutes]

        To fix it, list at least one entry. Outcomes start with a verb a facilitator can observe (see `curriculum \
        explain outcomes.measurable-verb`).
        """)
}
