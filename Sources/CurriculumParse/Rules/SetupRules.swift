/// Rules about the curriculum folder and its schema: when these fail the setup cannot be used
/// and the command exits with 2.
public enum SetupRules {
    public static let folder = RuleDescriptor("setup.folder", .error, "The curriculum folder (or a file given) cannot be read or holds no schema.yaml.", setup: true)
    public static let schemaSyntax = RuleDescriptor("schema.yaml-syntax", .error, "schema.yaml is not valid YAML.", setup: true)
    public static let schemaInvalid = RuleDescriptor("schema.invalid", .error, "A field of schema.yaml is missing, of the wrong type or has a value that cannot be used.", setup: true)
    public static let schemaUnknownRule = RuleDescriptor("schema.unknown-rule", .warning, "schema.yaml sets the severity of a rule that does not exist.", setup: true)
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

    public static let all = [folder, schemaSyntax, schemaInvalid, schemaUnknownRule, schemaUnknownKey]
}
