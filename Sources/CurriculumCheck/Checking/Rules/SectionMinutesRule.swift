/// When sections carry their minutes (`## Practice (20 min)`), they add up to the module's `minutes`.
public struct SectionMinutesRule: ModuleRule {
    public static let sum = RuleDescriptor("sections.minutes-sum", .error, "The minutes written in section headings do not add up to the module's minutes.",
        explanation: """
        A section heading can carry its planned minutes: '## Practice (20 min)'. When at least one section does, the \
        timed sections must add up to the module's 'minutes', so the facilitator's plan and the program's schedule \
        agree. The finding shows the sum, and `curriculum check --fix` sets 'minutes' to it.

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
