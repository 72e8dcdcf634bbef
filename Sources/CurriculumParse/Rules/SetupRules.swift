/// Rules about the curriculum folder and its schema: when these fail the setup cannot be used
/// and the command exits with 2.
public enum SetupRules {
    public static let folder = RuleDescriptor("setup.folder", .error, "The curriculum folder (or a file given) cannot be read, holds no schema.yaml, or is not what the command takes (check: modules or a folder; build: the curriculum folder).", setup: true)
    public static let schemaSyntax = RuleDescriptor("schema.yaml-syntax", .error, "schema.yaml is not valid YAML.", setup: true)
    public static let schemaInvalid = RuleDescriptor("schema.invalid", .error, "A field of schema.yaml is missing, of the wrong type or has a value that cannot be used.", setup: true)
    public static let schemaUnknownRule = RuleDescriptor("schema.unknown-rule", .warning, "schema.yaml sets the severity of a rule that does not exist.", setup: true)

    public static let all = [folder, schemaSyntax, schemaInvalid, schemaUnknownRule]
}
