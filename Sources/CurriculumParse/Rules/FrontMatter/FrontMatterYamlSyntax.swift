extension FrontMatterRules {
    public static let yamlSyntax = RuleDescriptor("front-matter.yaml-syntax", .error, "The front matter is not valid YAML.",
        explanation: """
        The front matter is YAML, and a line YAML cannot read stops the tool from reading any field. The finding \
        points at the line and column where reading failed. The most common causes are a colon followed by a space \
        inside a value, a tab used to indent, and a quote that is opened but never closed.

        Wrong:
            title: Urge Surfing: Riding Out a Craving
        Fixed:
            title: "Urge Surfing: Riding Out a Craving"

        To fix it, put quotes around a value that contains ': ' or starts with a special character (such as [, {, \
        &, *, # or a quote), and indent with spaces, never tabs.
        """)
}
