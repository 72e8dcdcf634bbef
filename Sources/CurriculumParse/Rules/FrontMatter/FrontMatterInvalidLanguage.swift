extension FrontMatterRules {
    public static let invalidLanguage = RuleDescriptor("front-matter.invalid-language", .error, "The language is not a BCP 47 tag such as en or es-US.",
        explanation: """
        The language field says which language a module is written in, so the English-only checks (reading grade, \
        person-first terms, outcome verbs) are skipped for other languages and the handout is marked with the \
        right language. It must be a BCP 47 tag: two or three letters, optionally followed by parts such as a \
        region (es, en-US, pt-BR). A language name is not a tag.

        Wrong:
            language: Spanish
        Fixed:
            language: es

        To fix it, write the tag, or leave the field out for English.
        """)
}
