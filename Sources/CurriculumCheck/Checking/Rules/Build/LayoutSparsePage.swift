extension LayoutRules {
    public static let sparsePage = RuleDescriptor("layout.sparse-page", .warning, "A page of a PDF is nearly empty: its content ends in the top fifth of the page body.",
        explanation: """
        After WeasyPrint lays out a PDF, the build looks at every page. This finding means a page of a document of \
        two or more pages is nearly empty: its content ends in the top fifth of the page body (the area inside the \
        margins; running headers, footers and page numbers do not count). Such a page usually holds a line or two \
        that did not fit on the page before: a disclaimer, the sources, a heading, the last item of a list. The \
        finding points at the module line (or, for what a template wrote, the template line) of the first thing on \
        the page, and names the PDF and the page. A one-page document is never sparse.

        Wrong:
            a handout whose page 5 holds only the disclaimer
        Fixed:
            the disclaimer kept with the last section (print.css), or a section shortened so the page is not needed

        To fix it, look at the page (`pdftoppm -png -r 60 -f 5 -l 5 file.pdf page`), then shorten or move what is \
        stranded, or keep it with what comes before it in print.css (`break-inside: avoid`, `orphans`, `widows`).
        """)
}
