extension FrontMatterRules {
    public static let alias = RuleDescriptor("front-matter.alias", .error, "The front matter uses YAML anchors or aliases, which modules have no use for.",
        explanation: """
        YAML lets a file name a value with an anchor (&name) and repeat it elsewhere with an alias (*name). A module's \
        front matter is a few short fields, so it has no use for them, and refusing them keeps a module from \
        hiding a value where writers and reviewers would not look for it. (program.yaml may use them; modules \
        may not.)

        Wrong:
            objectives: &goals [coping, triggers]
        Fixed:
            objectives: [coping, triggers]

        To fix it, write each value out in full where it is used, and remove the &name and *name marks.
        """)
}
