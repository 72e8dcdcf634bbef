/// A clinic that records who approved its content sets `review: {require-reviewer: true}` in
/// schema.yaml: then an approved module without `reviewed-by` is an error, at its `status`.
public struct ReviewerRule: ModuleRule {
    public static let missingReviewer = RuleDescriptor("review.missing-reviewer", .error,
        "An approved module does not say who reviewed it, and the schema requires a reviewer (review: require-reviewer).",
        explanation: """
        'status: approved' tells facilitators that a clinician checked the module. When schema.yaml says
            review:
              require-reviewer: true
        an approved module must also name that clinician in 'reviewed-by', as one text: the name, a comma, the \
        credential. Without it nobody can tell who to ask about the content, or whether the review happened.

        To settle it, write the name and credential of the person who did the review. Never write a name for a \
        review that did not take place: leave the module at 'status: draft' (or 'sample') until it has one.

        Example (with require-reviewer: true):
            status: approved                         # error: who reviewed it?
            reviewed: 2026-11-01
            reviewed-by: "Jordan Lee, LICSW"         # fixed
        """)
    public static let descriptors = [missingReviewer]

    public init() {}

    public func check(_ module: Module, in context: CheckContext) -> [Diagnostic] {
        guard context.schema.requireReviewer, let status = module.status, status.value == .approved,
              module.reviewedBy?.value.trimmingWhitespace().isEmpty ?? true else { return [] }
        return [Self.missingReviewer.diagnostic(module.path, module.reviewedBy?.range ?? status.range,
            "the module is approved but does not say who reviewed it, and schema.yaml requires a reviewer",
            fix: Fix(summary: "add 'reviewed-by: \"Name, Credential\"' for the clinician who did the review; if there was no review, write 'status: draft'"))]
    }
}
