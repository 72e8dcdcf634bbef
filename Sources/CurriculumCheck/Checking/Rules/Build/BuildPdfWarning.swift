extension BuildRules {
    public static let pdfWarning = RuleDescriptor("build.pdf-warning", .warning, "WeasyPrint made the PDF but printed a warning (often a CSS rule in an edited template); its own words are shown.",
        explanation: """
        WeasyPrint made the PDF but printed a warning, usually about a CSS rule it ignores in an edited template or \
        print.css. The PDF is kept, but it may not look as intended. WeasyPrint's own words are shown. `--strict` \
        makes these warnings fail the build.

        Wrong:
            .worksheet { brder: 1px solid black; }    # a misspelt property, ignored
        Fixed:
            .worksheet { border: 1px solid black; }

        To fix it, open the PDF, then change or remove the CSS rule WeasyPrint names.
        """)
}
