/// When sections carry their minutes (`## Practice (20 min)`), they add up to the module's `minutes`.
public struct SectionMinutesRule: ModuleRule {
    public static let sum = RuleDescriptor("sections.minutes-sum", .error, "The minutes written in section headings do not add up to the module's minutes.",
        explanation: """
        A section heading can carry its planned minutes: '## Practice (20 min)'. When at least one section does, the \
        timed sections must add up to the module's 'minutes', so the facilitator's plan and the program's schedule \
        agree. The finding shows the sum; when every section carries its minutes (Facilitator notes and Sources may have none), `curriculum check --fix` sets 'minutes' to it.

        Wrong:
            minutes: 50
            ---
            # Urge Surfing
            ## Check-in (10 min)
            ## Practice (30 min)
        Fixed:
            minutes: 40
            ---
            # Urge Surfing
            ## Check-in (10 min)
            ## Practice (30 min)

        To fix it, change the section minutes or the module's minutes so they agree. Sections without minutes in \
        their heading are not counted.
        """)
    public static let descriptors = [sum]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        guard let minutes = module.minutes else { return [] }
        // Until a block is closed the sections are not known; a section heading reported by
        // SectionHeadingRule (`## Homework - 20 min`, `### Practice (20 min)`) counts its minutes,
        // and one whose minutes are in words or left out (`## Homework:`) makes the sum wait.
        if FenceRule.breaksStructure(module) { return [] }
        var timed = module.sections.compactMap { section in section.minutes.map { (section.title, $0) } }
        for problem in SectionHeadingRule.problems(in: module, schema: context.schema) {
            if problem.waits { return [] }
            if let extra = problem.minutes { timed.append((problem.name.prefix(1).uppercased() + problem.name.dropFirst(), extra)) }
        }
        guard !timed.isEmpty else { return [] }
        let total = timed.reduce(0) { $0 + $1.1 }
        guard total != minutes.value else { return [] }
        let parts = timed.map { "\($0.0) \($0.1)" }.joined(separator: " + ")
        return [Self.sum.diagnostic(module.path, minutes.range,
            "the sections add up to \(total) minutes (\(parts)), but the module has \(minutes.value)",
            fix: Fix(summary: "change the section minutes or 'minutes' so they agree",
                     replacements: [Replacement(range: minutes.range, text: String(total))],
                     automatic: Self.everySectionIsTimed(module)))]
    }

    /// True when every section carries its minutes (all but the facilitator notes and the
    /// sources): the total is then certainly the module's minutes, and `check --fix` writes it.
    static func everySectionIsTimed(_ module: Module) -> Bool {
        // The facilitator-only sections (as the renderer names them) and the sources.
        let untimed: Set<String> = ["facilitator notes", "facilitator note", "notes for facilitators", "sources"]
        let sections = module.sections.filter { $0.heading != nil && !untimed.contains($0.name) }
        return !sections.isEmpty && sections.allSatisfy { $0.minutes != nil }
    }
}

