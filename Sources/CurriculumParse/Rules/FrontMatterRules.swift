/// Rules about a module's front matter: its presence, its YAML, its fields and their types.
public enum FrontMatterRules {
    // Each rule is declared in a file of its own (in FrontMatter/), with its long explanation.
    public static let all = [missing, unclosed, yamlSyntax, alias, notMapping, duplicateField, missingField, wrongType,
                             unknownField, invalidID, invalidDate, unknownObjective, unknownTopic, unknownGroup,
                             unknownAudience, invalidLanguage, emptyList, duplicateID]
}
