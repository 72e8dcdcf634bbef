/// Findings of the layout check the build runs on every PDF after WeasyPrint laid it out.
public enum LayoutRules {
    public static let sparsePage = RuleDescriptor("layout.sparse-page", .warning, "A page of a PDF is nearly empty: its content ends in the top fifth of the page body.")
    public static let splitBlock = RuleDescriptor("layout.split-block", .warning, "A worksheet, checklist, log or table is split across pages although it fits on one, or a heading ends a page.")
    public static let overflow = RuleDescriptor("layout.overflow", .warning, "Content is wider than the page body, or runs below it into the footer or off the paper.")

    public static let all = [sparsePage, splitBlock, overflow]
}
