extension FrontMatterRules {
    public static let notMapping = RuleDescriptor("front-matter.not-fields", .error, "The front matter is not a list of 'name: value' fields.",
        explanation: """
        The front matter must be a set of fields, one per line, each written 'name: value'. This finding means the \
        text between the --- lines is something else: a plain sentence, a list of '- ' items, or nothing at all.

        Wrong:
            ---
            Urge Surfing, a coping skill for cravings
            ---
        Fixed:
            ---
            id: urge-surfing
            title: Urge Surfing
            # and the other required fields
            ---

        To fix it, write each field on its own line as 'name: value' (docs/modules.md lists the fields), or start \
        the module with `curriculum new module`.
        """)
}
