extension LanguageRules {
    public static let missingLabel = RuleDescriptor("language.missing-label", .error,
        "A language pack lacks a label the templates print, or the name of a reserved section.",
        explanation: """
        A language pack (curriculum/languages/<lang>.yaml) says what handouts, guides and packets of modules in \
        that language print: the names of the reserved sections (Key points, Practice, Homework, ...), every \
        label and sentence of the templates (what you will learn, words to know, page N of M, the disclaimer, \
        the packet cover and the between-session pages) and the date formats. A label the pack does not give is \
        not printed in English instead: a Spanish handout with one English heading is a broken handout. So every \
        label must be in every pack, and a label added to the templates later must be added to each pack.

        The finding is at the pack's 'labels:' (or 'sections:') line and names the missing key with its English \
        text. `curriculum explain language.missing-label` prints this; docs/languages.md lists the keys.

        Wrong (es.yaml, no words-to-know):
            labels:
              what-you-will-learn: Lo que va a aprender
        Fixed:
            labels:
              what-you-will-learn: Lo que va a aprender
              words-to-know: Palabras que debe conocer
        """)
}
