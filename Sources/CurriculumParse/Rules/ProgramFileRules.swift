/// Rules about the form of `program.yaml`: valid YAML, fields present and of the right kind.
public enum ProgramFileRules {
    public static let yamlSyntax = RuleDescriptor("program.yaml-syntax", .error, "program.yaml is not valid YAML.")
    public static let invalid = RuleDescriptor("program.invalid", .error, "A field of program.yaml is missing, of the wrong kind, or has a value that cannot be used.")

    public static let all = [yamlSyntax, invalid]
}
