extension WidgetParser {
    public static let tooDeep = RuleDescriptor("widgets.too-deep", .error,
        "A worksheet block sits inside more than \(Module.maxBlockDepth) callouts or facilitator blocks, and is left out.",
        explanation: """
        A callout or facilitator block may hold other worksheet blocks, but not without end: each level is read and \
        printed inside the one around it, so a block nested more than 8 deep is left out of handouts and guides \
        (and not read), and a build refuses the module. Real handouts need two or three levels at most.

        Wrong:
            nine callouts, each inside the one before it
        Fixed:
            a callout that holds a {facilitator} block, next to a second callout

        To fix it, move the inner blocks out of the blocks around them: put them one after the other instead.
        """)
}
