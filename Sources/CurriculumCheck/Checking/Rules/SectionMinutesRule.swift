/// When sections carry their minutes (`## Practice (20 min)`), they add up to the module's `minutes`.
public struct SectionMinutesRule: ModuleRule {
    public static let sum = RuleDescriptor("sections.minutes-sum", .error, "The minutes written in section headings do not add up to the module's minutes.")
    public static let descriptors = [sum]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        guard let minutes = module.minutes else { return [] }
        let timed = module.sections.filter { $0.minutes != nil }
        guard !timed.isEmpty else { return [] }
        let total = timed.reduce(0) { $0 + $1.minutes! }
        guard total != minutes.value else { return [] }
        let parts = timed.map { "\($0.title) \($0.minutes!)" }.joined(separator: " + ")
        return [Self.sum.diagnostic(module.path, minutes.range,
            "the sections add up to \(total) minutes (\(parts)), but the module has \(minutes.value)",
            fix: Fix(summary: "change the section minutes or 'minutes' so they agree",
                     replacements: [Replacement(range: minutes.range, text: String(total))]))]
    }
}
