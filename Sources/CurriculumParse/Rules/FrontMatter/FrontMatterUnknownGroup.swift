extension FrontMatterRules {
    public static let unknownGroup = RuleDescriptor("front-matter.unknown-group", .error, "The group format is not declared in the schema.",
        explanation: """
        A module's group is its group format, one of those declared under 'groups:' in schema.yaml (in the sample: \
        support, skill-building, psychoeducation, family). The format decides the sections a module needs, how \
        long it may run and which program segments it can fill, so an unknown format cannot be checked or \
        scheduled. The finding suggests the closest format; `curriculum check --fix` writes it.

        Wrong:
            group: skills
        Fixed:
            group: skill-building

        To fix it, use a group format id from schema.yaml.
        """)
}
