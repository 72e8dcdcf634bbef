extension LayoutRules {
    public static let overflow = RuleDescriptor("layout.overflow", .warning, "Content is wider than the page body, or runs below it into the footer or off the paper.",
        explanation: """
        Content that is wider than the page body is cut off at the paper's edge, and a block that runs below the \
        page body prints over the footer. This finding means an element of a PDF reaches past the page body: a log with \
        many columns or a long word that cannot wrap, a wide image, or an unbreakable block taller than the page. \
        It points at the module (or template) line of the element and names the PDF and the page.

        Wrong:
            columns: Day | Time | Where I was | Who I was with | What I felt | Urge 0-10 | What I did | How it went
        Fixed:
            columns: Day | What happened | Urge 0-10 | What I did

        To fix it, use fewer or narrower columns, break long words or links, or make the image smaller.
        """)
}
