extension SetupRules {
    public static let schemaUnknownRule = RuleDescriptor("schema.unknown-rule", .warning, "schema.yaml sets the severity of a rule that does not exist.", setup: true,
        explanation: """
        The 'rules:' section of schema.yaml sets the severity of rules by id. An id that is not a rule is usually a \
        typo, and the severity meant for the real rule is not applied. The setting is ignored and the finding \
        suggests the closest rule id (`curriculum rules` lists them all).

        Wrong:
            rules:
              front-matter.unknown-feild: warning
        Fixed:
            rules:
              front-matter.unknown-field: warning

        To fix it, correct the id, or remove the line if the rule no longer exists.
        """)
}
