extension Suppressions {
    public static let missingReason = RuleDescriptor("suppression.missing-reason", .error, "A curriculum-ignore comment gives no reason after a colon; it does not apply until it does.",
        explanation: """
        A suppression keeps text that a rule would report, so the next writer needs to know why. Write the reason \
        after a colon. Until it has one, the suppression does not apply: the finding it meant to hide is reported too.

        \(syntax)
        """)
}
