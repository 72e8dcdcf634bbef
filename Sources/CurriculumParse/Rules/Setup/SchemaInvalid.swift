extension SetupRules {
    public static let schemaInvalid = RuleDescriptor("schema.invalid", .error, "A field of schema.yaml is missing, of the wrong type or has a value that cannot be used.", setup: true,
        explanation: """
        Every field of schema.yaml is read into a setting the checks rely on, so a missing field (objectives, \
        topics, groups, help-lines), a value of the wrong kind, or a value that cannot be used stops the check with \
        exit status 2. Examples: an id that is not a slug, an id declared twice, group 'minutes' that are not two \
        numbers (shortest first), a reading grade or 'review-months' out of range, an unknown setting under \
        'content:' or 'person-first:', a severity other than error, warning or off.

        Wrong:
            groups:
              - id: support
                minutes: 30-90
        Fixed:
            groups:
              - id: support
                minutes: [30, 90]

        To fix it, write the value as the finding suggests; the sample curriculum's schema.yaml shows every field.
        """)
}
