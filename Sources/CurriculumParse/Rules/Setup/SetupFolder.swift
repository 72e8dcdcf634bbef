extension SetupRules {
    public static let folder = RuleDescriptor("setup.folder", .error, "The curriculum folder (or a file given) cannot be read or holds no schema.yaml.", setup: true,
        explanation: """
        `curriculum check` and `build` work on a curriculum folder: the folder that holds schema.yaml, with the \
        modules under modules/. This finding means the folder (or file) given does not exist, is a file where a \
        folder was expected, has no readable schema.yaml, or a module named on the command line is not inside any \
        folder with a schema.yaml. `curriculum new module` reports it when the new file cannot be written. The \
        command stops with exit status 2, as nothing can be checked.

        Wrong:
            curriculum check curriculm
            curriculum check ~/Desktop/urge-surfing.md
        Fixed:
            curriculum check curriculum
            curriculum check curriculum/modules/coping/urge-surfing.md

        To fix it, give the path of the curriculum folder (or of a module inside it), and check that schema.yaml \
        is there and readable.
        """)
}
