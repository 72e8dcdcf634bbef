/// Rules about reading a module file at all.
public enum FileRules {
    public static let unreadable = RuleDescriptor("file.unreadable", .error, "A module file cannot be read (permissions, or a folder named like a module).")
    public static let invalidUTF8 = RuleDescriptor("file.invalid-utf8", .error, "A module file is not valid UTF-8 text.")
    public static let empty = RuleDescriptor("file.empty", .error, "A module file is empty.")

    public static let all = [unreadable, invalidUTF8, empty]
}
