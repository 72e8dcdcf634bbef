extension FileRules {
    public static let unreadable = RuleDescriptor("file.unreadable", .error, "A module file cannot be read (permissions, or a folder named like a module).",
        explanation: """
        Every module is read from disk before it is checked. This finding means a file under modules/ whose name \
        ends in .md could not be read: you may not have permission to read it, or it is a folder named like a \
        module. Nothing in it was checked.

        Wrong:
            modules/coping/urge-surfing.md/notes.txt     # a folder named like a module
            -rw------- other-user modules/coping/urge-surfing.md   # only its owner may read it
        Fixed:
            modules/coping/urge-surfing-notes/notes.txt
            chmod a+r modules/coping/urge-surfing.md

        To fix it, rename the folder so its name does not end in .md, or let everyone who checks the curriculum \
        read the file (chmod a+r FILE).
        """)
}
