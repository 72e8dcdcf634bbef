extension BuildRules {
    public static let notApproved = RuleDescriptor("build.not-approved", .error,
        "build --require-review was asked to publish a module that is not approved with a named reviewer.",
        explanation: """
        A clinic's CI can refuse to publish content nobody on its team has approved: `curriculum build \
        --require-review` builds nothing, and exits with 1, while any module lacks 'status: approved' and a \
        'reviewed-by'. Each such module is listed at its 'status' line (or its first line), with what it says now.

        The sample modules say 'status: sample': they show what a curriculum looks like, and no clinician has \
        reviewed them for your program. New modules start as 'status: draft'.

        Example:
            status: sample                           # refused with --require-review
            status: approved                         # accepted, with both lines below
            reviewed: 2026-11-01
            reviewed-by: "Jordan Lee, LICSW"

        To settle it, have a clinician review the module, then record the review in those three fields. Never \
        write a reviewer's name for a review that did not take place. Without --require-review such modules build \
        as usual, and their facilitator guides say they are sample or draft content.
        """)
}
