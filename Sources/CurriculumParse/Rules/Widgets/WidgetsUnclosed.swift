extension WidgetParser {
    public static let unclosed = RuleDescriptor("widgets.unclosed", .error, "A worksheet block is never closed with ```, so it swallows the rest of the module.",
        explanation: """
        A worksheet block ends at a line of three backticks (```). Without that line, Markdown reads everything \
        after the opening line, to the end of the file, as part of the block, so the rest of the module disappears \
        from the handout.

        Wrong:
            ```{checklist} Signs I notice early
            Skipping meals
            Sleeping badly

            ## Homework
        Fixed:
            ```{checklist} Signs I notice early
            Skipping meals
            Sleeping badly
            ```

            ## Homework

        To fix it, add a line with ``` where the block ends.
        """)
}
