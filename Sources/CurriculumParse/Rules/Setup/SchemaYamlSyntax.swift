extension SetupRules {
    public static let schemaSyntax = RuleDescriptor("schema.yaml-syntax", .error, "schema.yaml is not valid YAML.", setup: true,
        explanation: """
        schema.yaml declares the objectives, topics, group formats and settings every module is checked against. \
        When it is not valid YAML (or not UTF-8 text), nothing can be checked, so the command stops with exit status \
        2. The finding points at the line and column where reading failed: often a tab used to indent, a quote \
        never closed, or ': ' inside an unquoted value.

        Wrong:
            objectives:
              - id: coping
                title: Coping: healthy ways through stress
        Fixed:
            objectives:
              - id: coping
                title: "Coping: healthy ways through stress"

        To fix it, mend the line the finding names; indent with spaces and quote values that contain ': '.
        """)
}
