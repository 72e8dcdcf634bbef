extension LanguageRules {
    public static let invalid = RuleDescriptor("language.invalid", .error,
        "A language pack cannot be read: YAML syntax, an unknown field, a value of the wrong kind, or a label that drops a {placeholder}.",
        explanation: """
        A language pack is a YAML file in curriculum/languages/ named after its language tag (es.yaml). It has \
        'language:' (the tag, the same as the file name), 'sections:' (for each reserved section, the headings \
        that name it in the language), 'labels:' (every label the templates print), 'dates:' (12 month names, \
        7 weekday names and 7 short ones from Monday, the 'long' and 'short' date formats, and 'clock: 12h' or \
        '24h') and optionally 'person-first:' (terms to avoid and names whose words are fine, as in schema.yaml).

        A label's {placeholders} (such as {emergency-number} or {page}) are filled in when documents are \
        printed; a translation must keep each one the English label has, or the value would be lost.

        Wrong:
            labels:
              expect-help: Si está en peligro, llame ahora.
        Fixed:
            labels:
              expect-help: Si está en peligro, llame al {emergency-number}.
        """)
}
