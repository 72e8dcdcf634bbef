extension FileRules {
    public static let outsideCurriculum = RuleDescriptor("file.outside-curriculum", .error,
        "A module, program.yaml, glossary.yaml or schema.yaml is a symbolic link that leads out of the curriculum folder, and is not read.",
        explanation: """
        A curriculum is one folder: what is checked and printed comes from files inside it. A module, program.yaml, \
        glossary.yaml or schema.yaml that is a symbolic link to a file elsewhere is not read at all, so a link \
        planted in a pull request cannot copy a system file (the process environment with its secrets, \
        /etc/passwd) into findings, notes or handouts. Links between files inside the curriculum folder are fine.

        Wrong:
            ln -s /etc/passwd modules/coping/notes.md
            ln -s ~/shared/program.yaml program.yaml
        Fixed:
            cp ~/shared/program.yaml program.yaml

        To fix it, copy the file into the curriculum folder instead of linking to it, or remove the link.
        """)
}
