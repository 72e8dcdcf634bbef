/// Problems of the build step itself (after the content passed its checks). Declared here, below
/// the build, so the rule catalog, suppressions and `explain` know every rule id; the build and
/// render stages report them through the names they had (`Builder.notApproved`, `TemplateSet.missing`).
public enum BuildRules {
    public static let writeFailed = RuleDescriptor("build.write-failed", .error, "An output file could not be written (permissions, disk full, a file where a folder should be).", setup: true)
    public static let pdfFailed = RuleDescriptor("build.pdf-failed", .error, "WeasyPrint could not turn a page into a PDF; its own message is shown.")
    public static let pdfWarning = RuleDescriptor("build.pdf-warning", .warning, "WeasyPrint made the PDF but printed a warning (often a CSS rule in an edited template); its own words are shown.")
    public static let locked = RuleDescriptor("build.locked", .error, "Another build is writing to the same output folder.", setup: true)
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
    public static let outputFolder = RuleDescriptor("build.output-folder", .error,
        "The output folder cannot be used: it is /, the home folder, or inside the curriculum or templates folder, or a symbolic link in it leads elsewhere.",
        setup: true)
    public static let noProgram = RuleDescriptor("setup.no-program", .error, "A packet or coverage report needs program.yaml, and the curriculum has none.", setup: true)
    public static let pdfEngine = RuleDescriptor("setup.pdf-engine", .error, "WeasyPrint, the PDF engine, is not installed or cannot start.", setup: true)
    public static let templates = RuleDescriptor("setup.templates", .error, "A template is missing or cannot be parsed.", setup: true)

    public static let all = [writeFailed, pdfFailed, pdfWarning, locked, notApproved, outputFolder, noProgram, pdfEngine, templates]
}
