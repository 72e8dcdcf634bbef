extension ProgramFileRules {
    public static let unknownKey = RuleDescriptor("program.unknown-key", .error, "program.yaml has a field the program does not know (often a misspelt one).",
        explanation: """
        A field name program.yaml does not know is not ignored: a misspelt 'rotation' would leave a track without \
        modules, and a misspelt 'holidays' would print sessions on days the clinic is closed. Every field of the \
        program, of a holiday, an agenda, a segment, a track, a meeting and another session is checked against the \
        fields docs/program.md lists. A close match is suggested, and the rest of the check reads the field as that \
        match, so one typo gives one finding and not the findings of a missing field.

        Wrong:
            tracks:
              - id: evening
                rotaton:
                  support: [orientation, open]
        Fixed:
            tracks:
              - id: evening
                rotation:
                  support: [orientation, open]

        To fix it, correct the spelling as suggested, or remove the field (YAML comments start with #).
        """)
}
