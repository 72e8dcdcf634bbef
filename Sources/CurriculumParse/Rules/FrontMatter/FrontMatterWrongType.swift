extension FrontMatterRules {
    public static let wrongType = RuleDescriptor("front-matter.wrong-type", .error, "A field has a value of the wrong kind (text, number, list, date).",
        explanation: """
        Each field holds one kind of value: text (title, topic), a whole number (minutes), a list (objectives, \
        outcomes, requires, materials) or a date (reviewed). A value of another kind cannot be used; for example, \
        minutes are added up across sessions, so '50 min' is not a number. A list written as a single value \
        without brackets is reported too, and `curriculum check --fix` adds the brackets.

        Wrong:
            minutes: 50 min
            objectives: coping
        Fixed:
            minutes: 50
            objectives: [coping]

        To fix it, write the value in the kind the finding names. A list can be written [a, b], or with one item \
        per line, each after a dash.
        """)
}
