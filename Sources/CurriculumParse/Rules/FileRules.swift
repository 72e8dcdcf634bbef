/// Rules about reading a module file at all.
public enum FileRules {
    public static let unreadable = RuleDescriptor("file.unreadable", .error, "A module file cannot be read (permissions, or a folder named like a module).")
    public static let invalidUTF8 = RuleDescriptor("file.invalid-utf8", .error, "A module file is not valid UTF-8 text.")
    public static let empty = RuleDescriptor("file.empty", .error, "A module file is empty.")
    public static let tooLarge = RuleDescriptor("file.too-large", .error, "A module file is larger than the limit in schema.yaml (content: max-module-kb, 1024 by default) and is not read.")

    public static let outsideCurriculum = RuleDescriptor("file.outside-curriculum", .error,
        "A module, program.yaml, glossary.yaml or schema.yaml is a symbolic link that leads out of the curriculum folder, and is not read.")

    public static let all = [unreadable, invalidUTF8, empty, tooLarge, outsideCurriculum]
}
