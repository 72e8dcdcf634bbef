extension FrontMatterRules {
    public static let missingField = RuleDescriptor("front-matter.missing-field", .error, "A required field is missing from the front matter.",
        explanation: """
        A few fields are needed for a module to be printed and scheduled: id, title, topic, group, objectives, \
        outcomes and minutes. A field that is left out, or written with an empty value ('title:' and nothing \
        after it), is reported at the first line of the module. An approved module ('status: approved') also \
        needs 'reviewed', the date of its clinical review; that finding is at the 'status' line.

        Wrong:
            ---
            id: urge-surfing
            title: Urge Surfing
            topic: coping
            group: skill-building
            objectives: [coping]
            outcomes: [Practice urge surfing for five minutes]
            ---
        Fixed (the missing field added before the closing ---):
            minutes: 50

        To fix it, add the field the finding names, with its value (docs/modules.md describes each field).
        """)
}
