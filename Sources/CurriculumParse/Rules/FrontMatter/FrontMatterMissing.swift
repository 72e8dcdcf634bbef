extension FrontMatterRules {
    public static let missing = RuleDescriptor("front-matter.missing", .error, "The module does not start with front matter between --- lines.",
        explanation: """
        Every module starts with front matter: the fields (id, title, topic, group, objectives, outcomes, minutes, \
        reviewed) that tell the tool what the module is and where it fits in a program. The very first line of the \
        file must be --- and a second --- line ends the fields. A title, a blank line or anything else before the \
        first --- means there is no front matter, so the module cannot be placed in a program.

        Wrong:
            # Urge Surfing

            Notice where you feel the urge in your body.
        Fixed:
            ---
            id: urge-surfing
            title: Urge Surfing
            # and topic, group, objectives, outcomes, minutes, reviewed
            ---
            # Urge Surfing

        To fix it, add the front matter at the very top (`curriculum new module` writes a complete one).
        """)
}
