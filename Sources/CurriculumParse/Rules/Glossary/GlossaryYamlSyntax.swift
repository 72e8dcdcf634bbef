extension GlossaryLoader {
    public static let syntax = RuleDescriptor("glossary.yaml-syntax", .error, "glossary.yaml is not valid YAML or not UTF-8 text.", setup: true,
        explanation: """
        The glossary (curriculum/glossary.yaml) lists words a handout must use, such as medication names, with plain \
        definitions. Handouts print the definitions in a "Words to know" box, and the reading-grade check counts these \
        words as ordinary words. When the file is not valid YAML nothing in it can be used, so the check stops with exit \
        status 2 and points at the line and column where the YAML went wrong.

        Example: a definition that contains ': ' must be quoted:
            - term: dopamine
              definition: "A chemical messenger: part of the brain's reward system."
        """)
}
