extension WidgetParser {
    public static let unknown = RuleDescriptor("widgets.unknown", .error, "A fenced block names a worksheet block that does not exist.",
        explanation: """
        Worksheet blocks are fenced code blocks whose first line names the block in braces: {worksheet}, \
        {checklist}, {log}, {facilitator} or {callout}. A name the tool does not know cannot be printed, and it \
        is usually a typo. The finding suggests the closest name.

        Wrong:
            ```{worksheets} My trigger map
            lines 2: A place that is a trigger for me
            ```
        Fixed:
            ```{worksheet} My trigger map
            lines 2: A place that is a trigger for me
            ```

        To fix it, use one of the five block names (docs/modules.md shows each one).
        """)
}
