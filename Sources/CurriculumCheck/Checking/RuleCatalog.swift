/// Every rule the tool knows, for `curriculum rules`, SARIF's rule list and severity settings.
public enum RuleCatalog {
    public static let moduleRules: [any ModuleRule] = [RawHTMLRule(), SchemaReferenceRule(), GroupFormatRule(), LinkRule(), AnchorRule(), WidgetRule(), FenceRule(), SectionHeadingRule(), SectionMinutesRule(),
                                                             PlaceholderRule(), ReviewDateRule(), ReviewerRule(), OutcomeVerbRule(), PersonFirstRule(), EmergencyNumberRule(),
                                                             ReadingGradeRule(), ReadingEaseSpanishRule(), PrivacyRule(), BidiControlRule()]
    public static let curriculumRules: [any CurriculumRule] = [DuplicateIDRule(), RequiresRule(), ProgramIntensityRule(), ProgramModuleRule(), ProgramOrderRule(), ProgramCoverageRule(),
                                                                     ProgramOverlapRule(), TranslationSourceRule(), TranslationSyncRule()]

    public static let all: [RuleDescriptor] = {
        var list = SetupRules.all + FileRules.all + FrontMatterRules.all + ListIndentCheck.descriptors
        list += BuildRules.all + LayoutRules.all + ProgramFileRules.all + LanguageRules.all
        list += [ProgramCalendar.noCycleStart]
        list += [GlossaryLoader.syntax, GlossaryLoader.invalid, FixRun.writeFailed] + Suppressions.descriptors
        for rule in moduleRules { list += type(of: rule).descriptors }
        for rule in curriculumRules { list += type(of: rule).descriptors }
        var seen = Set<RuleID>()
        return list.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }()

    /// Every rule id, as the schema and suppressions write them.
    public static let ids: Set<String> = Set(all.map(\.id.rawValue))

    private static let byID: [RuleID: RuleDescriptor] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The rule with this id; a dictionary lookup, as it runs once per finding.
    public static func descriptor(_ id: RuleID) -> RuleDescriptor? {
        byID[id]
    }

    /// The rule named `id` as a person wrote it (in schema.yaml, a suppression, `explain`).
    public static func descriptor(_ id: String) -> RuleDescriptor? {
        byID[RuleID(id)]
    }
}
