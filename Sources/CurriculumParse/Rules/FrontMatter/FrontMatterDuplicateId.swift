extension FrontMatterRules {
    public static let duplicateID = RuleDescriptor("front-matter.duplicate-id", .error, "Two modules have the same id.",
        explanation: """
        Programs and 'requires' lists name modules by id, so two modules with the same id would make it unclear \
        which one is meant. This often happens when a module is copied to start a new one. The finding is on one \
        module and names the file and line of the other.

        Wrong:
            modules/coping/urge-surfing.md:       id: urge-surfing
            modules/coping/urge-surfing-teen.md:  id: urge-surfing
        Fixed:
            modules/coping/urge-surfing.md:       id: urge-surfing
            modules/coping/urge-surfing-teen.md:  id: urge-surfing-teen

        To fix it, give the copy its own id, and update program.yaml and any 'requires' that should name it.
        """)
}
