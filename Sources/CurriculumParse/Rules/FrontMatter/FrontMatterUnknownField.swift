extension FrontMatterRules {
    public static let unknownField = RuleDescriptor("front-matter.unknown-field", .warning, "The front matter has a field the curriculum does not use (often a typo).",
        explanation: """
        Modules use only the fields listed in docs/modules.md. Any other field is not printed or checked, so it is \
        usually a typo of a real field, and the value the writer meant to set is missing. The finding suggests the \
        closest field name, and `curriculum check --fix` makes that change.

        Wrong:
            material: [worksheet, pens]
        Fixed:
            materials: [worksheet, pens]

        To fix it, correct the spelling, or remove the field. This rule is a warning by default; a clinic can make \
        it an error under 'rules:' in schema.yaml.
        """)
}
