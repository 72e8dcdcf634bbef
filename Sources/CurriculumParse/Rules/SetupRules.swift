/// Rules about the curriculum folder and its schema: when these fail the setup cannot be used
/// and the command exits with 2.
public enum SetupRules {
    // Each rule is declared in a file of its own (in Setup/), with its long explanation.
    public static let all = [folder, schemaSyntax, schemaInvalid, schemaUnknownRule, schemaUnknownKey]
}
