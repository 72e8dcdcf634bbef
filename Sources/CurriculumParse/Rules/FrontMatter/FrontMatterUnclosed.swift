extension FrontMatterRules {
    public static let unclosed = RuleDescriptor("front-matter.unclosed", .error, "The front matter's opening --- has no closing --- line.",
        explanation: """
        The front matter starts with a --- line on line 1 and ends at the next line that is --- (or ...). When there \
        is no such line, the whole file would be read as front matter, so nothing in the module is checked.

        Wrong:
            ---
            id: urge-surfing
            title: Urge Surfing

            # Urge Surfing
        Fixed:
            ---
            id: urge-surfing
            title: Urge Surfing
            ---

            # Urge Surfing

        To fix it, add a line with only --- after the last field, before the module's text.
        """)
}
