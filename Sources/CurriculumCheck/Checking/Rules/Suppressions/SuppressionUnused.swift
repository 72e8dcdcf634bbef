extension Suppressions {
    public static let unused = RuleDescriptor("suppression.unused", .warning, "A curriculum-ignore comment suppresses nothing: the rule finds nothing in the block after it.",
        explanation: """
        The text a suppression was written for has changed or moved, or the comment stands before the wrong block. \
        Remove the comment, or move it right before the block (or front matter field) with the finding. A rule \
        switched off in schema.yaml, or skipped for a module that is not in English, does not make its suppressions \
        unused.

        \(syntax)
        """)
}
