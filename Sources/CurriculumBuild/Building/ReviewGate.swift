/// `build --require-review`: a clinic's CI publishes only content its own clinician approved.
/// Every module that is not `status: approved` with a `reviewed-by` is listed, and nothing is built.
extension Builder {
    public static let notApproved = BuildRules.notApproved

    /// One finding for each module `--require-review` refuses, in module order.
    static func unreviewed(_ modules: [Module]) -> [Diagnostic] {
        modules.filter { !$0.isApprovedWithReviewer }.map { module in
            let what: String
            switch module.reviewStatus {
            case .approved: what = "is approved but does not say who reviewed it ('reviewed-by')"
            case .sample: what = "is sample content ('status: sample') that no clinician of yours has approved"
            case .draft: what = module.status == nil ? "does not say it is approved (no 'status', so it counts as a draft)" : "is a draft ('status: draft')"
            }
            return notApproved.diagnostic(module.path, module.status?.range ?? SourceRange.at(line: 1, width: 3),
                "--require-review: the module \(what)",
                fix: Fix(summary: "have a clinician review it, then write 'status: approved', 'reviewed: DATE' and 'reviewed-by: \"Name, Credential\"'; or build without --require-review"))
        }
    }
}
