extension WidgetParser {
    public static let syntax = RuleDescriptor("widgets.syntax", .error, "A line of a worksheet block cannot be read (see docs/modules.md for the syntax).",
        explanation: """
        Each line of a worksheet block must be one the block knows, so it prints as a writing space, a scale or a \
        box to tick. In {worksheet}: 'lines N:' (1 to 12 lines) or 'lines:' (3), 'scale A-B:' (at most 11 numbers, \
        such as 0-10), 'ends: low | high' (right under its scale), 'check:', 'text:' and 'answer:' (right under the \
        item it answers), each with text after the colon, and at least one item. A {checklist} needs at least one \
        item. A {log} needs 'columns:' (1 to 8, separated by |, each with an optional width (narrow), (medium) or \
        (wide) at its end, not all narrow) and 'rows:' (1 to 31, or labels separated by |).

        Wrong:
            ```{worksheet} My trigger map
            lines 20: A place that is a trigger for me
            ```
        Fixed:
            ```{worksheet} My trigger map
            lines 2: A place that is a trigger for me
            ```

        To fix it, write the line as the finding suggests (docs/modules.md, "Worksheet blocks").
        """)
}
