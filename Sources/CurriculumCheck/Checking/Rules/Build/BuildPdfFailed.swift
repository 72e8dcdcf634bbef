extension BuildRules {
    public static let pdfFailed = RuleDescriptor("build.pdf-failed", .error, "WeasyPrint could not turn a page into a PDF; its own message is shown.",
        explanation: """
        Each PDF is made by WeasyPrint from its HTML page. This finding means WeasyPrint could not make one PDF: it \
        reported an error, crashed, or took longer than --pdf-timeout (120 seconds by default). WeasyPrint's own \
        message is shown. The HTML version was written, and the other PDFs are made.

        Wrong:
            curriculum build --pdf-timeout 5      # too short for a long packet
        Fixed:
            curriculum build                       # the default 120 seconds

        To fix it, read WeasyPrint's message; it often names a template or print.css rule. For a time-out, allow \
        more time with --pdf-timeout. Build with --no-pdf to get the HTML meanwhile.
        """)
}
