extension SetupRules {
    public static let schemaUnknownKey = RuleDescriptor("schema.unknown-key", .error, "schema.yaml has a field the schema does not know (often a misspelt one).", setup: true,
        explanation: """
        A field name schema.yaml does not know is not ignored: a misspelt 'rules' would drop every severity you set, \
        and a misspelt 'help-lines' would print handouts without them. Every field of the schema, of an objective, \
        a topic, a group format, a help line and of the 'content', 'person-first', 'program-limits', \
        'good-samaritan' and 'review' settings is checked. A close match is suggested and read in its place, so one \
        typo gives one finding; like every schema error it stops the check (exit 2) until it is fixed.

        Wrong:
            groups:
              - id: skill-building
                minutes: [30, 90]
                homwork: true
        Fixed:
            groups:
              - id: skill-building
                minutes: [30, 90]
                homework: true

        To fix it, correct the spelling as suggested, or remove the field (YAML comments start with #).
        """)
}
