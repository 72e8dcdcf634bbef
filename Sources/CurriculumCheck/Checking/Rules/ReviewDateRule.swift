/// Clinical content goes stale: a module's `reviewed` date older than the schema's
/// `content: review-months` (12 by default) warns; a date after today is an error.
public struct ReviewDateRule: ModuleRule {
    public static let stale = RuleDescriptor("review.stale", .warning, "The module's last clinical review is older than the schema's review-months (12 by default).",
        explanation: """
        Medication guidance, help lines and research change. Each module records the date of its last clinical review \
        in 'reviewed', and a review older than 'content: review-months' in schema.yaml (12 months by default) is \
        reported so the content team can plan the next one. The date is measured against today, or the day given with \
        --today, so CI results never depend on the clock.

        To settle it, have a clinician review the module, then set 'reviewed' to the date of that review. Do not move \
        the date without a review.

        Example (with --today 2026-11-29 and review-months 12):
            reviewed: 2025-10-01     # warns: due 2026-10-01
            reviewed: 2026-11-01     # fine
        """)
    public static let future = RuleDescriptor("review.future", .error, "The module's review date is after today.",
        explanation: """
        A review date after today is a typing mistake (often the year) or a date planned but not yet reached. Either way \
        the module would look reviewed when it is not, so it is an error.

        Example (with --today 2026-11-29):
            reviewed: 2027-11-01     # error: write the date the review took place, such as 2026-11-01
        """)
    public static let descriptors = [stale, future]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        guard let reviewed = module.reviewed else { return [] }
        let months = context.schema.content.reviewMonths
        if reviewed.value > context.today {
            return [Self.future.diagnostic(module.path, reviewed.range,
                "the review date \(reviewed.value) is after today (\(context.today))",
                fix: Fix(summary: "write the date the clinical review took place"))]
        }
        let due = reviewed.value.adding(months: months)
        if due < context.today {
            return [Self.stale.diagnostic(module.path, reviewed.range,
                "the last clinical review was on \(reviewed.value), more than \(months) month\(months == 1 ? "" : "s") ago (it was due by \(due))",
                fix: Fix(summary: "have a clinician review the module, then set 'reviewed' to the date of that review"))]
        }
        return []
    }
}
