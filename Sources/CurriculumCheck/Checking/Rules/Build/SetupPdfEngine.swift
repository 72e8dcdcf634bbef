extension BuildRules {
    public static let pdfEngine = RuleDescriptor("setup.pdf-engine", .error, "WeasyPrint, the PDF engine, is not installed or cannot start.", setup: true,
        explanation: """
        PDFs are made by WeasyPrint from the same HTML and CSS as the HTML output. When WeasyPrint is not installed \
        or cannot start, no PDF can be made, so `curriculum build` stops with exit status 2 before writing anything.

        Wrong:
            curriculum build            # on a computer without WeasyPrint
        Fixed:
            sudo apt-get install weasyprint && curriculum build
            curriculum build --no-pdf   # HTML only

        To fix it, install WeasyPrint (Debian package weasyprint, or `make deps`), or build HTML only with --no-pdf.
        """)
}
