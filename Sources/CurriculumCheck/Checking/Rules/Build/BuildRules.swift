/// Problems of the build step itself (after the content passed its checks). Declared here, below
/// the build, so the rule catalog, suppressions and `explain` know every rule id; the build and
/// render stages report them through the names they had (`Builder.notApproved`, `TemplateSet.missing`).
public enum BuildRules {
    // Each rule is declared in a file of its own (in this folder), with its long explanation.
    public static let all = [writeFailed, pdfFailed, pdfWarning, locked, notApproved, outputFolder, noProgram, pdfEngine, templates]
}
