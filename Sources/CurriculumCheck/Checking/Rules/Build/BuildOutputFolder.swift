extension BuildRules {
    public static let outputFolder = RuleDescriptor("build.output-folder", .error,
        "The output folder cannot be used: it is /, the home folder, or inside the curriculum or templates folder, or a symbolic link in it leads elsewhere.",
        setup: true,
        explanation: """
        A build writes into its output folder and cleans up there (old outputs, unfinished temporary files), so it \
        refuses a folder where that could touch your own files: / and your home folder, the curriculum or templates \
        folder or a folder inside them (exit status 2). A folder that holds the curriculum, such as the \
        repository's root, is allowed. A symbolic link inside the output folder (handouts/, or the lock file) is \
        refused too: the build never writes through one to another place.

        Wrong:
            curriculum build --out curriculum/handouts
        Fixed:
            curriculum build --out build

        To fix it, build into a folder of its own with --out, or remove the symbolic link the finding names.
        """)
}
