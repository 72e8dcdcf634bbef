/// Findings of the layout check the build runs on every PDF after WeasyPrint laid it out.
public enum LayoutRules {
    // Each rule is declared in a file of its own (in this folder), with its long explanation.
    public static let all = [sparsePage, splitBlock, overflow]
}
