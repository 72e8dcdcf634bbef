/// Front matter values that must name something the schema declares: objectives, topic,
/// group format, audience; plus the form of the id and language tag.
public struct SchemaReferenceRule: ModuleRule {
    public static let descriptors = [FrontMatterRules.unknownObjective, FrontMatterRules.unknownTopic,
                                     FrontMatterRules.unknownGroup, FrontMatterRules.unknownAudience,
                                     FrontMatterRules.invalidID, FrontMatterRules.invalidLanguage]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        guard module.hasFrontMatter else { return [] }
        let schema = context.schema
        var out: [Diagnostic] = []
        func unknown(_ rule: RuleDescriptor, _ what: String, _ value: Located<String>, _ choices: [String]) {
            let suggestion = closestMatch(to: value.value, in: choices)
            let list = choices.joined(separator: ", ")
            out.append(rule.diagnostic(module.path, value.range, "'\(value.value)' is not \(what) declared in schema.yaml",
                fix: Fix(summary: suggestion.map { "did you mean '\($0)'? The choices are: \(list)" } ?? "use one of: \(list)",
                         replacements: suggestion.map { [Replacement(range: value.range, text: $0)] } ?? [])))
        }
        for objective in module.objectives where schema.objective(objective.value) == nil {
            unknown(FrontMatterRules.unknownObjective, "an objective", objective, schema.objectives.map(\.id))
        }
        if let topic = module.topic, schema.topic(topic.value) == nil {
            unknown(FrontMatterRules.unknownTopic, "a topic", topic, schema.topics.map(\.id))
        }
        if let group = module.group, schema.group(group.value) == nil {
            unknown(FrontMatterRules.unknownGroup, "a group format", group, schema.groups.map(\.id))
        }
        if let audience = module.audience, !schema.audiences.contains(audience.value) {
            unknown(FrontMatterRules.unknownAudience, "an audience", audience, schema.audiences)
        }
        if let id = module.id, !Slug.isValid(id.value) {
            let slug = Slug.make(id.value)
            out.append(FrontMatterRules.invalidID.diagnostic(module.path, id.range,
                "the id '\(id.value)' should use only lowercase letters, digits and single hyphens",
                fix: Fix(summary: "use '\(slug)'", replacements: [Replacement(range: id.range, text: slug)])))
        } else if let id = module.id, id.value.count > Slug.maxModuleIDLength {
            // Build file names are made from the id: a longer one fails the build (ENAMETOOLONG).
            let slug = Slug.make(id.value)
            out.append(FrontMatterRules.invalidID.diagnostic(module.path, id.range,
                "the id is \(id.value.count) characters long; ids are at most \(Slug.maxModuleIDLength), as build file names are made from them",
                fix: Fix(summary: "use a shorter id, such as '\(slug)'", replacements: [Replacement(range: id.range, text: slug)])))
        }
        if let language = module.language, !Self.isLanguageTag(language.value) {
            out.append(FrontMatterRules.invalidLanguage.diagnostic(module.path, language.range,
                "'\(language.value)' is not a language tag", fix: Fix(summary: "use a BCP 47 tag such as en, es or pt-BR")))
        }
        return out
    }

    /// A simple BCP 47 shape: a 2-3 letter language, then optional subtags of 2-8 letters or digits.
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
