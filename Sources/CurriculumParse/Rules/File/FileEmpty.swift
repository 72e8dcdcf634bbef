extension FileRules {
    public static let empty = RuleDescriptor("file.empty", .error, "A module file is empty.",
        explanation: """
        A module file with no text at all, or only spaces and blank lines, is usually left over from a rename \
        or an editor that crashed. It has no front matter, so it cannot be a module.

        Wrong:
            touch modules/coping/urge-surfing.md     # an empty file
        Fixed:
            curriculum new module --topic coping --group skill-building "Urge Surfing"

        To fix it, write the module (start with its front matter between --- lines, or let `curriculum new \
        module` start it for you), or delete the file.
        """)
}
