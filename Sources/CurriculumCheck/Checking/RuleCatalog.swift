/// Every rule the tool knows, for `curriculum rules`, SARIF's rule list and severity settings.
public enum RuleCatalog {
    public static let moduleRules: [any ModuleRule] = [RawHTMLRule(), SchemaReferenceRule(), GroupFormatRule(), LinkRule(), WidgetRule(), SectionMinutesRule(),
                                                             PlaceholderRule(), ReviewDateRule(), ReviewerRule(), OutcomeVerbRule(), PersonFirstRule(), EmergencyNumberRule(),
                                                             ReadingGradeRule(), PrivacyRule(), BidiControlRule()]
    public static let curriculumRules: [any CurriculumRule] = [DuplicateIDRule(), RequiresRule(), ProgramIntensityRule(), ProgramModuleRule(), ProgramOrderRule(), ProgramCoverageRule(),
                                                                     ProgramOverlapRule()]

    public static let all: [RuleDescriptor] = {
        var list = SetupRules.all + FileRules.all + FrontMatterRules.all
        list += BuildRules.all + LayoutRules.all + ProgramFileRules.all
        list += [ProgramCalendar.noCycleStart]
        list += [GlossaryLoader.syntax, GlossaryLoader.invalid, FixRun.writeFailed] + Suppressions.descriptors
        for rule in moduleRules { list += type(of: rule).descriptors }
        for rule in curriculumRules { list += type(of: rule).descriptors }
        var seen = Set<String>()
        return list.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
    }()

    public static let ids: Set<String> = Set(all.map(\.id))

    private static let byID: [String: RuleDescriptor] = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

    /// The rule with this id; a dictionary lookup, as it runs once per finding.
    public static func descriptor(_ id: String) -> RuleDescriptor? {
        byID[id]
    }
}
