extension FrontMatterRules {
    public static let invalidID = RuleDescriptor("front-matter.invalid-id", .error, "A module id is not a slug of lowercase letters, digits and hyphens.",
        explanation: """
        Programs, 'requires' lists and build file names name a module by its id, so an id must be a slug: \
        lowercase letters a to z, digits and single hyphens, not starting or ending with a hyphen, at most 64 \
        characters (build file names are made from it). Capitals, spaces, underscores and accented letters are not allowed. The finding suggests a slug made from the id, and \
        `curriculum check --fix` writes it.

        Wrong:
            id: Urge_Surfing
        Fixed:
            id: urge-surfing

        To fix it, use the suggested slug, and update program.yaml and any 'requires' that name the old id.
        """)
}
