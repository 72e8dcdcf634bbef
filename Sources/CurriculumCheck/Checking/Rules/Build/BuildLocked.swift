extension BuildRules {
    public static let locked = RuleDescriptor("build.locked", .error, "Another build is writing to the same output folder.", setup: true,
        explanation: """
        Two builds writing into the same output folder at once would mix their files, so a build takes a lock on \
        the folder and another build into it is refused (exit status 2) until the first one ends.

        Wrong:
            curriculum build &  curriculum build --paper a4
        Fixed:
            curriculum build &  curriculum build --paper a4 --out build-a4

        To fix it, wait for the other build to finish, or build into another folder with --out.
        """)
}
