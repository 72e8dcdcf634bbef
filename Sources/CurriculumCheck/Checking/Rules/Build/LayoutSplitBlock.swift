extension LayoutRules {
    public static let splitBlock = RuleDescriptor("layout.split-block", .warning, "A worksheet, checklist, log or table is split across pages although it fits on one, or a heading ends a page.",
        explanation: """
        A worksheet, checklist or log split across two pages is hard to fill in, and a heading at the bottom of a \
        page with its text on the next is easy to miss. This finding means a worksheet, checklist, log or table is \
        split across pages although it is shorter than a page (so it could have been kept on one), or that a \
        heading is the last thing on a page. It points at the line of the block (or heading) in the module, or in \
        the template that wrote it, and names the PDF and the pages.

        Wrong:
            ```{log} My HALT log            # starts near the bottom of a page, its rows go on overleaf
        Fixed:
            .log-block { break-inside: avoid; }      # print.css: start it on the next page instead

        To fix it, keep the block together in print.css (`break-inside: avoid`; for a heading `break-after: \
        avoid`), or shorten what comes before it. A block taller than a page may be split and is not reported.
        """)
}
