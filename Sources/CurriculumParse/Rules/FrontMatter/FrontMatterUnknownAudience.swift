extension FrontMatterRules {
    public static let unknownAudience = RuleDescriptor("front-matter.unknown-audience", .error, "The audience is not one the schema allows.",
        explanation: """
        The audience says who a handout is written for, and sets its reading-grade ceiling (see `curriculum \
        explain reading.grade`). It must be one of the audiences listed under 'audiences:' in schema.yaml (in the \
        sample: adult, adolescent, family). Leave the field out for adults. The finding suggests the closest \
        audience; `curriculum check --fix` writes it.

        Wrong:
            audience: teens
        Fixed:
            audience: adolescent

        To fix it, use an audience from schema.yaml, or remove the field.
        """)
}
