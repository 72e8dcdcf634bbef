/// Rules about a module's front matter: its presence, its YAML, its fields and their types.
public enum FrontMatterRules {
    public static let missing = RuleDescriptor("front-matter.missing", .error, "The module does not start with front matter between --- lines.")
    public static let unclosed = RuleDescriptor("front-matter.unclosed", .error, "The front matter's opening --- has no closing --- line.")
    public static let yamlSyntax = RuleDescriptor("front-matter.yaml-syntax", .error, "The front matter is not valid YAML.")
    public static let alias = RuleDescriptor("front-matter.alias", .error, "The front matter uses YAML anchors or aliases, which modules have no use for.")
    public static let notMapping = RuleDescriptor("front-matter.not-fields", .error, "The front matter is not a list of 'name: value' fields.")
    public static let duplicateField = RuleDescriptor("front-matter.duplicate-field", .error, "A field appears twice in the front matter.")
    public static let missingField = RuleDescriptor("front-matter.missing-field", .error, "A required field is missing from the front matter.")
    public static let wrongType = RuleDescriptor("front-matter.wrong-type", .error, "A field has a value of the wrong kind (text, number, list, date).")
    public static let unknownField = RuleDescriptor("front-matter.unknown-field", .warning, "The front matter has a field the curriculum does not use (often a typo).")
    public static let invalidID = RuleDescriptor("front-matter.invalid-id", .error, "A module id is not a slug of lowercase letters, digits and hyphens.")
    public static let invalidDate = RuleDescriptor("front-matter.invalid-date", .error, "A date is not a real day written YYYY-MM-DD.")
    public static let unknownObjective = RuleDescriptor("front-matter.unknown-objective", .error, "An objective is not declared in the schema.")
    public static let unknownTopic = RuleDescriptor("front-matter.unknown-topic", .error, "The topic is not declared in the schema.")
    public static let unknownGroup = RuleDescriptor("front-matter.unknown-group", .error, "The group format is not declared in the schema.")
    public static let unknownAudience = RuleDescriptor("front-matter.unknown-audience", .error, "The audience is not one the schema allows.")
    public static let invalidLanguage = RuleDescriptor("front-matter.invalid-language", .error, "The language is not a BCP 47 tag such as en or es-US.")
    public static let emptyList = RuleDescriptor("front-matter.empty-list", .error, "A list that needs at least one entry (objectives, outcomes) is empty.")
    public static let duplicateID = RuleDescriptor("front-matter.duplicate-id", .error, "Two modules have the same id.")

    public static let all = [missing, unclosed, yamlSyntax, alias, notMapping, duplicateField, missingField, wrongType,
                             unknownField, invalidID, invalidDate, unknownObjective, unknownTopic, unknownGroup,
                             unknownAudience, invalidLanguage, emptyList, duplicateID]
}
