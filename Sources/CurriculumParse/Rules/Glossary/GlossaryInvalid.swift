extension GlossaryLoader {
    public static let invalid = RuleDescriptor("glossary.invalid", .error, "An entry of glossary.yaml is missing its term or definition, is of the wrong kind, or repeats a term.", setup: true,
        explanation: """
        Each entry of the glossary's 'terms:' list needs a 'term' (the word as handouts print it) and a 'definition' in \
        plain words. 'forms' optionally lists other spellings that count as the term; plurals are matched without \
        listing them. A term written in capitals (IOP) matches only in capitals.

        Example:
            terms:
              - term: IOP
                forms: [intensive outpatient program]
                definition: Treatment where you go to group several days a week while you live at home.
        """)
}
