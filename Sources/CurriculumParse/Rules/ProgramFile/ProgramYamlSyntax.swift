extension ProgramFileRules {
    public static let yamlSyntax = RuleDescriptor("program.yaml-syntax", .error, "program.yaml is not valid YAML.",
        explanation: """
        program.yaml says how the program runs: its weeks, tracks, meetings, agendas and which modules fill which \
        sessions. When it is not valid YAML, none of it can be read, so no program check, packet or session plan can \
        be made. The finding points at the line and column where reading failed: often a tab used to indent, a \
        missing space after a colon or dash, or brackets that are not closed.

        Wrong:
            meetings:
              - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour
        Fixed:
            meetings:
              - {days: [Mon, Wed, Fri], time: 17:30-20:30, agenda: three-hour}

        To fix it, mend the line the finding names (docs/program.md shows the format).
        """)
}
