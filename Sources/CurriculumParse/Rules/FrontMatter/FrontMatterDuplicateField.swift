extension FrontMatterRules {
    public static let duplicateField = RuleDescriptor("front-matter.duplicate-field", .error, "A field appears twice in the front matter.",
        explanation: """
        Each field may appear once in the front matter. When a field is written twice, only one of the values \
        could be used, and it is not clear which one the writer meant, so neither is guessed. This often happens \
        when a field is added at the bottom without noticing it is already at the top.

        Wrong:
            minutes: 50
            minutes: 45
        Fixed:
            minutes: 45

        To fix it, keep the line with the right value and delete the other.
        """)
}
