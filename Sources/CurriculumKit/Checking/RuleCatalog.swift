/// Every rule the tool knows, for `curriculum rules`, SARIF's rule list and severity settings.
public enum RuleCatalog {
    public static let moduleRules: [any ModuleRule] = [SchemaReferenceRule(), GroupFormatRule(), LinkRule(), WidgetRule(), SectionMinutesRule(),
                                                             PlaceholderRule()]
    public static let curriculumRules: [any CurriculumRule] = [DuplicateIDRule(), RequiresRule()]

    public static let all: [RuleDescriptor] = {
        var list = SetupRules.all + FileRules.all + FrontMatterRules.all
        list += BuildRules.all + [TemplateSet.missing, WeasyPrintEngine.missing]
        for rule in moduleRules { list += type(of: rule).descriptors }
        for rule in curriculumRules { list += type(of: rule).descriptors }
        var seen = Set<String>()
        return list.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }()

    public static let ids: Set<String> = Set(all.map(\.id))

    public static func descriptor(_ id: String) -> RuleDescriptor? {
        all.first { $0.id == id }
    }
}
