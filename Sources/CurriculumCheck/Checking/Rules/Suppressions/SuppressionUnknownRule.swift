extension Suppressions {
    public static let unknownRule = RuleDescriptor("suppression.unknown-rule", .warning, "A curriculum-ignore comment names a rule that does not exist (often a typo).",
        explanation: """
        The rule ids a suppression names must be ids that `curriculum rules` lists; a misspelt id suppresses nothing. \
        The fix suggests the closest id.

        \(syntax)
        """)
}
